package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sluice.magic.Magics;
import sluice.magic.UsageError;
import sluice.render.Bundle;
import sluice.session.Session;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * {@code %ingest jdbc:postgresql://…} against the real server at 127.0.0.1:5432 (database {@code test}).
 * Without a server the tests are skipped with the reason printed, except under CI=true, where they fail.
 */
class JdbcIngestTest {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = System.getenv("PGUSER") != null ? System.getenv("PGUSER") : "postgres";
    private static final String URL = SERVER + "?user=" + USER;
    private static final String PASSWORD = "Sw0rdf1sh-9q";
    private static final int ROWS = 120_000;
    /** A schema and table of this run only, so runs at the same time on one server do not meet. */
    private static final String SUFFIX = Long.toString(ProcessHandle.current().pid()) + "_" + Long.toString(System.nanoTime() % 1_000_000);
    private static final String SCHEMA = "sluice_jdbc_" + SUFFIX;
    private static final String TABLE = "every_type_" + SUFFIX;
    private static final String QUALIFIED = SCHEMA + "." + TABLE;

    private static boolean created;

    private final Session session = new Session();
    private final Magics magics = new Magics().add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session));

    @BeforeAll
    static void createTables() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
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

    @AfterAll
    static void dropTables() throws SQLException {
        if (!created) {
            return;
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    private static Connection connect() throws SQLException {
        try {
            return DriverManager.getConnection(URL);
        } catch (SQLException e) {
            String reason = "PostgreSQL is not reachable at " + SERVER + " as " + USER + " (" + e.getMessage().lines().findFirst().orElse("") + ")";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason + "; CI=true, so the PostgreSQL tests must run.");
            }
            System.err.println("Skipping " + JdbcIngestTest.class.getSimpleName() + ": " + reason + ".");
            return Assumptions.abort(reason);
        }
    }

    private IngestReport ingest(String line) throws Exception {
        return (IngestReport) magics.run(Magics.Kind.LINE, "ingest " + line, null);
    }

    private static Map<String, ColumnType> types(Table table) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        table.columns().forEach(c -> types.put(c.name(), c.type()));
        return types;
    }

    private static Row rowWithId(Table table, int id) {
        Table one = table.where(table.intColumn("id").isEqualTo(id));
        assertThat(one.rowCount()).as("rows with id %d", id).isEqualTo(1);
        return one.row(0);
    }

    @Test
    void table_readsEveryRow_withMatchingColumnTypes() throws Exception {
        IngestReport report = ingest(URL + " --table " + QUALIFIED);

        Table table = session.table();
        assertThat(table.rowCount()).isEqualTo(ROWS);
        assertThat(types(table)).containsExactly(
                Map.entry("id", ColumnType.INTEGER), Map.entry("big", ColumnType.LONG),
                Map.entry("price", ColumnType.DOUBLE), Map.entry("ratio", ColumnType.DOUBLE),
                Map.entry("weight", ColumnType.DOUBLE), Map.entry("score", ColumnType.DOUBLE),
                Map.entry("even", ColumnType.BOOLEAN), Map.entry("label", ColumnType.STRING),
                Map.entry("category", ColumnType.STRING), Map.entry("day", ColumnType.LOCAL_DATE),
                Map.entry("at", ColumnType.LOCAL_DATE_TIME));
        assertThat(report.summary()).startsWith(SERVER).contains(QUALIFIED).contains("120,000");
    }

    @Test
    void table_valuesArriveAsTheServerHoldsThem() throws Exception {
        ingest(URL + " --table " + QUALIFIED);

        Row row = rowWithId(session.table(), 100_001);
        assertThat(row.getLong("big")).isEqualTo(10_000_100_000L);
        assertThat(row.getDouble("price")).isEqualTo(12_500.13);
        assertThat(row.getDouble("ratio")).isCloseTo(33_333.666_666, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(row.getDouble("weight")).isEqualTo(25_000.25);
        assertThat(row.getDouble("score")).isEqualTo(6_250.0625);
        assertThat(row.getBoolean("even")).isFalse();
        assertThat(row.getString("label")).isEqualTo("name 100001");
        assertThat(row.getString("category")).isEqualTo("c1");
        assertThat(row.getDate("day")).isEqualTo(LocalDate.of(2020, 1, 1).plusDays(1));
        assertThat(row.getDateTime("at")).isEqualTo(LocalDateTime.of(2020, 1, 1, 0, 0).plusMinutes(100_001));
    }

    @Test
    void table_nullsAreMissingValues_inEveryType() throws Exception {
        ingest(URL + " --table " + QUALIFIED);

        Table table = session.table();
        table.columns().forEach(column -> assertThat(column.countMissing()).as(column.name())
                .isEqualTo(column.name().equals("id") ? 0 : ROWS / 10));
        Row row = rowWithId(table, 13);
        for (String column : table.columnNames()) {
            assertThat(row.isMissing(column)).as(column).isEqualTo(!column.equals("id"));
        }
    }

    @Test
    void columns_areTheOnlyOnesTheServerSends_inTheAskedOrder() throws Exception {
        ingest(URL + " --table " + QUALIFIED + " --columns price,id --limit 5");
        assertThat(session.table().columnNames()).containsExactly("price", "id");
        assertThat(session.table().rowCount()).isEqualTo(5);
        ingest(URL + " --query \"SELECT id, big FROM " + QUALIFIED + " ORDER BY id;\" --columns big --limit 1");
        assertThat(session.table().columnNames()).containsExactly("big");
    }

    @Test
    void table_withoutSchema_findsTheOnlyTableOfThatName() throws Exception {
        ingest(URL + " --table " + TABLE + " --limit 3");

        assertThat(session.table().rowCount()).isEqualTo(3);
    }

    @Test
    void table_withMixedCaseName_isQuotedAsTheCatalogueSpellsIt() throws Exception {
        ingest(URL + " --table '" + SCHEMA + ".Mixed Case'");

        assertThat(session.table().intColumn("one").get(0)).isEqualTo(1);
    }

    @Test
    void table_thatDoesNotExist_namesTheClosestTable() {
        assertThatThrownBy(() -> ingest(URL + " --table " + SCHEMA + ".every_typo_" + SUFFIX))
                .isInstanceOf(UsageError.class)
                .hasMessage("No table '" + SCHEMA + ".every_typo_" + SUFFIX + "'. Did you mean '" + QUALIFIED + "'?");
    }

    @Test
    void table_givenSql_isOnlyLookedUp_neverRun() throws Exception {
        assertThatThrownBy(() -> ingest(URL + " --table '" + QUALIFIED + "; DROP TABLE victims'"))
                .isInstanceOf(UsageError.class)
                .hasMessageStartingWith("No table '" + QUALIFIED + "; DROP TABLE victims'.");
        ingest(URL + " --table " + QUALIFIED + " --limit 1");
        assertThat(session.table().rowCount()).isEqualTo(1);
    }

    @Test
    void anIntegerColumnHoldingMinusTwoToThe31_becomesA64BitColumn_neverAGap() throws Exception {
        // Tablesaw's IntColumn keeps -2^31 to mean missing: read into one, the value would vanish without a word.
        ingest(URL + " --query \"SELECT v FROM (VALUES (1, 5), (2, NULL), (3, -2147483648), (4, 7)) AS t(k, v) ORDER BY k\"");

        Table table = session.table();
        assertThat(table.column("v").type()).isEqualTo(ColumnType.LONG);
        assertThat(table.longColumn("v").asList()).containsExactly(5L, null, -2147483648L, 7L);
        assertThat(table.longColumn("v").countMissing()).isEqualTo(1);
    }

    @Test
    void aBigintHoldingMinusTwoToThe63_isRefusedWithItsRow_andTheTableStays() throws Exception {
        ingest(URL + " --query \"SELECT 1 AS one\"");
        Table before = session.table();

        assertThatThrownBy(() -> ingest(URL + " --query \"SELECT v FROM (VALUES (1, 5::bigint), (2, '-9223372036854775808'::bigint)) AS t(k, v) ORDER BY k\""))
                .isInstanceOf(UsageError.class)
                .hasMessageStartingWith("Column 'v', row 2: -9223372036854775808 is the value a 64-bit integer column keeps for missing.");
        assertThat(session.table()).isSameAs(before);
    }

    @Test
    void query_readsWhatTheQuerySelects_inItsOrder() throws Exception {
        ingest(URL + " --query 'SELECT id, price, day, at FROM " + QUALIFIED + " WHERE id <= 50000 ORDER BY id DESC'");

        Table table = session.table();
        assertThat(table.rowCount()).isEqualTo(50_000);
        assertThat(table.columnNames()).containsExactly("id", "price", "day", "at");
        assertThat(table.intColumn("id").get(0)).isEqualTo(50_000);
        assertThat(table.doubleColumn("price").get(0)).isEqualTo(6_250.0);
        assertThat(table.dateColumn("day").get(0)).isEqualTo(LocalDate.of(2020, 1, 1).plusDays(0));
        assertThat(table.intColumn("id").get(49_999)).isEqualTo(1);
    }

    @Test
    void query_mapsEachSqlTypeToAColumnType() throws Exception {
        ingest(URL + " --query \"SELECT 1::smallint AS s, 2::integer AS i, 3::bigint AS b, 4.5::numeric(5,1) AS n,"
                + " 7::numeric(9,0) AS n9, 8::numeric(18,0) AS n18, 6.5::numeric AS nu, 0.1::real AS r, 0.2::double precision AS d,"
                + " true AS bo, 'x'::text AS t, 'y'::varchar(3) AS v, 'z'::char(2) AS ch, DATE '2024-02-29' AS dt,"
                + " TIMESTAMP '2024-01-02 03:04:05.678' AS ts, TIMESTAMPTZ '2024-01-02 03:04:05+02' AS tz,"
                + " TIME '10:11:12' AS tm, NULL AS nothing, NULL::integer AS no_int, NULL::time AS no_time, NULL::timestamptz AS no_tz\"");

        Table t = session.table();
        assertThat(types(t)).containsExactly(
                Map.entry("s", ColumnType.INTEGER), Map.entry("i", ColumnType.INTEGER), Map.entry("b", ColumnType.LONG),
                Map.entry("n", ColumnType.DOUBLE), Map.entry("n9", ColumnType.INTEGER), Map.entry("n18", ColumnType.LONG),
                Map.entry("nu", ColumnType.DOUBLE), Map.entry("r", ColumnType.DOUBLE), Map.entry("d", ColumnType.DOUBLE),
                Map.entry("bo", ColumnType.BOOLEAN), Map.entry("t", ColumnType.STRING), Map.entry("v", ColumnType.STRING),
                Map.entry("ch", ColumnType.STRING), Map.entry("dt", ColumnType.LOCAL_DATE),
                Map.entry("ts", ColumnType.LOCAL_DATE_TIME), Map.entry("tz", ColumnType.INSTANT),
                Map.entry("tm", ColumnType.LOCAL_TIME), Map.entry("nothing", ColumnType.STRING),
                Map.entry("no_int", ColumnType.INTEGER), Map.entry("no_time", ColumnType.LOCAL_TIME), Map.entry("no_tz", ColumnType.INSTANT));
        Row row = t.row(0);
        assertThat(row.getDouble("n")).isEqualTo(4.5);
        assertThat(row.getDouble("r")).as("a real reads as the decimal the server prints").isEqualTo(0.1);
        assertThat(row.getDouble("d")).isEqualTo(0.2);
        assertThat(row.getString("ch")).isEqualTo("z ");
        assertThat(row.getDateTime("ts")).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_000_000));
        assertThat(t.instantColumn("tz").get(0)).isEqualTo(Instant.parse("2024-01-02T01:04:05Z"));
        assertThat(row.getTime("tm")).isEqualTo(java.time.LocalTime.of(10, 11, 12));
        assertThat(List.of("nothing", "no_int", "no_time", "no_tz")).allSatisfy(name -> assertThat(row.isMissing(name)).as(name).isTrue());
    }

    @Test
    void query_otherTypes_readAsTextTheWayTheServerWritesThem() throws Exception {
        ingest(URL + " --query \"SELECT '{1,2}'::int[] AS arr, '{a,b}'::text[] AS words, jsonb_build_object('k', 1) AS js,"
                + " '00000000-0000-0000-0000-00000000002a'::uuid AS id, 'ab'::bytea AS raw, INTERVAL '1 day' AS span,"
                + " TIMETZ '10:00:00+02' AS local_time, B'101' AS bits, 'infinity'::date AS never\"");

        Table t = session.table();
        assertThat(types(t).values()).containsOnly(ColumnType.STRING, ColumnType.LOCAL_DATE);
        Row row = t.row(0);
        assertThat(row.getString("arr")).isEqualTo("{1,2}");
        assertThat(row.getString("words")).isEqualTo("{a,b}");
        assertThat(row.getString("js")).isEqualTo("{\"k\": 1}");
        assertThat(row.getString("id")).isEqualTo("00000000-0000-0000-0000-00000000002a");
        assertThat(row.getString("raw")).isEqualTo("\\x6162");
        assertThat(row.getString("span")).isEqualTo("1 day");
        assertThat(row.getString("local_time")).isEqualTo("10:00:00+02");
        assertThat(row.getString("bits")).isEqualTo("101");
        assertThat(row.isMissing("never")).as("infinity, which a date column cannot hold").isTrue();
    }

    @Test
    void query_withRepeatedColumnNames_keepsBoth() throws Exception {
        ingest(URL + " --query 'SELECT 1 AS id, 2 AS id'");

        assertThat(session.table().columnNames()).containsExactly("id", "id_2");
    }

    @Test
    void limit_readsOnlyTheFirstRows() throws Exception {
        ingest(URL + " --query 'SELECT id FROM " + QUALIFIED + " ORDER BY id' --limit 25");

        assertThat(session.table().rowCount()).isEqualTo(25);
        assertThat(session.table().intColumn("id").asList()).endsWith(24, 25);
    }

    @Test
    void limitZero_readsTheColumnsButNoRows() throws Exception {
        ingest(URL + " --table " + QUALIFIED + " --limit 0");

        assertThat(session.table().rowCount()).isZero();
        assertThat(session.table().columnCount()).isEqualTo(11);
    }

    @Test
    void passwordInUrl_works_andIsMaskedInTheReport() throws Exception {
        IngestReport report = ingest(SERVER + "?user=" + USER + "&password=" + PASSWORD + " --table " + QUALIFIED + " --limit 5");
        Bundle bundle = report.bundle();

        assertThat(report.summary()).contains("password=****");
        assertThat(bundle.data().values()).allSatisfy(shown -> assertThat(shown.toString()).doesNotContain(PASSWORD));
    }

    @Test
    void userAndPasswordBeforeTheHost_work_andAreMaskedInTheReport() throws Exception {
        IngestReport report = ingest("jdbc:postgresql://" + USER + ":" + PASSWORD + "@127.0.0.1:5432/test --table " + QUALIFIED + " --limit 5");

        assertThat(session.table().rowCount()).isEqualTo(5);
        assertThat(report.summary()).contains(USER + ":****@127.0.0.1");
        assertThat(report.bundle().data().values()).allSatisfy(shown -> assertThat(shown.toString()).doesNotContain(PASSWORD));
    }

    @Test
    void unreachableServer_saysSoInOneLine() {
        assertThatThrownBy(() -> ingest("jdbc:postgresql://127.0.0.1:1/test --table t"))
                .isInstanceOf(UsageError.class)
                .hasMessageStartingWith("jdbc:postgresql://127.0.0.1:1/test: Connection to 127.0.0.1:1 refused.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void unknownHost_isNamed() {
        assertThatThrownBy(() -> ingest("jdbc:postgresql://no-such-host.invalid:5432/test --table t"))
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("Unknown host 'no-such-host.invalid'.");
    }

    @Test
    void failedLogin_givesTheServersMessage_withoutThePassword() {
        assertThatThrownBy(() -> ingest(SERVER + "?user=sluice_no_such_role&password=" + PASSWORD + " --table t"))
                .isInstanceOf(UsageError.class)
                .hasMessage("jdbc:postgresql://127.0.0.1:5432/test: role \"sluice_no_such_role\" does not exist."
                        + " Check the user and password: PGUSER and PGPASSWORD, ~/.pgpass, or --password-env VAR.");
    }

    @Test
    void missingDatabase_givesTheServersMessage_withoutThePassword() {
        assertThatThrownBy(() -> ingest("jdbc:postgresql://" + USER + ":" + PASSWORD + "@127.0.0.1:5432/sluice_no_such_db --table t"))
                .isInstanceOf(UsageError.class)
                .hasMessage("jdbc:postgresql://" + USER + ":****@127.0.0.1:5432/sluice_no_such_db: database \"sluice_no_such_db\""
                        + " does not exist. Check the database name at the end of the URL.");
    }

    @Test
    void sqlSyntaxError_givesTheServersMessageAndWhere() {
        assertThatThrownBy(() -> ingest(URL + " --query 'SELECT id,, label FROM " + QUALIFIED + "'"))
                .isInstanceOf(UsageError.class)
                .hasMessage(SERVER + ": syntax error at or near \",\" (character 11 of the query).");
    }

    @Test
    void queryOnMissingTable_namesTheClosestTable() {
        assertThatThrownBy(() -> ingest(URL + " --query 'SELECT * FROM " + SCHEMA + ".every_typ_" + SUFFIX + "'"))
                .isInstanceOf(UsageError.class)
                .hasMessage(SERVER + ": relation \"" + SCHEMA + ".every_typ_" + SUFFIX + "\" does not exist"
                        + " (character 15 of the query). Did you mean '" + QUALIFIED + "'?");
    }

    @Test
    void queryOnMissingColumn_keepsTheServersHint() {
        assertThatThrownBy(() -> ingest(URL + " --query 'SELECT labl FROM " + QUALIFIED + "'"))
                .isInstanceOf(UsageError.class)
                .hasMessage(SERVER + ": column \"labl\" does not exist (character 8 of the query)."
                        + " Hint: Perhaps you meant to reference the column \"" + TABLE + ".label\".");
    }

    @Test
    void queryThatWrites_isRefused_andChangesNothing() throws Exception {
        assertThatThrownBy(() -> ingest(URL + " --query 'DELETE FROM " + QUALIFIED + " RETURNING id'"))
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("read-only transaction")
                .hasMessageEndingWith("%ingest only reads; change data with another tool.");
        ingest(URL + " --query 'SELECT count(*) AS n FROM " + QUALIFIED + "'");
        assertThat(session.table().longColumn("n").get(0)).isEqualTo(ROWS);
    }

    @Test
    void errorWithPasswordInUrl_neverShowsIt() {
        assertThatThrownBy(() -> ingest(SERVER + "?user=" + USER + "&password=" + PASSWORD + " --query 'SELEC 1'"))
                .isInstanceOf(UsageError.class)
                .hasMessageStartingWith(SERVER + ": syntax error")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
        assertThatThrownBy(() -> ingest("jdbc:postgresql://" + USER + ":" + PASSWORD + "@127.0.0.1:1/test --table t"))
                .isInstanceOf(UsageError.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD).contains(USER + ":****@"));
    }

    @Test
    void otherDatabase_withoutItsDriver_saysWhatIsMissing_withoutThePassword() {
        assertThatThrownBy(() -> ingest("jdbc:sqlserver://sa:" + PASSWORD + "@127.0.0.1/test --table t"))
                .isInstanceOf(UsageError.class)
                .hasMessage("jdbc:sqlserver://sa:****@127.0.0.1/test: No JDBC driver for jdbc:sqlserver: URLs is on the classpath."
                        + " Sluice brings PostgreSQL's (jdbc:postgresql://host:port/db), MariaDB's (jdbc:mariadb:// or jdbc:mysql://host:port/db)"
                        + " and SQLite's (jdbc:sqlite:FILE); put another database's driver jar on the kernel's classpath.");
    }

    @Test
    void failedIngest_leavesTheSessionAsItWas() throws Exception {
        Table before = Table.create("before");
        session.setTable("kept", before);

        for (String line : new String[] {
                URL + " --query 'SELECT * FROM " + QUALIFIED + " WHERE id / (id - 60000) > 0'",
                "jdbc:postgresql://127.0.0.1:1/test --table t --as other",
                URL + " --table no_such_table_" + SUFFIX + " --as other"}) {
            assertThatThrownBy(() -> ingest(line)).isInstanceOf(UsageError.class);
        }

        assertThat(session.table()).isSameAs(before);
        assertThat(session.tableNames()).containsExactly("kept");
    }
}
