package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** {@code --columns A,B} on text files and databases (Parquet and Excel have their own tests). */
class ColumnsOptionTest {
    private static final String H2 = "jdbc:h2:mem:sluice_columns;DB_CLOSE_DELAY=-1";

    @TempDir
    Path dir;

    @Test
    void csvAndJson_keepTheAskedColumnsInTheAskedOrder() {
        IngestFixture fx = new IngestFixture(dir);
        Table csv = fx.ingest(IngestFixture.penguins() + " --columns body_mass_g,species");
        assertThat(csv.columnNames()).containsExactly("body_mass_g", "species");
        assertThat(csv.rowCount()).isEqualTo(344);
        assertThat(csv.name()).isEqualTo("penguins.csv");
        Table json = fx.ingest(fx.write("r.jsonl", "{\"a\": 1, \"b\": \"x\", \"c\": true}\n{\"a\": 2, \"b\": \"y\", \"c\": false}\n")
                + " --columns c,a");
        assertThat(json.columnNames()).containsExactly("c", "a");
        assertThat(json.intColumn("a").asList()).containsExactly(1, 2);
    }

    @Test
    void unknownRepeatedOrEmptyColumns_getOneLine_andTheTableStays() {
        IngestFixture fx = new IngestFixture(dir);
        Table before = fx.ingest(IngestFixture.penguins());
        assertThat(fx.error(IngestFixture.penguins() + " --columns species,body_mas_g")).isEqualTo("No column 'body_mas_g' in --columns."
                + " Did you mean 'body_mass_g'? Columns: species, island, bill_length_mm, bill_depth_mm, flipper_length_mm,"
                + " body_mass_g, sex, year.");
        assertThat(fx.error(IngestFixture.penguins() + " --columns species,species")).isEqualTo(
                "--columns names 'species' twice; give each column once.");
        assertThat(fx.error(IngestFixture.penguins() + " --columns species,,year")).startsWith(
                "--columns takes column names separated by commas, e.g. --columns species,body_mass_g; not 'species,,year'.");
        assertThat(fx.session.table()).isSameAs(before);
    }

    @Test
    void databaseTablesAndQueries_sendOnlyTheAskedColumns() throws Exception {
        try (Connection keepAlive = DriverManager.getConnection(H2); Statement sql = keepAlive.createStatement()) {
            sql.execute("CREATE TABLE trips (id INT, city VARCHAR(20), km DOUBLE)");
            sql.execute("INSERT INTO trips VALUES (1, 'Oslo', 12.5), (2, 'Lima', NULL)");
            IngestFixture fx = new IngestFixture(dir);
            Table table = fx.ingest(H2 + " --table trips --columns KM,ID");
            assertThat(table.columnNames()).containsExactly("KM", "ID");
            assertThat(table.doubleColumn("KM").get(0)).isEqualTo(12.5);
            Table query = fx.ingest(H2 + " --query \"SELECT id, city AS place FROM trips ORDER BY id;\" --columns PLACE --limit 1");
            assertThat(query.columnNames()).containsExactly("PLACE");
            assertThat(query.stringColumn("PLACE").asList()).containsExactly("Oslo");
            assertThat(fx.error(H2 + " --table trips --columns CTY")).isEqualTo("No column 'CTY' in --columns. Did you mean 'CITY'?"
                    + " Columns: ID, CITY, KM.");
        }
    }
}
