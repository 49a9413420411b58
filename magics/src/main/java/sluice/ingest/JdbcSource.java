package sluice.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import sluice.magic.UsageError;
import tech.tablesaw.api.Table;

/**
 * A JDBC query or table, streamed with a fetch size so a large result is never held twice.
 * Credentials come from the URL, {@code --password-env VAR}, {@code PGUSER}/{@code PGPASSWORD} or
 * {@code ~/.pgpass} (read by the PostgreSQL driver), and never appear in what is shown.
 */
final class JdbcSource {
    static final int FETCH_SIZE = 10_000;

    private JdbcSource() {
    }

    static Table read(IngestOptions options) {
        String url = options.source();
        Properties props = credentials(url, options.passwordEnv());
        String password = props.getProperty("password");
        String sql = options.table() != null ? "SELECT * FROM " + tableName(options.table()) : options.query();
        try (Connection connection = DriverManager.getConnection(url, props)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(FETCH_SIZE);
                if (options.limit() != null) {
                    statement.setMaxRows(options.limit());
                }
                try (ResultSet rows = statement.executeQuery(sql)) {
                    return Table.read().db(rows, options.table() != null ? options.table() : "query");
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new UsageError(describeFailure(url, e, password));
        }
    }

    private static Properties credentials(String url, String passwordEnv) {
        Properties props = new Properties();
        String user = System.getenv("PGUSER");
        if (user != null && !url.contains("user=")) {
            props.setProperty("user", user);
        }
        String password = System.getenv("PGPASSWORD");
        if (passwordEnv != null) {
            password = System.getenv(passwordEnv);
            if (password == null) {
                throw new UsageError("The environment variable " + passwordEnv + " (from --password-env) is not set.");
            }
        }
        if (password != null && !url.contains("password=")) {
            props.setProperty("password", password);
        }
        return props;
    }

    private static String tableName(String table) {
        if (!table.matches("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?")) {
            throw new UsageError("--table takes a name such as sales or public.sales, not '" + table + "'; use --query for anything else.");
        }
        return table;
    }

    /** One line: where, and the server's or driver's own reason, with no password in it. */
    private static String describeFailure(String url, SQLException e, String password) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        String where = Secrets.mask(url.replaceFirst("\\?.*$", ""));
        String hint = "";
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")) {
            hint = " Is the server running and reachable?";
        } else if (state.startsWith("28")) {
            hint = " Set PGUSER/PGPASSWORD, ~/.pgpass or --password-env VAR.";
        } else if (e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
            reason = "no JDBC driver for this URL on the classpath";
        }
        return Secrets.mask(where + ": " + reason + "." + hint, password).replace("..", ".");
    }
}
