package sluice.evaluate;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sluice.model.Scores;
import sluice.render.Bundle;
import sluice.render.Chart;
import sluice.render.HtmlTable;
import sluice.render.ChartSheet;
import sluice.render.ChartView;
import sluice.render.Renderable;

/**
 * What {@code %evaluate} shows: the metrics, for a classifier the per-class scores, confusion matrix and
 * ROC curve, the feature importance where the model has it, and the plots. One bundle: text, HTML with
 * each plot (interactive where JavaScript runs, an image elsewhere) and one PNG holding every plot.
 *
 * @param header     what was scored on which rows
 * @param metrics    {@code %train}'s metrics: regression errors and R², or accuracy, macro averages,
 *                   agreement, log loss and ROC AUC
 * @param confusion  for classification, else null
 * @param roc        for two classes, else null
 * @param importance each feature's share of a tree model's importance, else null
 * @param charts     the plots, empty with --no-plots
 */
record Evaluation(Header header, Map<String, Double> metrics, Confusion confusion, Roc roc,
                  Map<String, Double> importance, List<Chart> charts) implements Renderable {

    /** The model scored ({@code "random-forest classification of species"}), on which rows and how many. */
    public record Header(String model, String on, int rows, List<String> notes) {
        String line() {
            return String.format("%s, on %,d %s rows", model, rows, on);
        }
    }

    /** The area under the ROC curve for two classes, else null. */
    public Double auc() {
        return roc == null ? null : roc.auc();
    }

    /** {@code counts[actual][predicted]} for classification, else null. */
    public long[][] confusionCounts() {
        return confusion == null ? null : confusion.counts();
    }

    /** The classes of the confusion matrix, in its order. */
    public List<String> classes() {
        return confusion == null ? List.of() : confusion.classes();
    }

    /** Precision, recall, F1 and support of each class, in {@link #classes()} order. */
    public Map<String, Scores.ClassScore> perClass() {
        Map<String, Scores.ClassScore> byClass = new LinkedHashMap<>();
        if (confusion != null) {
            Scores.ClassScore[] scores = confusion.perClass();
            for (int c = 0; c < scores.length; c++) {
                byClass.put(confusion.classes().get(c), scores[c]);
            }
        }
        return byClass;
    }

    @Override
    public Bundle bundle() {
        Text text = new Text();
        text.heading(header.line());
        header.notes().forEach(n -> text.note("note: " + n));
        List<List<String>> rows = new ArrayList<>();
        metrics.forEach((name, value) -> rows.add(List.of(name, fmt(value)
                + (name.equals("roc_auc") && roc != null ? " (positive class: " + roc.positive() + ")" : ""))));
        text.table("metrics", List.of("metric", "value"), rows);
        if (confusion != null) {
            perClassTable(text);
            confusionTable(text);
        }
        if (importance != null && !importance.isEmpty()) {
            List<List<String>> ranked = new ArrayList<>();
            Plots.ranked(importance).stream().limit(Plots.FEATURES)
                    .forEach(e -> ranked.add(List.of(e.getKey(), fmt(e.getValue()))));
            text.table("feature importance (share of the total), most important first", List.of("feature", "importance"), ranked);
        } else {
            text.note("feature importance: this model has none (tree models have it)");
        }
        StringBuilder html = new StringBuilder("<div class=\"sluice-evaluate\">").append(text.html);
        charts.forEach(chart -> html.append(ChartView.html(chart)));
        html.append("</div>");
        String plain = text.plain.toString().stripTrailing();
        if (!charts.isEmpty()) {
            plain += "\n\nplots:\n" + String.join("\n", charts.stream().map(c -> "  " + ChartView.plain(c)).toList());
        }
        Map<String, Object> data = new LinkedHashMap<>(Bundle.of(html.toString(), plain).data());
        if (!charts.isEmpty()) {
            data.put("image/png", ChartSheet.base64Png(charts));
        }
        return new Bundle(data);
    }

    private void perClassTable(Text text) {
        List<List<String>> rows = new ArrayList<>();
        perClass().forEach((name, s) -> rows.add(List.of(name, fmt(s.precision()), fmt(s.recall()), fmt(s.f1()),
                String.format("%,d", s.support()))));
        rows.add(List.of("macro average", fmt(metrics.get("precision_macro")), fmt(metrics.get("recall_macro")),
                fmt(metrics.get("f1_macro")), String.format("%,d", header.rows())));
        text.table("per class", List.of("class", "precision", "recall", "f1", "support"), rows);
    }

    private void confusionTable(Text text) {
        List<String> columns = new ArrayList<>(List.of("actual \\ predicted"));
        columns.addAll(confusion.classes());
        List<List<String>> rows = new ArrayList<>();
        for (int a = 0; a < confusion.classes().size(); a++) {
            List<String> row = new ArrayList<>(List.of(confusion.classes().get(a)));
            for (long n : confusion.counts()[a]) {
                row.add(String.format("%,d", n));
            }
            rows.add(row);
        }
        text.table("confusion matrix (rows: actual class, columns: predicted class)", columns, rows);
    }

    static String fmt(Double value) {
        if (value == null || value.isNaN()) {
            return "n/a";
        }
        double abs = Math.abs(value);
        return abs != 0 && (abs >= 1e5 || abs < 1e-3) ? String.format("%.4g", value) : String.format("%.4f", value);
    }

    /** The report written twice as it goes: aligned plain text and HTML. */
    private static final class Text {
        final StringBuilder plain = new StringBuilder();
        final StringBuilder html = new StringBuilder();

        void heading(String line) {
            plain.append(line).append('\n');
            html.append("<p><b>").append(escapeHtml4(line)).append("</b></p>");
        }

        void note(String line) {
            plain.append(line).append('\n');
            html.append("<p><i>").append(escapeHtml4(line)).append("</i></p>");
        }

        void table(String title, List<String> columns, List<List<String>> rows) {
            int[] widths = new int[columns.size()];
            for (int c = 0; c < widths.length; c++) {
                widths[c] = columns.get(c).length();
                for (List<String> row : rows) {
                    widths[c] = Math.max(widths[c], row.get(c).length());
                }
            }
            plain.append('\n').append(title).append(":\n");
            plain.append(line(columns, widths));
            rows.forEach(row -> plain.append(line(row, widths)));
            HtmlTable table = new HtmlTable().th(columns);
            for (List<String> row : rows) {
                table.row().th(row.get(0)).td(row.subList(1, row.size()));
            }
            html.append("<p>").append(escapeHtml4(title)).append(":</p>").append(table.html());
        }

        private static String line(List<String> cells, int[] widths) {
            StringBuilder line = new StringBuilder(" ");
            for (int c = 0; c < cells.size(); c++) {
                line.append(' ').append(String.format("%-" + widths[c] + "s", cells.get(c)));
            }
            return line.toString().stripTrailing() + "\n";
        }
    }
}
