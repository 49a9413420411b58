package sluice.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.junit.jupiter.api.Test;
import sluice.render.Chart.Kind;
import sluice.render.Chart.Series;

class ChartViewTest {
    static final Chart HISTOGRAM = new Chart(Kind.HISTOGRAM, "body_mass_g", "body_mass_g", "count",
            List.of(new Series("body_mass_g", List.of(2700.0, 3600.0, 4500.0, 5400.0, 6300.0), List.of(31, 162, 88, 61))), null);
    static final Chart BAR = new Chart(Kind.BAR, "species", "species", "count",
            List.of(new Series("count", List.of("Adelie", "Chinstrap", "Gentoo"), List.of(152, 68, 124))), null);
    static final Chart BOX = new Chart(Kind.BOX, "body_mass_g by species", "species", "body_mass_g", List.of(
            new Series("Adelie", List.of(), List.of(2850.0, 3350.0, 3700.0, 4000.0, 4775.0)),
            new Series("Gentoo", List.of(), List.of(3950.0, 4700.0, 5000.0, 5500.0, 6300.0))), null);
    static final Chart SCATTER = new Chart(Kind.SCATTER, "bill", "bill_length_mm", "bill_depth_mm", List.of(
            new Series("Adelie", List.of(39.1, 39.5, 40.3), List.of(18.7, 17.4, 18.0)),
            new Series("Gentoo", List.of(46.1, 50.0), List.of(13.2, 16.3))), "5 of 344 rows sampled");
    static final Chart HEATMAP = new Chart(Kind.HEATMAP, "correlation", "", "", List.of(new Series("r",
            List.of("bill", "flipper"), List.of("bill", "flipper"), List.of(List.of(1.0, 0.66), List.of(0.66, 1.0)))), null);

    static final Chart LINE = new Chart(Kind.LINE, "ROC", "false positive rate", "true positive rate",
            List.of(new Series("ROC", List.of(0.0, 0.1, 1.0), List.of(0.0, 0.8, 1.0))), null,
            List.of(new Series("chance", List.of(0.0, 1.0), List.of(0.0, 1.0))));

    @Test
    void everyKind_givesPlainHtmlPngAndPlotly() {
        for (Chart chart : List.of(HISTOGRAM, BAR, BOX, SCATTER, HEATMAP, LINE)) {
            assertThat(ChartView.bundle(chart).data()).as(chart.kind().name())
                    .containsOnlyKeys("text/plain", "text/html", "image/png", ChartView.PLOTLY);
        }
    }

