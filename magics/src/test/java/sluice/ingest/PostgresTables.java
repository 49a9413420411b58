package sluice.ingest;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server at 127.0.0.1:5432 (database {@code test}) and the tables the PostgreSQL tests read:
 * a schema of this run only, holding a table of every type with 120,000 rows and a table named in mixed case.
 * Without a server the tests are skipped with the reason printed, except under CI=true, where they fail.
 */
final class PostgresTables {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = System.getenv("PGUSER") != null ? System.getenv("PGUSER") : "postgres";
    static final String URL = SERVER + "?user=" + USER;
    static final String PASSWORD = "Sw0rdf1sh-9q";
    static final int ROWS = 120_000;
    /** A schema and table of this run only, so runs at the same time on one server do not meet. */
    static final String SUFFIX = Long.toString(ProcessHandle.current().pid()) + "_" + Long.toString(System.nanoTime() % 1_000_000);
    static final String SCHEMA = "sluice_jdbc_" + SUFFIX;
    static final String TABLE = "every_type_" + SUFFIX;
    static final String QUALIFIED = SCHEMA + "." + TABLE;

    private static boolean created;

    private PostgresTables() {
    }

    /** Creates the schema and its tables; the test class that calls it drops them after its tests. */
    static void create(Class<?> test) throws SQLException {
        try (Connection c = connect(test); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + SCHEMA);
            created = true;
            // Each nullable column is NULL on every row where g % 10 = 3: 12,000 of 120,000.
            s.execute("CREATE TABLE " + QUALIFIED + " AS SELECT"
                    + " g::integer AS id,"
                    + " CASE WHEN g % 10 = 3 THEN NULL ELSE g::bigint * 100000 END AS big,"
                    + " CASE WHEN g % 10 = 3 THEN NULL ELSE (g / 8.0)::numeric(12,2) END AS price,"
                    + " CASE WHEN g % 10 = 3 THEN NULL ELSE (g / 3.0)::numeric END AS ratio,"
                    + " CASE WHEN g % 10 = 3 THEN NULL ELSE (g / 4.0)::real END AS weight,"
                    + " CASE WHEN g % 10 = 3 THEN NULL ELSE (g / 16.0)::double precision END AS score,"
                    + " CASE WHEN g % 10 = 3 THEN NULL ELSE g % 2 = 0 END AS even,"
                    + " CASE WHEN g % 10 = 3 THEN NULL ELSE 'name ' || g END AS label,"
                    + " CASE WHEN g % 10 = 3 THEN NULL ELSE ('c' || g % 5)::varchar(10) END AS category,"
                    + " CASE WHEN g % 10 = 3 THEN NULL ELSE DATE '2020-01-01' + g % 1000 END AS day,"
                    + " CASE WHEN g % 10 = 3 THEN NULL ELSE TIMESTAMP '2020-01-01 00:00:00' + g * INTERVAL '1 minute' END AS at"
                    + " FROM generate_series(1, " + ROWS + ") AS g");
            s.execute("CREATE TABLE " + SCHEMA + ".\"Mixed Case\" AS SELECT 1 AS one");
        }
    }

    static void drop(Class<?> test) throws SQLException {
        if (!created) {
            return;
        }
        try (Connection c = connect(test); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        created = false;
    }

    private static Connection connect(Class<?> test) throws SQLException {
        try {
            return DriverManager.getConnection(URL);
        } catch (SQLException e) {
            String reason = "PostgreSQL is not reachable at " + SERVER + " as " + USER + " (" + e.getMessage().lines().findFirst().orElse("") + ")";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason + "; CI=true, so the PostgreSQL tests must run.");
            }
            System.err.println("Skipping " + test.getSimpleName() + ": " + reason + ".");
            return Assumptions.abort(reason);
        }
    }
}
