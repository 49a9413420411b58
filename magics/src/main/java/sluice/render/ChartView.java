package sluice.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Chart} as a cell shows it: interactive plotly where JavaScript runs, a PNG drawn by JFreeChart
 * everywhere else (GitHub, nbconvert exports, no internet), and a line of text.
 */
public final class ChartView {
    /** plotly's MIME type; JupyterLab with its plotly extension and VS Code draw it natively. */
    public static final String PLOTLY = "application/vnd.plotly.v1+json";

    private ChartView() {
    }

    /** The chart's HTML alone (image, then plotly where JavaScript runs), for a report that holds several. */
    public static String html(Chart chart) {
        return ChartHtml.of(chart, ChartImage.base64Png(chart), PlotlyFigure.of(chart));
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WARM = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * The first chart a JVM draws loads AWT, fonts, JFreeChart and the PNG encoder (a second or more):
     * drawing a one-cell heatmap once, early and off the user's path, makes later charts quick.
     */
    public static void warmUp() {
        if (WARM.compareAndSet(false, true)) {
            bundle(new Chart(Chart.Kind.HEATMAP, "", "", "",
                    List.of(new Chart.Series("r", List.of("a"), List.of("a"), List.of(List.of(1.0)))), null));
        }
    }

    public static Bundle bundle(Chart chart) {
        String png = ChartImage.base64Png(chart);
        Map<String, Object> figure = PlotlyFigure.of(chart);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text/plain", plain(chart));
        data.put("text/html", ChartHtml.of(chart, png, figure));
        data.put("image/png", png);
        data.put(PLOTLY, figure);
        return new Bundle(data);
    }

    /** One line, e.g. "Histogram of body_mass_g (20 bins)". */
    public static String plain(Chart chart) {
        int traces = chart.series().size();
        String detail = switch (chart.kind()) {
            case HISTOGRAM -> count(traces == 0 ? 0 : chart.series().get(0).y().size(), "bin");
            case BAR -> count(traces == 0 ? 0 : chart.series().get(0).x().size(), "bar");
            case BOX -> count(traces, "box");
            case SCATTER -> count(chart.series().stream().mapToInt(s -> s.x().size()).sum(), "point");
            case HEATMAP -> traces == 0 ? "empty"
                    : chart.series().get(0).y().size() + " × " + chart.series().get(0).x().size();
            case LINE -> count(traces, "line");
        };
        String kind = chart.kind().name().charAt(0) + chart.kind().name().substring(1).toLowerCase();
        return kind + ": " + chart.title() + " (" + detail + (chart.note() == null ? "" : "; " + chart.note()) + ")";
    }

    private static String count(int n, String noun) {
        return String.format("%,d %s", n, n == 1 ? noun : noun.equals("box") ? "boxes" : noun + "s");
    }
}
