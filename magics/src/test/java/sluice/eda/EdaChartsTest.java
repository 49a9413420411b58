package sluice.eda;

import static sluice.magic.Notebook.PENGUINS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sluice.magic.Notebook;
import sluice.magic.UsageError;
import sluice.render.Chart;
import sluice.session.Session;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** The plotted views on penguins: the aggregates they carry match counts done here. */
class EdaChartsTest {
    private final Notebook notebook = new Notebook();
    private final Session session = notebook.session;

    private Object run(String line) throws Exception {
        return notebook.run(line);
    }

    @BeforeEach
    void ingest() throws Exception {
        run("ingest " + PENGUINS);
    }

    @Test
    void histogram_binCountsMatchACountDoneHere() throws Exception {
        Chart chart = (Chart) run("eda hist body_mass_g --bins 10");
        Chart.Series bins = chart.series().get(0);
        assertThat(bins.x()).hasSize(11);
        assertThat(bins.y()).hasSize(10);
        double low = (Double) bins.x().get(0);
        double width = (Double) bins.x().get(1) - low;
        int[] expected = new int[10];
        for (double mass : ((tech.tablesaw.api.NumericColumn<?>) session.table().column("body_mass_g").removeMissing()).asDoubleArray()) {
            expected[Math.min(9, (int) ((mass - low) / width))]++;
        }
        assertThat(List.<Object>copyOf(bins.y())).containsExactly(java.util.Arrays.stream(expected).boxed().toArray());
        assertThat(low).isEqualTo(2700.0);
        assertThat(chart.note()).isEqualTo("2 missing values not shown");
    }

    @Test
    void box_givesFiveNumbersPerSpecies() throws Exception {
        Chart chart = (Chart) run("eda box --x species --y body_mass_g");
        assertThat(chart.series()).extracting(Chart.Series::name).containsExactly("Adelie", "Gentoo", "Chinstrap");
        List<?> adelie = chart.series().get(0).y();
        assertThat((Double) adelie.get(2)).isEqualTo(3700.0);
        assertThat(adelie).hasSize(5);
    }

    @Test
    void scatter_groupsByColour_andSamplesBigTables() throws Exception {
        Chart chart = (Chart) run("eda scatter --x flipper_length_mm --y body_mass_g --color species");
        assertThat(chart.series()).extracting(Chart.Series::name).containsExactly("Adelie", "Gentoo", "Chinstrap");
        assertThat(chart.series().stream().mapToInt(s -> s.x().size()).sum()).isEqualTo(342);
        assertThat(chart.note()).isNull();
        double[] many = new double[20_000];
        for (int i = 0; i < many.length; i++) {
            many[i] = i;
        }
        session.setTable(Table.create("big", DoubleColumn.create("a", many), DoubleColumn.create("b", many)));
        Chart sampled = (Chart) run("eda scatter --x a --y b");
        assertThat(sampled.series().get(0).x()).hasSize(Charts.SCATTER_POINTS);
        assertThat(sampled.note()).isEqualTo("5,000 of 20,000 rows sampled");
        assertThat(((Chart) run("eda scatter --x a --y b")).series()).isEqualTo(sampled.series());
    }

    @Test
    void corr_isASymmetricMatrixOfTheNumericColumns() throws Exception {
        Chart chart = (Chart) run("eda corr");
        Chart.Series matrix = chart.series().get(0);
        assertThat(List.<Object>copyOf(matrix.x())).containsExactly("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "year");
        assertThat(matrix.z().get(2).get(3)).isEqualTo(0.87);
        assertThat(matrix.z().get(3).get(2)).isEqualTo(0.87);
    }

    @Test
    void wrongColumnsAndTypes_areOneLineErrors() {
        assertThatThrownBy(() -> run("eda hist species")).isInstanceOf(UsageError.class)
                .hasMessage("hist needs a numeric column; 'species' is a text column. Try %eda counts species.");
        assertThatThrownBy(() -> run("eda box --x year --y body_mass_g")).isInstanceOf(UsageError.class)
                .hasMessageStartingWith("box needs a text column for --x; 'year' is numeric.");
        assertThatThrownBy(() -> run("eda hist body_mas_g")).isInstanceOf(UsageError.class)
                .hasMessage("No column 'body_mas_g'. Did you mean 'body_mass_g'?");
        session.setTable(Table.create("t", DoubleColumn.create("x", new double[] {Double.NaN, Double.NaN})));
        assertThatThrownBy(() -> run("eda hist x")).isInstanceOf(UsageError.class).hasMessageContaining("all missing");
    }
}