    @Test
    void png_decodesToTheChartSize() throws IOException {
        for (Chart chart : List.of(HISTOGRAM, BAR, BOX, SCATTER, HEATMAP, LINE)) {
            String png = (String) ChartView.bundle(chart).data().get("image/png");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png)));
            assertThat(image.getWidth()).as(chart.kind().name()).isEqualTo(700);
            assertThat(image.getHeight()).as(chart.kind().name()).isEqualTo(420);
        }
    }

    @Test
    void html_showsTheImageAndFetchesNothingFromTheInternet() {
        for (Chart chart : List.of(HISTOGRAM, BAR, BOX, SCATTER, HEATMAP)) {
            String html = (String) ChartView.bundle(chart).data().get("text/html");
            assertThat(html).contains("<img src=\"data:image/png;base64,").contains("kernelspecs/sluice/plotly.min")
                    .contains("Plotly.newPlot").doesNotContainPattern("https?://");
        }
    }

    @Test
    void html_escapesLabelsThatWouldCloseTheScript() {
        Chart chart = new Chart(Kind.BAR, "</script><b>x", "x", "y", List.of(new Series("s", List.of("</script>"), List.of(1))), null);
        String html = (String) ChartView.bundle(chart).data().get("text/html");
        assertThat(html).containsOnlyOnce("</script>");
    }

    @Test
    void histogram_plotlyBarsSitOnBinCentresWithTheCounts() {
        Map<String, Object> trace = trace(HISTOGRAM, 0);
        assertThat(trace.get("type")).isEqualTo("bar");
        assertThat(list(trace.get("x"))).containsExactly(3150.0, 4050.0, 4950.0, 5850.0);
        assertThat(list(trace.get("width"))).containsExactly(900.0, 900.0, 900.0, 900.0);
        assertThat(list(trace.get("y"))).containsExactly(31.0, 162.0, 88.0, 61.0);
    }

    @Test
    void box_plotlyHoldsTheFiveNumbers() {
        Map<String, Object> trace = trace(BOX, 1);
        assertThat(trace).containsEntry("type", "box").containsEntry("name", "Gentoo")
                .containsEntry("lowerfence", List.of(3950.0)).containsEntry("q1", List.of(4700.0))
                .containsEntry("median", List.of(5000.0)).containsEntry("q3", List.of(5500.0))
                .containsEntry("upperfence", List.of(6300.0));
    }

    @Test
    void scatter_onePlotlyTracePerColour_andManyPointsUseWebGl() {
        assertThat(trace(SCATTER, 0)).containsEntry("type", "scatter").containsEntry("mode", "markers");
        assertThat(trace(SCATTER, 1).get("x")).isEqualTo(List.of(46.1, 50.0));
        List<Double> many = java.util.stream.IntStream.range(0, 5_000).mapToObj(i -> (double) i).toList();
        Chart big = new Chart(Kind.SCATTER, "big", "x", "y", List.of(new Series("all", many, many)), null);
        assertThat(trace(big, 0)).containsEntry("type", "scattergl");
    }

    @Test
    void heatmap_plotlyHoldsTheMatrix_onADivergingScaleAroundZero() {
        assertThat(trace(HEATMAP, 0)).containsEntry("type", "heatmap")
                .containsEntry("z", List.of(List.of(1.0, 0.66), List.of(0.66, 1.0))).containsEntry("zmid", 0)
                .containsEntry("colorscale", List.of(List.of(0, "#2166AC"), List.of(0.5, "#FFFFFF"), List.of(1, "#B2182B")))
                .doesNotContainKeys("zmin", "zmax");
        assertThat(cell(HEATMAP, 1, 0)).as("0.66, two thirds from white to red").isEqualTo(0xCC6773);
        assertThat(legendRange(HEATMAP)).containsExactly(-1.0, 1.0);
    }

    @Test
    void sequentialHeatmap_runsFromWhiteAtZeroToBlueAtTheLargestCount() {
        Chart counts = new Chart(Kind.HEATMAP, "confusion", "predicted", "actual", List.of(new Series("n",
                List.of("a", "b"), List.of("a", "b"), List.of(List.of(12.0, 6.0), List.of(0.0, 9.0)))), null, List.of(),
                Chart.Scale.SEQUENTIAL);
        assertThat(trace(counts, 0)).containsEntry("zmin", 0).containsEntry("zmax", 12.0)
                .containsEntry("colorscale", List.of(List.of(0, "#FFFFFF"), List.of(1, "#2166AC"))).doesNotContainKey("zmid");
        assertThat(cell(counts, 0, 1)).as("0").isEqualTo(0xFFFFFF);
        assertThat(cell(counts, 0, 0)).as("12, the largest").isEqualTo(0x2166AC);
        assertThat(cell(counts, 1, 0)).as("6, halfway").isEqualTo(0x90B3D6);
        assertThat(legendRange(counts)).containsExactly(0.0, 12.0);
    }

    /** The colour of the PNG's cell in column {@code x}, row {@code y}, away from its centred label. */
    private static int cell(Chart chart, int x, int y) {
        JFreeChart drawn = ChartImage.draw(chart);
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = drawn.createBufferedImage(700, 420, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = drawn.getXYPlot();
        double px = plot.getDomainAxis().valueToJava2D(x - 0.35, area, plot.getDomainAxisEdge());
        double py = plot.getRangeAxis().valueToJava2D(y - 0.35, area, plot.getRangeAxisEdge());
        return image.getRGB((int) px, (int) py) & 0xFFFFFF;
    }

    /** The lowest and highest value of the PNG's colour legend. */
    private static List<Double> legendRange(Chart chart) {
        PaintScaleLegend legend = ChartImage.draw(chart).getSubtitles().stream()
                .filter(t -> t instanceof PaintScaleLegend)
                .map(t -> (PaintScaleLegend) t).findFirst().orElseThrow();
        return List.of(legend.getAxis().getLowerBound(), legend.getAxis().getUpperBound());
    }

    @Test
    void line_isAPlotlyLineTrace_andGuidesAreDashedTracesOutsideTheLegend() {
        assertThat(trace(LINE, 0)).containsEntry("type", "scatter").containsEntry("mode", "lines")
                .containsEntry("x", List.of(0.0, 0.1, 1.0));
        assertThat(trace(LINE, 1)).containsEntry("name", "chance").containsEntry("showlegend", false)
                .containsEntry("line", Map.of("dash", "dash", "color", "grey", "width", 1));
        assertThat(ChartView.plain(LINE)).isEqualTo("Line: ROC (1 line)");
        assertThat(ChartImage.draw(LINE).getXYPlot().getAnnotations()).as("the guide in the PNG").hasSize(1);
    }

    @Test
    void heatmapOfCounts_labelsWholeNumbers_andPutsTheFirstRowOnTop() {
        Chart counts = new Chart(Kind.HEATMAP, "confusion", "predicted", "actual", List.of(new Series("n",
                List.of("a", "b"), List.of("a", "b"), List.of(List.of(12.0, 1.0), List.of(0.0, 9.0)))), null);
        assertThat(trace(counts, 0)).containsEntry("texttemplate", "%{z}");
        assertThat(trace(HEATMAP, 0)).containsEntry("texttemplate", "%{z:.2f}");
        Map<String, Object> yaxis = cast(ChartViewTest.<Map<String, Object>>cast(figure(counts).get("layout")).get("yaxis"));
        assertThat(yaxis).containsEntry("autorange", "reversed");
    }

    @Test
    void sheet_drawsChartsTwoToARow() throws IOException {
        String png = ChartSheet.base64Png(List.of(HISTOGRAM, SCATTER, LINE));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png)));
        assertThat(image.getWidth()).isEqualTo(1400);
        assertThat(image.getHeight()).isEqualTo(840);
    }

    @Test
    void note_isUnderTheTitle_andInThePlainText() {
        Map<String, Object> layout = cast(figure(SCATTER).get("layout"));
        assertThat(ChartViewTest.<Map<String, Object>>cast(layout.get("title")).get("text").toString()).contains("5 of 344 rows sampled");
        assertThat(ChartView.plain(SCATTER)).isEqualTo("Scatter: bill (5 points; 5 of 344 rows sampled)");
    }

    @Test
    void plain_isOneLineNamingTheChart() {
        assertThat(ChartView.plain(HISTOGRAM)).isEqualTo("Histogram: body_mass_g (4 bins)");
        assertThat(ChartView.plain(BOX)).isEqualTo("Box: body_mass_g by species (2 boxes)");
        assertThat(ChartView.plain(HEATMAP)).isEqualTo("Heatmap: correlation (2 × 2)");
    }

    @Test
    void missingValues_becomeJsonNulls() {
        Chart chart = new Chart(Kind.SCATTER, "gaps", "x", "y",
                List.of(new Series("s", java.util.Arrays.asList(1.0, null, Double.NaN), List.of(1.0, 2.0, 3.0))), null);
        assertThat(list(trace(chart, 0).get("x"))).containsExactly(1.0, null, null);
        assertThat(ChartView.bundle(chart).data()).containsKey("image/png");
    }

    private static Map<String, Object> figure(Chart chart) {
        return cast(ChartView.bundle(chart).data().get(ChartView.PLOTLY));
    }

    private static Map<String, Object> trace(Chart chart, int i) {
        return cast(ChartViewTest.<List<Object>>cast(figure(chart).get("data")).get(i));
    }

    private static List<Object> list(Object value) {
        return cast(value);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
