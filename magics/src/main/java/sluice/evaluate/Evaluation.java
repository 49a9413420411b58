package sluice.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sluice.model.Scores;
import sluice.render.Bundle;
import sluice.render.Chart;
import sluice.render.ChartSheet;
import sluice.render.Renderable;
import sluice.render.Report;

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
        Report report = new Report("evaluate").title(header.line());
        header.notes().forEach(n -> report.note("note: " + n));
        List<List<String>> rows = new ArrayList<>();
        metrics.forEach((name, value) -> rows.add(List.of(name, fmt(value)
                + (name.equals("roc_auc") && roc != null ? " (positive class: " + roc.positive() + ")" : ""))));
        report.labelledTable("metrics", List.of("metric", "value"), rows);
        if (confusion != null) {
            perClassTable(report);
            confusionTable(report);
        }
        if (importance != null && !importance.isEmpty()) {
            List<List<String>> ranked = new ArrayList<>();
            Plots.ranked(importance).stream().limit(Plots.FEATURES)
                    .forEach(e -> ranked.add(List.of(e.getKey(), fmt(e.getValue()))));
            report.labelledTable("feature importance (share of the total), most important first",
                    List.of("feature", "importance"), ranked);
        } else {
            report.note("feature importance: this model has none (tree models have it)");
        }
        Bundle bundle = report.charts(charts).bundle();
        return charts.isEmpty() ? bundle : bundle.with("image/png", ChartSheet.base64Png(charts));
    }

    private void perClassTable(Report report) {
        List<List<String>> rows = new ArrayList<>();
        perClass().forEach((name, s) -> rows.add(List.of(name, fmt(s.precision()), fmt(s.recall()), fmt(s.f1()),
                String.format("%,d", s.support()))));
        rows.add(List.of("macro average", fmt(metrics.get("precision_macro")), fmt(metrics.get("recall_macro")),
                fmt(metrics.get("f1_macro")), String.format("%,d", header.rows())));
        report.labelledTable("per class", List.of("class", "precision", "recall", "f1", "support"), rows);
    }

    private void confusionTable(Report report) {
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
        report.labelledTable("confusion matrix (rows: actual class, columns: predicted class)", columns, rows);
    }

    static String fmt(Double value) {
        if (value == null || value.isNaN()) {
            return "n/a";
        }
        double abs = Math.abs(value);
        return abs != 0 && (abs >= 1e5 || abs < 1e-3) ? String.format("%.4g", value) : String.format("%.4f", value);
    }
}
