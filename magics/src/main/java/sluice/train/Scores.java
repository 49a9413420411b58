package sluice.train;

import java.util.LinkedHashMap;
import java.util.Map;

/** The headline metrics of predictions against the truth: regression errors and R², or accuracy and macro F1. */
public final class Scores {
    private Scores() {
    }

    /** MSE, RMSE, MAE and R² of {@code predicted} against {@code actual}. */
    public static Map<String, Double> regression(double[] actual, double[] predicted) {
        int n = actual.length;
        double mean = 0;
        for (double a : actual) {
            mean += a / n;
        }
        double squared = 0;
        double absolute = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double error = actual[i] - predicted[i];
            squared += error * error;
            absolute += Math.abs(error);
            total += (actual[i] - mean) * (actual[i] - mean);
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("mse", squared / n);
        scores.put("rmse", Math.sqrt(squared / n));
        scores.put("mae", absolute / n);
        scores.put("r2", 1 - squared / total);
        return scores;
    }

    /** Accuracy and macro-averaged precision, recall and F1 over {@code k} classes. */
    public static Map<String, Double> classification(int[] actual, int[] predicted, int k) {
        long[][] confusion = confusion(actual, predicted, k);
        long correct = 0;
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        for (int c = 0; c < k; c++) {
            correct += confusion[c][c];
            ClassScore score = of(confusion, c);
            precision += score.precision() / k;
            recall += score.recall() / k;
            f1 += score.f1() / k;
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("accuracy", (double) correct / actual.length);
        scores.put("precision_macro", precision);
        scores.put("recall_macro", recall);
        scores.put("f1_macro", f1);
        return scores;
    }

    /**
     * Precision, recall and F1 of one class, and its support (rows truly of it); a ratio with nothing
     * to divide by is 0, as scikit-learn's {@code zero_division=0}.
     */
    public record ClassScore(double precision, double recall, double f1, long support) {
    }

    /** The scores of each class from a confusion matrix ({@code confusion[actual][predicted]}). */
    public static ClassScore[] perClass(long[][] confusion) {
        ClassScore[] scores = new ClassScore[confusion.length];
        for (int c = 0; c < confusion.length; c++) {
            scores[c] = of(confusion, c);
        }
        return scores;
    }

    private static ClassScore of(long[][] confusion, int c) {
        long predictedAsC = 0;
        long actualC = 0;
        for (int o = 0; o < confusion.length; o++) {
            predictedAsC += confusion[o][c];
            actualC += confusion[c][o];
        }
        double p = predictedAsC == 0 ? 0 : (double) confusion[c][c] / predictedAsC;
        double r = actualC == 0 ? 0 : (double) confusion[c][c] / actualC;
        return new ClassScore(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), actualC);
    }

    /**
     * The area under the ROC curve of {@code scores} for telling {@code positive} rows from the rest:
     * the chance that a random positive row scores above a random negative one, ties counting half
     * (the Mann–Whitney statistic). NaN when one side has no rows.
     */
    public static double auc(boolean[] positive, double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSum = 0;
        long positives = 0;
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j < order.length && scores[order[j]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0;
            for (int t = i; t < j; t++) {
                if (positive[order[t]]) {
                    rankSum += rank;
                    positives++;
                }
            }
            i = j;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** {@code confusion[actual][predicted]}: how many rows of each class were predicted as each class. */
    public static long[][] confusion(int[] actual, int[] predicted, int k) {
        long[][] confusion = new long[k][k];
        for (int i = 0; i < actual.length; i++) {
            confusion[actual[i]][predicted[i]]++;
        }
        return confusion;
    }

    /** The metric that ranks models: R² for regression, accuracy for classification (higher is better). */
    public static String main(Task task) {
        return task == Task.REGRESSION ? "r2" : "accuracy";
    }
}
