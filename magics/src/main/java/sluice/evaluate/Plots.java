package sluice.evaluate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import sluice.render.Chart;
import sluice.render.Chart.Series;

/** The charts of {@code %evaluate}, computed in Java so a notebook holds at most a few thousand points. */
final class Plots {
    /** Scatter plots of more rows than this are sampled with a fixed seed, as {@code %eda scatter} does. */
    static final int POINTS = 5_000;
    /** An importance chart shows at most this many features, the most important first. */
    static final int FEATURES = 20;

    private Plots() {
    }

    /** Predicted against actual values, with the y = x line a perfect model would sit on. */
    static Chart predictedVsActual(String target, double[] actual, double[] predicted) {
        Sample sample = Sample.of(actual.length);
        double lo = Math.min(min(actual), min(predicted));
        double hi = Math.max(max(actual), max(predicted));
        return new Chart(Chart.Kind.SCATTER, "Predicted against actual " + target, "actual " + target,
                "predicted " + target, List.of(new Series("rows", sample.pick(actual), sample.pick(predicted))),
                sample.note(), List.of(new Series("y = x", List.of(lo, hi), List.of(lo, hi))));
    }

    /** Residuals (actual − predicted) against predicted values, with the zero line. */
    static Chart residuals(String target, double[] actual, double[] predicted) {
        Sample sample = Sample.of(actual.length);
        double[] residual = new double[actual.length];
        java.util.Arrays.setAll(residual, i -> actual[i] - predicted[i]);
        return new Chart(Chart.Kind.SCATTER, "Residuals of " + target, "predicted " + target, "actual − predicted",
                List.of(new Series("rows", sample.pick(predicted), sample.pick(residual))), sample.note(),
                List.of(new Series("zero", List.of(min(predicted), max(predicted)), List.of(0.0, 0.0))));
    }

    /** The confusion matrix as a heatmap, white at 0: a row per actual class, a column per predicted class. */
    static Chart confusion(List<String> classes, long[][] counts) {
        List<List<Double>> z = new ArrayList<>();
        for (long[] row : counts) {
            List<Double> values = new ArrayList<>();
            for (long n : row) {
                values.add((double) n);
            }
            z.add(values);
        }
        return new Chart(Chart.Kind.HEATMAP, "Confusion matrix", "predicted", "actual",
                List.of(new Series("rows", classes, classes, z)), null, List.of(), Chart.Scale.SEQUENTIAL);
    }

    /** The ROC curve with the diagonal of a model that guesses. */
    static Chart roc(Roc roc) {
        return new Chart(Chart.Kind.LINE, String.format("ROC curve, %s positive (AUC %.3f)", roc.positive(), roc.auc()),
                "false positive rate", "true positive rate", List.of(new Series("ROC", roc.fpr(), roc.tpr())), null,
                List.of(new Series("chance", List.of(0.0, 1.0), List.of(0.0, 1.0))));
    }

    /** Feature importance as bars, the most important first. */
    static Chart importance(Map<String, Double> byFeature) {
        List<Map.Entry<String, Double>> ranked = ranked(byFeature);
        String note = ranked.size() > FEATURES ? String.format("top %d of %d features", FEATURES, ranked.size()) : null;
        List<Map.Entry<String, Double>> shown = ranked.subList(0, Math.min(FEATURES, ranked.size()));
        return new Chart(Chart.Kind.BAR, "Feature importance", "feature", "share of the importance",
                List.of(new Series("importance", shown.stream().map(Map.Entry::getKey).toList(),
                        shown.stream().map(Map.Entry::getValue).toList())), note);
    }

    static List<Map.Entry<String, Double>> ranked(Map<String, Double> byFeature) {
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(byFeature.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        return ranked;
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElse(0);
    }

    private static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElse(0);
    }

    /** The rows a scatter plot shows: all of them, or a seeded sample in row order past {@link #POINTS}. */
    record Sample(int[] rows, int of) {
        static Sample of(int n) {
            if (n <= POINTS) {
                return new Sample(IntStream.range(0, n).toArray(), n);
            }
            List<Integer> all = new ArrayList<>(IntStream.range(0, n).boxed().toList());
            Collections.shuffle(all, new Random(42));
            return new Sample(all.subList(0, POINTS).stream().mapToInt(Integer::intValue).sorted().toArray(), n);
        }

        List<Double> pick(double[] values) {
            List<Double> picked = new ArrayList<>(rows.length);
            for (int row : rows) {
                picked.add(values[row]);
            }
            return picked;
        }

        String note() {
            return rows.length == of ? null : String.format("%,d of %,d rows sampled", rows.length, of);
        }
    }
}
