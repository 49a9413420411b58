package sluice.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A Tablesaw plotly {@link Figure} as a {@link Chart}, so that {@link ChartImage} draws its static image
 * as it draws {@code %eda}'s: the traces are read back from the JavaScript literals Tablesaw writes.
 * Scatter and line, bar (either way), histogram, box and heatmap figures have one; others (pie, say) none.
 */
final class TablesawChart {
    private static final ObjectMapper LITERALS = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private TablesawChart() {
    }

    /** The figure as a chart, or null when it is of a kind a chart has no form for ({@link #type} names it). */
    static Chart of(Figure figure) {
        Trace[] traces = figure.getTraces();
        if (traces == null || traces.length == 0) {
            return null;
        }
        List<JsonNode> read = new ArrayList<>();
        for (int i = 0; i < traces.length; i++) {
            read.add(literal(traces[i].asJavascript(i)));
        }
        String type = read.get(0).path("type").asText();
        if (read.stream().anyMatch(t -> !t.path("type").asText().equals(type))) {
            return null;
        }
        JsonNode layout = figure.getLayout() == null ? MissingNode.getInstance() : literal(figure.getLayout().asJavascript());
        String title = title(layout.path("title"));
        String xLabel = title(layout.path("xaxis").path("title"));
        String yLabel = title(layout.path("yaxis").path("title"));
        List<Chart.Series> series = new ArrayList<>();
        Chart.Kind kind;
        switch (type) {
            case "scatter" -> {
                boolean lines = read.get(0).path("mode").asText().equals("lines");
                kind = lines ? Chart.Kind.LINE : Chart.Kind.SCATTER;
                for (JsonNode trace : read) {
                    List<Double> x = new ArrayList<>();
                    List<Double> y = new ArrayList<>();
                    double[] xs = numbers(trace.path("x"));
                    double[] ys = numbers(trace.path("y"));
                    for (int i = 0; i < Math.min(xs.length, ys.length); i++) {
                        if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                            x.add(xs[i]);
                            y.add(ys[i]);
                        }
                    }
                    if (x.isEmpty() && xs.length > 0) {
                        return null; // text or dates along x: not points a chart's axes take
                    }
                    series.add(new Chart.Series(trace.path("name").asText(""), x, y));
                }
            }
            case "bar" -> {
                kind = Chart.Kind.BAR;
                for (JsonNode trace : read) {
                    boolean horizontal = trace.path("orientation").asText().equals("h");
                    List<String> labels = texts(trace.path(horizontal ? "y" : "x"));
                    double[] heights = numbers(trace.path(horizontal ? "x" : "y"));
                    series.add(new Chart.Series(trace.path("name").asText(""), labels,
                            Arrays.stream(heights).boxed().toList()));
                }
                if (read.get(0).path("orientation").asText().equals("h")) {
                    String swap = xLabel;
                    xLabel = yLabel;
                    yLabel = swap;
                }
            }
            case "histogram" -> {
                kind = Chart.Kind.HISTOGRAM;
                for (JsonNode trace : read) {
                    double[] values = Arrays.stream(numbers(trace.path("x"))).filter(Double::isFinite).toArray();
                    series.add(histogram(trace.path("name").asText(""), values, trace.path("nbinsx").asInt(0)));
                }
            }
            case "box" -> {
                kind = Chart.Kind.BOX;
                for (JsonNode trace : read) {
                    Map<String, List<Double>> groups = new LinkedHashMap<>();
                    List<String> names = texts(trace.path("x"));
                    double[] values = numbers(trace.path("y"));
                    for (int i = 0; i < values.length; i++) {
                        if (Double.isFinite(values[i])) {
                            String group = names.isEmpty() ? trace.path("name").asText("") : names.get(i);
                            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(values[i]);
                        }
                    }
                    groups.forEach((group, ys) -> series.add(new Chart.Series(group, List.of(), box(ys))));
                }
            }
            case "heatmap" -> {
                kind = Chart.Kind.HEATMAP;
                JsonNode trace = read.get(0);
                List<List<Double>> z = new ArrayList<>();
                boolean negative = false;
                for (JsonNode row : trace.path("z")) {
                    List<Double> values = Arrays.stream(numbers(row)).boxed().toList();
                    negative |= values.stream().anyMatch(v -> v < 0);
                    z.add(values);
                }
                series.add(new Chart.Series(trace.path("name").asText(""), texts(trace.path("x")), texts(trace.path("y")), z));
                return new Chart(kind, title, xLabel, yLabel, series, null, List.of(),
                        negative ? Chart.Scale.DIVERGING : Chart.Scale.SEQUENTIAL);
            }
            default -> {
                return null;
            }
        }
        return new Chart(kind, title, xLabel, yLabel, series, null);
    }

    /** The plotly type of the figure's first trace, e.g. {@code scatter} or {@code pie}. */
    static String type(Figure figure) {
        Trace[] traces = figure.getTraces();
        return traces == null || traces.length == 0 ? "" : literal(traces[0].asJavascript(0)).path("type").asText();
    }

    /** The object literal of {@code var name = {…};}, read as JSON. */
    private static JsonNode literal(String javascript) {
        int start = javascript.indexOf('{');
        int end = javascript.lastIndexOf('}');
        if (start < 0 || end < start) {
            return MissingNode.getInstance();
        }
        try {
            return LITERALS.readTree(javascript.substring(start, end + 1));
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static String title(JsonNode node) {
        return node.isObject() ? node.path("text").asText("") : node.asText("");
    }

    private static double[] numbers(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = array.get(i);
            try {
                values[i] = value.isNumber() ? value.asDouble() : Double.parseDouble(value.asText());
            } catch (NumberFormatException e) {
                values[i] = Double.NaN;
            }
        }
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    /** Equal-width bins over the values: {@code bins} of them, or Sturges' number (plotly's own choice differs a little). */
    private static Chart.Series histogram(String name, double[] values, int bins) {
        double lo = Arrays.stream(values).min().orElse(0);
        double hi = Arrays.stream(values).max().orElse(1);
        int n = bins > 0 ? bins : (int) Math.ceil(Math.log(Math.max(values.length, 1)) / Math.log(2)) + 1;
        double width = hi > lo ? (hi - lo) / n : 1;
        List<Double> edges = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            edges.add(lo + i * width);
        }
        double[] counts = new double[n];
        for (double v : values) {
            counts[Math.min(n - 1, (int) ((v - lo) / width))]++;
        }
        return new Chart.Series(name, edges, Arrays.stream(counts).boxed().toList());
    }

    /** Lower whisker, quartiles, median, upper whisker, as plotly draws a box: whiskers at the furthest values within 1.5 IQR. */
    private static List<Double> box(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double q1 = quantile(sorted, 0.25);
        double median = quantile(sorted, 0.5);
        double q3 = quantile(sorted, 0.75);
        double iqr = q3 - q1;
        double low = Arrays.stream(sorted).filter(v -> v >= q1 - 1.5 * iqr).min().orElse(q1);
        double high = Arrays.stream(sorted).filter(v -> v <= q3 + 1.5 * iqr).max().orElse(q3);
        return List.of(low, q1, median, q3, high);
    }

    private static double quantile(double[] sorted, double p) {
        double at = p * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }
}
