package sluice.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.UnaryOperator;
import tech.tablesaw.api.Table;

/**
 * A JDBC query or table ({@code --query SQL} or {@code --table NAME}), streamed with a fetch size so
 * a large result is never held twice; credentials as {@link JdbcLogin} finds them, and errors as
 * {@link JdbcErrors} words them, with no password in either.
 */
final class JdbcSource {
    /** Rows per round trip: large enough to keep the wire busy, small next to a million-row table. */
    static final int FETCH_SIZE = 10_000;

    private JdbcSource() {
    }

    static Table read(IngestOptions options) {
        return read(options, System::getenv, Path.of(System.getProperty("user.home")));
    }

    /**
     * @param env  the environment variables (PGUSER, PGPASSWORD, MYSQL_PWD, the --password-env VAR)
     * @param home the home folder, with ~/.my.cnf
     */
    static Table read(IngestOptions options, UnaryOperator<String> env, Path home) {
        JdbcLogin login = JdbcLogin.of(options.source(), options.passwordEnv(), options.password(), env, home);
        try (Connection connection = DriverManager.getConnection(login.url(), login.properties())) {
            try {
                Table table = select(connection, options);
                connection.rollback();
                return table;
            } catch (SQLException e) {
                rollbackAfter(connection, e);
                throw JdbcErrors.explain(e, options.source(), login.secrets(), options.query() != null,
                        missing -> JdbcTables.suggest(missing, connection));
            }
        } catch (SQLException e) {
            throw JdbcErrors.explain(e, options.source(), login.secrets(), false, missing -> "");
        }
    }

    private static Table select(Connection connection, IngestOptions options) throws SQLException {
        // The PostgreSQL driver fetches FETCH_SIZE rows at a time (a cursor) only outside autocommit;
        // MariaDB's streams FETCH_SIZE rows at a time from the socket whenever a fetch size is set.
        connection.setAutoCommit(false);
        try {
            connection.setReadOnly(true);
        } catch (SQLException e) {
            // Read-only is a hint (JDBC says so); some drivers refuse it on an open connection, and the rollback still undoes any write.
        }
        String sql = options.table() != null ? JdbcTables.selectAll(connection, options.table()) : options.query();
        sql = JdbcProjection.wrap(connection, sql, options.columns());
        long limit = options.limit() == null ? Long.MAX_VALUE : options.limit();
        try (Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            if (limit < Integer.MAX_VALUE) {
                // --limit 0 still runs the query, for the column names and types.
                statement.setMaxRows((int) Math.max(1, limit));
            }
            try (ResultSet rows = statement.executeQuery(sql)) {
                String name = options.table() != null ? options.table() : "query";
                return SqliteColumns.handles(options.source()) ? SqliteColumns.read(rows, name, limit) : JdbcColumns.read(rows, name, limit);
            }
        }
    }

    /** Ends the failed transaction so the catalogue can still be asked for a did-you-mean. */
    private static void rollbackAfter(Connection connection, SQLException failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
