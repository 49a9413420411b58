package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The notebook's penguins.parquet and penguins.xlsx (written by {@link WriteNotebookData}) read as its penguins.csv does. */
class NotebookDataTest {
    private static final Path DATA = Path.of("../notebooks/data").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void parquetAndExcelCopies_holdTheSameTableAsTheCsv_valueForValue() {
        IngestFixture fx = new IngestFixture(dir);
        Table csv = fx.ingest(IngestFixture.quoted(DATA.resolve("penguins.csv")));
        for (String copy : new String[]{"penguins.parquet", "penguins.xlsx"}) {
            Table other = fx.ingest(IngestFixture.quoted(DATA.resolve(copy)));
            assertThat(other.columnNames()).as(copy).isEqualTo(csv.columnNames());
            assertThat(other.types()).as(copy).isEqualTo(csv.types());
            assertThat(other.rowCount()).as(copy).isEqualTo(csv.rowCount());
            for (int c = 0; c < csv.columnCount(); c++) {
                assertThat(other.column(c).asList()).as(copy + " " + csv.column(c).name()).isEqualTo(csv.column(c).asList());
            }
        }
    }

    @Test
    void workbookSummarySheet_readsTheFormulaResults() {
        IngestFixture fx = new IngestFixture(dir);
        Table summary = fx.ingest(IngestFixture.quoted(DATA.resolve("penguins.xlsx")) + " --sheet summary");
        assertThat(summary.stringColumn("species").asList()).containsExactly("Adelie", "Chinstrap", "Gentoo");
        assertThat(summary.intColumn("penguins").asList()).containsExactly(152, 68, 124);
        assertThat(summary.doubleColumn("mean_body_mass_g").get(2)).isCloseTo(5076.0163, org.assertj.core.data.Offset.offset(1e-4));
    }
}
