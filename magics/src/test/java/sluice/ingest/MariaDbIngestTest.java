package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import sluice.magic.Magics;
import sluice.magic.UsageError;
import sluice.session.Session;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * {@code %ingest jdbc:mariadb://…} and {@code jdbc:mysql://…} against the real server at 127.0.0.1:3306
 * (root, no password, database {@code test}). Without a server the tests are skipped with the reason
 * printed, except under CI=true, where they fail.
 */
class MariaDbIngestTest {
    private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/test";
    private static final String URL = SERVER + "?user=root";
    private static final int ROWS = 120_000;
    private static final String SUFFIX = ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000;
    private static final String TABLE = "every_type_" + SUFFIX;
    private static final String ODD = "odd_values_" + SUFFIX;
    private static final String USER = "sluice_" + SUFFIX;
    private static final String PASSWORD = "Sw0rdf1sh-" + SUFFIX;

    private static boolean created;

    private final Session session = new Session();
    private final Magics magics = new Magics().add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session));

    @BeforeAll
    static void createTables() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            created = true;
            // Each nullable column is NULL on every row where g % 10 = 3: 12,000 of 120,000.
            s.execute("CREATE TABLE " + TABLE + " (id INT NOT NULL, big BIGINT, price DECIMAL(12,2), weight FLOAT, score DOUBLE,"
                    + " even BOOLEAN, small TINYINT, label VARCHAR(40), category TEXT, day DATE, at DATETIME(3), yr YEAR)");
            s.execute("INSERT INTO " + TABLE + " SELECT seq,"
                    + " IF(seq % 10 = 3, NULL, seq * 100000), IF(seq % 10 = 3, NULL, seq / 8), IF(seq % 10 = 3, NULL, seq / 4),"
                    + " IF(seq % 10 = 3, NULL, seq / 16), IF(seq % 10 = 3, NULL, seq % 2 = 0), IF(seq % 10 = 3, NULL, CAST(seq AS SIGNED) % 100 - 50),"
                    + " IF(seq % 10 = 3, NULL, CONCAT('name ', seq)), IF(seq % 10 = 3, NULL, CONCAT('c', seq % 5)),"
                    + " IF(seq % 10 = 3, NULL, DATE '2020-01-01' + INTERVAL seq % 1000 DAY),"
                    + " IF(seq % 10 = 3, NULL, TIMESTAMP '2020-01-01 00:00:00.250' + INTERVAL seq MINUTE), IF(seq % 10 = 3, NULL, 2000 + seq % 25)"
                    + " FROM seq_1_to_" + ROWS);
            s.execute("CREATE TABLE " + ODD + " (flag TINYINT(1), huge BIGINT UNSIGNED, wide DECIMAL(20,0), digits DECIMAL(30,10))");
            s.execute("INSERT INTO " + ODD + " VALUES (1, 9223372036854775807, 12345678901234567, 1.5), (2, 18446744073709551615,"
                    + " 99999999999999999999, 12345678901234567890.0123456789)");
            s.execute("CREATE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "'");
            s.execute("GRANT SELECT ON test.* TO '" + USER + "'@'127.0.0.1'");
        }
    }

    @AfterAll
    static void dropTables() throws SQLException {
        if (!created) {
            return;
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE + ", " + ODD);
            s.execute("DROP USER IF EXISTS '" + USER + "'@'127.0.0.1'");
        }
    }

    private static Connection connect() throws SQLException {
        try {
            return DriverManager.getConnection(URL);
        } catch (SQLException e) {
            String reason = "MariaDB is not reachable at " + SERVER + " as root (" + e.getMessage().lines().findFirst().orElse("") + ")";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason + "; CI=true, so the MariaDB tests must run.");
            }
            System.err.println("Skipping " + MariaDbIngestTest.class.getSimpleName() + ": " + reason + ".");
            return Assumptions.abort(reason);
        }
    }

    private IngestReport ingest(String line) throws Exception {
        return (IngestReport) magics.run(Magics.Kind.LINE, "ingest " + line, null);
    }

    /** Reads as %ingest would, with this environment and home folder instead of the process's. */
    private static Table read(String line, Map<String, String> env, Path home) {
        IngestMagic magic = new IngestMagic(new Session());
        new CommandLine(magic).parseArgs(line.split(" "));
        return JdbcSource.read(magic.options(), env::get, home);
    }

    private static Map<String, ColumnType> types(Table table) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        table.columns().forEach(c -> types.put(c.name(), c.type()));
        return types;
    }

    @Test
    void table_readsEveryRow_withMatchingColumnTypes() throws Exception {
        IngestReport report = ingest(URL + " --table " + TABLE);

        Table table = session.table();
        assertThat(table.rowCount()).isEqualTo(ROWS);
        assertThat(types(table)).containsExactly(
                Map.entry("id", ColumnType.INTEGER), Map.entry("big", ColumnType.LONG), Map.entry("price", ColumnType.DOUBLE),
                Map.entry("weight", ColumnType.DOUBLE), Map.entry("score", ColumnType.DOUBLE), Map.entry("even", ColumnType.BOOLEAN),
                Map.entry("small", ColumnType.INTEGER), Map.entry("label", ColumnType.STRING), Map.entry("category", ColumnType.STRING),
                Map.entry("day", ColumnType.LOCAL_DATE), Map.entry("at", ColumnType.LOCAL_DATE_TIME), Map.entry("yr", ColumnType.INTEGER));
        assertThat(report.summary()).startsWith(SERVER).contains(TABLE).contains("120,000");
    }

    @Test
    void table_valuesArriveAsTheServerHoldsThem() throws Exception {
        ingest(URL + " --table " + TABLE);

        Table table = session.table();
        Row row = table.where(table.intColumn("id").isEqualTo(100_001)).row(0);
        assertThat(row.getLong("big")).isEqualTo(10_000_100_000L);
        assertThat(row.getDouble("price")).isEqualTo(12_500.13);
        assertThat(row.getDouble("weight")).as("a float reads as the decimal the server prints").isEqualTo(25_000.2);
        assertThat(row.getDouble("score")).isEqualTo(6_250.0625);
        assertThat(row.getBoolean("even")).isFalse();
        assertThat(row.getInt("small")).isEqualTo(-49);
        assertThat(row.getString("label")).isEqualTo("name 100001");
        assertThat(row.getString("category")).isEqualTo("c1");
        assertThat(row.getDate("day")).isEqualTo(LocalDate.of(2020, 1, 2));
        assertThat(row.getDateTime("at")).isEqualTo(LocalDateTime.of(2020, 1, 1, 0, 0, 0, 250_000_000).plusMinutes(100_001));
        assertThat(row.getInt("yr")).isEqualTo(2001);
    }

    @Test
    void table_nullsAreMissingValues_inEveryType() throws Exception {
        ingest(URL + " --table " + TABLE);

        Table table = session.table();
        table.columns().forEach(column -> assertThat(column.countMissing()).as(column.name())
                .isEqualTo(column.name().equals("id") ? 0 : ROWS / 10));
        Row row = table.where(table.intColumn("id").isEqualTo(13)).row(0);
        for (String column : table.columnNames()) {
            assertThat(row.isMissing(column)).as(column).isEqualTo(!column.equals("id"));
        }
    }

    @Test
    void query_readsWhatTheQuerySelects_inItsOrder() throws Exception {
        ingest(URL + " --query 'SELECT id, price, day FROM " + TABLE + " WHERE id <= 50000 ORDER BY id DESC'");

        Table table = session.table();
        assertThat(table.rowCount()).isEqualTo(50_000);
        assertThat(table.columnNames()).containsExactly("id", "price", "day");
        assertThat(table.intColumn("id").get(0)).isEqualTo(50_000);
        assertThat(table.doubleColumn("price").get(0)).isEqualTo(6_250.0);
        assertThat(table.intColumn("id").get(49_999)).isEqualTo(1);
    }

    @Test
    void limit_readsOnlyTheFirstRows() throws Exception {
        ingest(URL + " --query 'SELECT id FROM " + TABLE + " ORDER BY id' --limit 25");

        assertThat(session.table().intColumn("id").asList()).hasSize(25).endsWith(24, 25);
    }

    @Test
    void mysqlUrl_isReadByTheSameDriver() throws Exception {
        ingest("jdbc:mysql://127.0.0.1:3306/test?user=root --table " + TABLE + " --limit 3");

        assertThat(session.table().rowCount()).isEqualTo(3);
    }

    @Test
    void table_thatDoesNotExist_namesTheClosestTable() {
        assertThatThrownBy(() -> ingest(URL + " --table every_typo_" + SUFFIX))
                .isInstanceOf(UsageError.class)
                .hasMessage("No table 'every_typo_" + SUFFIX + "'. Did you mean '" + TABLE + "'?");
    }

    @Test
    void queryOnMissingTable_givesTheServersMessage_andTheClosestTable() {
        assertThatThrownBy(() -> ingest(URL + " --query 'SELECT * FROM every_typ_" + SUFFIX + "'"))
                .isInstanceOf(UsageError.class)
                .hasMessage(SERVER + ": Table 'test.every_typ_" + SUFFIX + "' doesn't exist. Did you mean '" + TABLE + "'?");
    }

    @Test
    void booleanHoldingAnotherNumber_isRefused_notReadAsTrue() {
        assertThatThrownBy(() -> ingest(URL + " --query 'SELECT flag FROM " + ODD + "'"))
                .isInstanceOf(UsageError.class)
                .hasMessageStartingWith("Column 'flag', row 2: 2 is neither 0 nor 1 in a boolean column. Read it as text:");
    }

    @Test
    void integersPast64Bits_areRefused_notRounded() throws Exception {
        ingest(URL + " --query 'SELECT huge, wide FROM " + ODD + "' --limit 1");
        assertThat(session.table().longColumn("huge").get(0)).isEqualTo(Long.MAX_VALUE);
        assertThat(session.table().longColumn("wide").get(0)).isEqualTo(12_345_678_901_234_567L);

        assertThatThrownBy(() -> ingest(URL + " --query 'SELECT huge FROM " + ODD + "'"))
                .isInstanceOf(UsageError.class)
                .hasMessageStartingWith("Column 'huge', row 2: 18446744073709551615 does not fit a 64-bit integer.");
        assertThatThrownBy(() -> ingest(URL + " --query 'SELECT wide FROM " + ODD + "'"))
                .hasMessageStartingWith("Column 'wide', row 2: 99999999999999999999 does not fit a 64-bit integer.");
    }

    @Test
    void decimalWithMoreDigitsThanADouble_isRefused_notRounded() throws Exception {
        ingest(URL + " --query 'SELECT digits FROM " + ODD + "' --limit 1");
        assertThat(session.table().doubleColumn("digits").get(0)).isEqualTo(1.5);

        assertThatThrownBy(() -> ingest(URL + " --query 'SELECT digits FROM " + ODD + "'"))
                .isInstanceOf(UsageError.class)
                .hasMessage("Column 'digits', row 2: 12345678901234567890.0123456789 has more digits than a decimal column holds."
                        + " Read it as text: --query \"SELECT CAST(digits AS VARCHAR(100)) AS digits, … FROM …\".");
    }

    @Test
    void queryThatWrites_isRefused_andChangesNothing() throws Exception {
        assertThatThrownBy(() -> ingest(URL + " --query 'DELETE FROM " + TABLE + "'"))
                .isInstanceOf(UsageError.class)
                .hasMessage(SERVER + ": Cannot execute statement in a READ ONLY transaction. %ingest only reads; change data with another tool.");
        ingest(URL + " --query 'SELECT count(*) AS n FROM " + TABLE + "'");
        assertThat(session.table().longColumn("n").get(0)).isEqualTo(ROWS);
    }

    @Test
    void userAndPasswordBeforeTheHost_work_andAreMasked() throws Exception {
        IngestReport report = ingest("jdbc:mariadb://" + USER + ":" + PASSWORD + "@127.0.0.1:3306/test --table " + TABLE + " --limit 5");

        assertThat(session.table().rowCount()).isEqualTo(5);
        assertThat(report.summary()).contains(USER + ":****@127.0.0.1");
        assertThat(report.bundle().data().values()).allSatisfy(shown -> assertThat(shown.toString()).doesNotContain(PASSWORD));
    }

    @Test
    void wrongPassword_givesTheServersMessage_withoutThePassword() {
        assertThatThrownBy(() -> ingest(SERVER + "?user=" + USER + "&password=not-" + PASSWORD + " --table " + TABLE))
                .isInstanceOf(UsageError.class)
                .hasMessage(SERVER + ": Access denied for user '" + USER + "'@'127.0.0.1' (using password: YES)."
                        + " Check the user and password: user= in the URL or ~/.my.cnf's [client] section; the password there,"
                        + " in MYSQL_PWD or by --password-env VAR.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
    }

    @Test
    void passwordFromMysqlPwd_orFromMyCnf_logsIn(@TempDir Path home) throws Exception {
        String line = SERVER + "?user=" + USER + " --table " + TABLE + " --limit 2";
        assertThat(read(line, Map.of("MYSQL_PWD", PASSWORD), home).rowCount()).isEqualTo(2);

        java.nio.file.Files.writeString(home.resolve(".my.cnf"), "[client]\nuser = " + USER + "\npassword = \"" + PASSWORD + "\"\n");
        assertThat(read(SERVER + " --table " + TABLE + " --limit 2", Map.of("MYSQL_PWD", "not-it"), home).rowCount()).isEqualTo(2);
    }

    @Test
    void unknownDatabase_saysToCheckItsName() {
        assertThatThrownBy(() -> ingest("jdbc:mariadb://127.0.0.1:3306/sluice_no_such_db?user=root --table t"))
                .isInstanceOf(UsageError.class)
                .hasMessage("jdbc:mariadb://127.0.0.1:3306/sluice_no_such_db: Unknown database 'sluice_no_such_db'."
                        + " Check the database name at the end of the URL.");
    }

    @Test
    void unreachableServer_saysSoInOneLine() {
        assertThatThrownBy(() -> ingest("jdbc:mariadb://127.0.0.1:1/test?user=root --table t"))
                .isInstanceOf(UsageError.class)
                .hasMessage("jdbc:mariadb://127.0.0.1:1/test: Socket fail to connect to 127.0.0.1:1. Connection refused."
                        + " Is the server running, and are the host and port right?");
    }
}
