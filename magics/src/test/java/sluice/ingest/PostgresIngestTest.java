package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sluice.ingest.PostgresTables.QUALIFIED;
import static sluice.ingest.PostgresTables.ROWS;
import static sluice.ingest.PostgresTables.SCHEMA;
import static sluice.ingest.PostgresTables.SERVER;
import static sluice.ingest.PostgresTables.SUFFIX;
import static sluice.ingest.PostgresTables.TABLE;
import static sluice.ingest.PostgresTables.URL;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sluice.magic.Magics;
import sluice.magic.UsageError;
import sluice.session.Session;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * {@code %ingest jdbc:postgresql://… --table|--query}: every row and column type arrives as the server holds it,
 * missing values stay missing, and --columns and --limit read only what is asked.
 * Against the real server at 127.0.0.1:5432 (see {@link PostgresTables}).
 */
class PostgresIngestTest {
    private final Session session = new Session();
    private final Magics magics = new Magics().add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session));

    @BeforeAll
    static void createTables() throws SQLException {
        PostgresTables.create(PostgresIngestTest.class);
    }

    @AfterAll
    static void dropTables() throws SQLException {
        PostgresTables.drop(PostgresIngestTest.class);
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
}
