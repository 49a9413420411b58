package sluice.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sluice.magic.UsageError;
import sluice.model.Model;
import sluice.model.Predictions;
import sluice.model.Scores;
import sluice.model.Task;
import sluice.render.Chart;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Scores a model on cleaned rows with {@link Scores}, the same code that gave {@code %train}'s metrics. */
final class Evaluator {
    private Evaluator() {
    }

    static Evaluation evaluate(Model model, Table rows, String label, String note, boolean plots) {
        if (rows.rowCount() == 0) {
            throw new UsageError("There are no " + label + " rows to evaluate on.");
        }
        Predictions predictions = model.predictCleaned(rows);
        Column<?> target = rows.column(model.target());
        List<String> notes = new ArrayList<>();
        if (note != null) {
            notes.add(note);
        }
        List<Chart> charts = new ArrayList<>();
        Evaluation.Header header = new Evaluation.Header(model.algorithm() + " " + model.task().label() + " of "
                + model.target(), label, rows.rowCount(), notes);
        Map<String, Double> importance = shares(model.importance());
        if (model.task() == Task.REGRESSION) {
            double[] actual = ((NumericColumn<?>) target).asDoubleArray();
            double[] predicted = predictions.values();
            if (plots) {
                charts.add(Plots.predictedVsActual(model.target(), actual, predicted));
                charts.add(Plots.residuals(model.target(), actual, predicted));
            }
            addImportance(importance, plots, charts);
            return new Evaluation(header, Scores.regression(actual, predicted), null, null, importance, charts);
        }
        Confusion confusion = Confusion.of(model.classes(), target, predictions.labels());
        Roc roc = null;
        if (model.classes().size() == 2) {
            String positive = model.classes().get(1);
            boolean[] isPositive = new boolean[rows.rowCount()];
            double[] score = new double[rows.rowCount()];
            for (int i = 0; i < isPositive.length; i++) {
                isPositive[i] = positive.equals(target.getString(i));
                score[i] = predictions.probabilities()[i][1];
            }
            roc = Roc.of(positive, isPositive, score);
        }
        if (confusion.classes().size() > model.classes().size()) {
            notes.add("the rows hold classes the model never saw in training: "
                    + String.join(", ", confusion.classes().subList(model.classes().size(), confusion.classes().size())));
        }
        if (plots) {
            charts.add(Plots.confusion(confusion.classes(), confusion.counts()));
            if (roc != null) {
                charts.add(Plots.roc(roc));
            }
        }
        addImportance(importance, plots, charts);
        Map<String, Double> metrics = confusion.scores(predictions.probabilities(), model.classes().size());
        return new Evaluation(header, metrics, confusion, roc, importance, charts);
    }

    /** Importance as shares of the total, which read alike across models (Smile's raw sums can run to 1e9). */
    private static Map<String, Double> shares(Map<String, Double> importance) {
        if (importance == null) {
            return null;
        }
        double total = importance.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> shares = new java.util.LinkedHashMap<>();
        importance.forEach((feature, value) -> shares.put(feature, total > 0 ? value / total : value));
        return shares;
    }

    private static void addImportance(Map<String, Double> importance, boolean plots, List<Chart> charts) {
        if (plots && importance != null && !importance.isEmpty()) {
            charts.add(Plots.importance(importance));
        }
    }
}
