package sluice.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.BoxPlot;
import tech.tablesaw.plotly.api.HorizontalBarPlot;
import tech.tablesaw.plotly.api.Histogram;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.api.PiePlot;
import tech.tablesaw.plotly.api.ScatterPlot;
import tech.tablesaw.plotly.components.Figure;

class TablesawChartTest {
    private final Table table = Table.create("t",
            StringColumn.create("kind", "a", "a", "a", "a", "a", "b", "b", "b"),
            DoubleColumn.create("x", 1, 2, 3, 4, 100, 10, 20, Double.NaN),
            DoubleColumn.create("y", 2, 4, 6, 8, 10, 12, 14, 16));

    @Test
    void aScatterPlot_keepsItsGroupsAndItsNumericPoints_andTheLayoutsLabels() {
        Chart chart = TablesawChart.of(ScatterPlot.create("Points", table, "x", "y", "kind"));
        assertThat(chart.kind()).isEqualTo(Chart.Kind.SCATTER);
        assertThat(chart.title()).isEqualTo("Points");
        assertThat(chart.xLabel()).isEqualTo("x");
        assertThat(chart.series()).extracting(Chart.Series::name).containsExactly("a", "b");
        assertThat(chart.series().get(1).x()).isEqualTo(List.of(10.0, 20.0)); // the missing x is left out
    }

    @Test
    void aBoxPlot_isPlotlysBox_quartilesAndWhiskersWithinOneAndAHalfIqr() {
        Chart chart = TablesawChart.of(BoxPlot.create("Boxes", table, "kind", "x"));
        assertThat(chart.kind()).isEqualTo(Chart.Kind.BOX);
        // a: 1 2 3 4 100 -> q1 2, median 3, q3 4, IQR 2: 100 is past the upper fence (7), so the whisker ends at 4.
        assertThat(chart.series().get(0).y()).isEqualTo(List.of(1.0, 2.0, 3.0, 4.0, 4.0));
    }

    @Test
    void aHistogram_countsEveryValueOnce_andAHorizontalBar_keepsItsLabelsAsCategories() {
        Chart histogram = TablesawChart.of(Histogram.create("Spread", table, "y"));
        assertThat(histogram.kind()).isEqualTo(Chart.Kind.HISTOGRAM);
        assertThat(histogram.series().get(0).y().stream().mapToDouble(v -> (Double) v).sum()).isEqualTo(8.0);
        Chart bars = TablesawChart.of(HorizontalBarPlot.create("Count", table.countBy("kind"), "kind", "Count"));
        assertThat(bars.kind()).isEqualTo(Chart.Kind.BAR);
        assertThat(bars.series().get(0).x()).isEqualTo(List.of("a", "b"));
        assertThat(bars.series().get(0).y()).isEqualTo(List.of(5.0, 3.0));
    }

    @Test
    void aLinePlot_isALineChart_andAPie_hasNoChart() {
        assertThat(TablesawChart.of(LinePlot.create("Line", table, "y", "x")).kind()).isEqualTo(Chart.Kind.LINE);
        Figure pie = PiePlot.create("Share", table.countBy("kind"), "kind", "Count");
        assertThat(TablesawChart.of(pie)).isNull();
        assertThat(TablesawChart.type(pie)).isEqualTo("pie");
    }

    @Test
    void theFiguresBundle_carriesThePngWhereThereIsOne_andSaysSoWhereThereIsNot() {
        Bundle scatter = FigureView.bundle(ScatterPlot.create("Points", table, "x", "y"));
        assertThat(scatter.data()).containsKey("image/png");
        assertThat(scatter.data().get("text/html").toString()).contains("<img class=\"sluice-static\" src=\"data:image/png;base64,");
        Bundle pie = FigureView.bundle(PiePlot.create("Share", table.countBy("kind"), "kind", "Count"));
        assertThat(pie.data()).doesNotContainKey("image/png");
        assertThat(pie.data().get("text/html").toString()).contains("An interactive plotly pie figure").contains("no static image");
    }
}
