package sluice.eda;

import static sluice.magic.Notebook.PENGUINS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import sluice.magic.Notebook;
import sluice.magic.UsageError;
import sluice.session.Session;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** %eda on penguins and on small tables made to trip each warning. */
class EdaMagicTest {
    private final Notebook notebook = new Notebook();
    private final Session session = notebook.session;

    private Object run(String line) throws Exception {
        return notebook.run(line);
    }

    @Test
    void overview_profilesEveryColumn() throws Exception {
        run("ingest " + PENGUINS);
        Overview overview = (Overview) run("eda");
        assertThat(overview.headline()).startsWith("penguins.csv: 344 rows × 8 columns, about ");
        ColumnProfile bill = overview.profiles().get(2);
        assertThat(bill.name()).isEqualTo("bill_length_mm");
        assertThat(bill.missing()).isEqualTo(2);
        assertThat(bill.mean()).isCloseTo(43.92193, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(bill.min()).isEqualTo(32.1);
        assertThat(bill.max()).isEqualTo(59.6);
        ColumnProfile species = overview.profiles().get(0);
        assertThat(species.distinct()).isEqualTo(3);
        assertThat(species.top()).containsExactly(
                java.util.Map.entry("Adelie", 152), java.util.Map.entry("Gentoo", 124), java.util.Map.entry("Chinstrap", 68));
        String plain = overview.bundle().data().get("text/plain").toString();
        assertThat(plain).contains("Adelie (152)").contains("bill_length_mm");
        assertThat(overview.bundle().data().get("text/html").toString())
                .as("the overview ends with the correlation heatmap").contains("Correlations", "data:image/png;base64,");
    }

    @Test
    void warnings_nameWhatToActOn() {
        int n = 100;
        double[] skewed = new double[n];
        double[] x = new double[n];
        double[] twin = new double[n];
        String[] ids = new String[n];
        Integer[] mostlyMissing = new Integer[n];
        for (int i = 0; i < n; i++) {
            skewed[i] = i < 95 ? 1 : 1000;
            x[i] = i;
            twin[i] = 2 * i + 1;
            ids[i] = "id-" + (i % 99);
            mostlyMissing[i] = i < 30 ? i : null;
        }
        IntColumn partial = IntColumn.create("partial");
        for (Integer v : mostlyMissing) {
            if (v == null) {
                partial.appendMissing();
            } else {
                partial.append(v);
            }
        }
        Table table = Table.create("t", StringColumn.create("constant", java.util.Collections.nCopies(n, "same").toArray(String[]::new)),
                DoubleColumn.create("skewed", skewed), DoubleColumn.create("x", x), DoubleColumn.create("twin", twin),
                StringColumn.create("id", ids), partial);
        session.setTable(table);
        Overview overview = Overview.of(table, true);
        assertThat(overview.warnings()).anyMatch(w -> w.startsWith("constant is constant"))
                .anyMatch(w -> w.startsWith("skewed is strongly skewed"))
                .anyMatch(w -> w.startsWith("x and twin are highly correlated (r = 1.00)"))
                .anyMatch(w -> w.startsWith("id has high cardinality"))
                .anyMatch(w -> w.startsWith("partial is 70% missing"));
        assertThat(overview.warnings()).noneMatch(w -> w.contains("duplicate"));
    }

    @Test
    void counts_andMissing_areTables() throws Exception {
        run("ingest " + PENGUINS);
        Table counts = (Table) run("eda counts species");
        assertThat(counts.stringColumn(0).asList()).containsExactly("Adelie", "Gentoo", "Chinstrap");
        assertThat(counts.intColumn("count").asList()).containsExactly(152, 124, 68);
        Table missing = (Table) run("eda missing");
        assertThat(missing.stringColumn("column").get(0)).isEqualTo("sex");
        assertThat(missing.intColumn("missing").get(0)).isEqualTo(11);
    }

    @Test
    void badInput_isOneLine() throws Exception {
        assertThatThrownBy(() -> run("eda")).isInstanceOf(UsageError.class).hasMessageContaining("%ingest");
        run("ingest " + PENGUINS);
        assertThatThrownBy(() -> run("eda counts specis")).isInstanceOf(UsageError.class)
                .hasMessage("No column 'specis'. Did you mean 'species'?");
        session.setTable(Table.create("empty", DoubleColumn.create("x")));
        assertThatThrownBy(() -> run("eda")).isInstanceOf(UsageError.class).hasMessageContaining("no rows");
    }
}
