package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.magic.Magics;
import sluice.magic.UsageError;
import sluice.session.Session;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/** {@code %ingest jdbc:sqlite:FILE} on a database file each test writes, with SQLite's own dynamic typing. */
class SqliteIngestTest {
    private static final int ROWS = 5_000;

    @TempDir
    Path dir;
    private String url;

    private final Session session = new Session();
    private final Magics magics = new Magics().add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session));

    @BeforeEach
    void createDatabase() throws Exception {
        url = "jdbc:sqlite:" + dir.resolve("shop.db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE sales (id INTEGER NOT NULL, big BIGINT, price DECIMAL(10,2), score REAL, paid BOOLEAN,"
                    + " label TEXT, day DATE, at DATETIME, note VARCHAR(10))");
            // Each nullable column is NULL on every row where id % 10 = 3.
            s.execute("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < " + ROWS + ")"
                    + " INSERT INTO sales SELECT n, IIF(n % 10 = 3, NULL, n * 10000000),"
                    + " IIF(n % 10 = 3, NULL, IIF(n % 2 = 0, n / 8.0, n)), IIF(n % 10 = 3, NULL, n / 16.0),"
                    + " IIF(n % 10 = 3, NULL, n % 2), IIF(n % 10 = 3, NULL, 'name ' || n),"
                    + " IIF(n % 10 = 3, NULL, date('2020-01-01', '+' || (n % 1000) || ' days')),"
                    + " IIF(n % 10 = 3, NULL, datetime('2020-01-01 00:00:00', '+' || n || ' minutes')), IIF(n % 10 = 3, NULL, 'n' || n % 7)"
                    + " FROM g");
            s.execute("CREATE TABLE mixed (id INTEGER, amount NUMERIC, code, day DATE)");
            s.execute("INSERT INTO mixed VALUES (1, 10, 7, '2024-01-31'), (2, 2.5, 'x7', 'soon'), (3, NULL, 8, NULL)");
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

    @Test
    void table_readsEveryRow_withTypesFromItsValuesAndDeclaredTypes() throws Exception {
        IngestReport report = ingest(url + " --table sales");

        Table table = session.table();
        assertThat(table.rowCount()).isEqualTo(ROWS);
        assertThat(types(table)).containsExactly(
                Map.entry("id", ColumnType.INTEGER), Map.entry("big", ColumnType.LONG), Map.entry("price", ColumnType.DOUBLE),
                Map.entry("score", ColumnType.DOUBLE), Map.entry("paid", ColumnType.BOOLEAN), Map.entry("label", ColumnType.STRING),
                Map.entry("day", ColumnType.LOCAL_DATE), Map.entry("at", ColumnType.LOCAL_DATE_TIME), Map.entry("note", ColumnType.STRING));
        assertThat(report.summary()).startsWith(url + " table sales").contains("5,000 rows");
    }

    @Test
    void table_valuesArriveAsStored_andNullsAreMissing() throws Exception {
        ingest(url + " --table sales");

        Table table = session.table();
        Row odd = table.row(4_000);
        assertThat(odd.getInt("id")).isEqualTo(4_001);
        assertThat(odd.getLong("big")).isEqualTo(40_010_000_000L);
        assertThat(odd.getDouble("price")).as("an integer in a DECIMAL(10,2) column").isEqualTo(4_001.0);
        assertThat(table.row(3_999).getDouble("price")).isEqualTo(500.0);
        assertThat(odd.getDouble("score")).isEqualTo(250.0625);
        assertThat(odd.getBoolean("paid")).isTrue();
        assertThat(odd.getString("label")).isEqualTo("name 4001");
        assertThat(odd.getDate("day")).isEqualTo(LocalDate.of(2020, 1, 2));
        assertThat(odd.getDateTime("at")).isEqualTo(LocalDateTime.of(2020, 1, 1, 0, 0).plusMinutes(4_001));
        table.columns().forEach(column -> assertThat(column.countMissing()).as(column.name())
                .isEqualTo(column.name().equals("id") ? 0 : ROWS / 10));
        Row empty = table.row(12);
        assertThat(table.columnNames()).allSatisfy(column -> assertThat(empty.isMissing(column)).as(column).isEqualTo(!column.equals("id")));
    }

    @Test
    void query_andLimit_readWhatTheyAskFor() throws Exception {
        ingest(url + " --query 'SELECT id, label, count(*) OVER () AS n FROM sales ORDER BY id DESC' --limit 3");

        Table table = session.table();
        assertThat(table.intColumn("id").asList()).containsExactly(5_000, 4_999, 4_998);
        assertThat(table.intColumn("n").get(0)).isEqualTo(ROWS);
        assertThat(table.stringColumn("label").get(0)).isEqualTo("name 5000");
    }

    @Test
    void columnOfIntegersAndReals_readsAsDecimals() throws Exception {
        ingest(url + " --query 'SELECT amount FROM mixed'");

        assertThat(session.table().doubleColumn("amount").asList()).containsExactly(10.0, 2.5, null);
    }

    @Test
    void columnOfNumbersAndText_isRefused_neverCoerced() {
        assertThatThrownBy(() -> ingest(url + " --table mixed"))
                .isInstanceOf(UsageError.class)
                .hasMessage("SQLite column 'code' holds numbers and text (row 2: 'x7'). Read one kind in a --query,"
                        + " e.g. SELECT CAST(code AS TEXT) AS code or CAST(code AS REAL) AS code.");
    }

    @Test
    void dateColumnHoldingOtherText_staysText() throws Exception {
        ingest(url + " --query 'SELECT day FROM mixed'");

        assertThat(session.table().column("day").type()).isEqualTo(ColumnType.STRING);
        assertThat(session.table().stringColumn("day").asList()).containsExactly("2024-01-31", "soon", "");
    }

    @Test
    void table_thatDoesNotExist_namesTheClosestTable() {
        assertThatThrownBy(() -> ingest(url + " --table sale"))
                .isInstanceOf(UsageError.class)
                .hasMessage("No table 'sale'. Did you mean 'sales'?");
        assertThatThrownBy(() -> ingest(url + " --query 'SELECT * FROM sails'"))
                .isInstanceOf(UsageError.class)
                .hasMessage(url + ": no such table: sails. Did you mean 'sales'?");
    }

    @Test
    void missingFile_isNamed_andNotCreated() {
        assertThatThrownBy(() -> ingest("jdbc:sqlite:" + dir.resolve("shp.db") + " --table sales"))
                .isInstanceOf(UsageError.class)
                .hasMessage("No SQLite file '" + dir.resolve("shp.db") + "'. Did you mean '" + dir.resolve("shop.db") + "'?");
        assertThat(Files.exists(dir.resolve("shp.db"))).isFalse();
    }

    @Test
    void queryThatWrites_isRefused_andChangesNothing() throws Exception {
        assertThatThrownBy(() -> ingest(url + " --query 'DELETE FROM sales RETURNING id'"))
                .isInstanceOf(UsageError.class)
                .hasMessage(url + ": attempt to write a readonly database. %ingest only reads; change data with another tool.");
        ingest(url + " --query 'SELECT count(*) AS n FROM sales'");
        assertThat(session.table().intColumn("n").get(0)).isEqualTo(ROWS);
    }

    @Test
    void emptyResult_takesItsTypesFromTheDeclaredTypes() throws Exception {
        ingest(url + " --table sales --limit 0");

        assertThat(types(session.table()).values()).containsExactly(ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.DOUBLE,
                ColumnType.DOUBLE, ColumnType.BOOLEAN, ColumnType.STRING, ColumnType.LOCAL_DATE, ColumnType.LOCAL_DATE_TIME, ColumnType.STRING);
    }
}
