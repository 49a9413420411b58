package sluice.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A chart as a plotly figure, {@code {"data": [...], "layout": {...}}}, in maps and lists ready for JSON. */
final class PlotlyFigure {
    /** Above this many points scatter traces use WebGL, which stays smooth where SVG markers crawl. */
    static final int WEBGL_POINTS = 1_000;

    /** Blue, white at zero, red: {@link Chart.Scale#DIVERGING} here and in the PNG. */
    static final List<List<Object>> DIVERGING = List.of(List.of(0, "#2166AC"), List.of(0.5, "#FFFFFF"), List.of(1, "#B2182B"));
    /** White at zero to blue: {@link Chart.Scale#SEQUENTIAL} here and in the PNG. */
    static final List<List<Object>> SEQUENTIAL = List.of(List.of(0, "#FFFFFF"), List.of(1, "#2166AC"));

    private PlotlyFigure() {
    }

    static Map<String, Object> of(Chart chart) {
        List<Object> data = new ArrayList<>();
        int points = chart.series().stream().mapToInt(s -> s.y().size()).sum();
        for (Chart.Series s : chart.series()) {
            data.add(switch (chart.kind()) {
                case HISTOGRAM -> histogram(s);
                case BAR -> map("type", "bar", "name", s.name(), "x", s.x(), "y", numbers(s.y()));
                case BOX -> box(s);
                case SCATTER -> map("type", points > WEBGL_POINTS ? "scattergl" : "scatter", "mode", "markers",
                        "name", s.name(), "x", numbers(s.x()), "y", numbers(s.y()));
                case HEATMAP -> heatmap(s, chart.scale());
                case LINE -> map("type", "scatter", "mode", "lines", "name", s.name(), "x", numbers(s.x()), "y", numbers(s.y()));
            });
        }
        for (Chart.Series guide : chart.guides()) {
            data.add(map("type", "scatter", "mode", "lines", "name", guide.name(), "x", numbers(guide.x()),
                    "y", numbers(guide.y()), "line", map("dash", "dash", "color", "grey", "width", 1), "showlegend", false));
        }
        return map("data", data, "layout", layout(chart));
    }

    private static Map<String, Object> histogram(Chart.Series s) {
        List<Double> edges = numbers(s.x());
        List<Double> centres = new ArrayList<>();
        List<Double> widths = new ArrayList<>();
        for (int i = 0; i + 1 < edges.size(); i++) {
            centres.add((edges.get(i) + edges.get(i + 1)) / 2);
            widths.add(edges.get(i + 1) - edges.get(i));
        }
        return map("type", "bar", "name", s.name(), "x", centres, "width", widths, "y", numbers(s.y()),
                "marker", map("line", map("width", 1, "color", "white")));
    }

    private static Map<String, Object> heatmap(Chart.Series s, Chart.Scale scale) {
        Map<String, Object> trace = map("type", "heatmap", "x", s.x(), "y", s.y(),
                "z", s.z().stream().map(PlotlyFigure::numbers).toList(),
                "texttemplate", integral(s.z()) ? "%{z}" : "%{z:.2f}");
        if (scale == Chart.Scale.SEQUENTIAL) {
            trace.putAll(map("colorscale", SEQUENTIAL, "zmin", 0, "zmax", largest(s.z())));
        } else {
            trace.putAll(map("colorscale", DIVERGING, "zmid", 0));
        }
        return trace;
    }

    /** The top of a sequential scale: the largest value, or 1 when there is none above 0. */
    static double largest(List<List<Double>> z) {
        double largest = z.stream().flatMap(List::stream).filter(v -> v != null && !v.isNaN())
                .mapToDouble(Double::doubleValue).max().orElse(0);
        return largest > 0 ? largest : 1;
    }

    /** A box from its five precomputed numbers: [lower fence, q1, median, q3, upper fence]. */
    private static Map<String, Object> box(Chart.Series s) {
        List<Double> five = numbers(s.y());
        return map("type", "box", "name", s.name(), "x", List.of(s.name()), "lowerfence", List.of(five.get(0)),
                "q1", List.of(five.get(1)), "median", List.of(five.get(2)), "q3", List.of(five.get(3)),
                "upperfence", List.of(five.get(4)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> layout(Chart chart) {
        // plotly.js has no subtitle in every version we may meet, so the note goes under the title.
        String title = chart.note() == null ? chart.title() : chart.title() + "<br><sub>" + chart.note() + "</sub>";
        Map<String, Object> layout = map("title", map("text", title), "height", ChartImage.HEIGHT,
                "xaxis", map("title", map("text", chart.xLabel()), "automargin", true),
                "yaxis", map("title", map("text", chart.yLabel()), "automargin", true),
                "showlegend", chart.series().size() > 1 && chart.kind() != Chart.Kind.BOX);
        if (chart.kind() == Chart.Kind.HISTOGRAM) {
            layout.put("bargap", 0);
        }
        if (chart.kind() == Chart.Kind.HEATMAP) {
            // The first row on top, as in the PNG and in a printed matrix.
            ((Map<String, Object>) layout.get("yaxis")).put("autorange", "reversed");
        }
        return layout;
    }

    /** Whether every value of a matrix is a whole number (counts), which then label without decimals. */
    static boolean integral(List<List<Double>> z) {
        return z.stream().flatMap(List::stream).allMatch(v -> v == null || v.isNaN() || v == Math.rint(v));
    }

    /** Numbers as doubles, with missing or NaN values as null, which JSON can carry. */
    static List<Double> numbers(List<?> values) {
        List<Double> out = new ArrayList<>(values.size());
        for (Object v : values) {
            double d = v instanceof Number n ? n.doubleValue() : Double.NaN;
            out.add(Double.isFinite(d) ? d : null);
        }
        return out;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
