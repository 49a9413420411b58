package sluice.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics of predictions against the truth, named and defined as scikit-learn 1.2.1's so that the
 * numbers compare line by line: regression errors and R², or accuracy, macro averages and agreement,
 * and from the class probabilities log loss and ROC AUC.
 */
public final class Scores {
    /**
     * What {@code log_loss} clips probabilities to, {@code [EPSILON, 1 - EPSILON]}: scikit-learn 1.2's
     * default {@code eps="auto"}, {@code np.finfo(np.float64).eps}.
     */
    private static final double EPSILON = Math.ulp(1.0);

    private Scores() {
    }

    /**
     * MSE, RMSE, MAE, MAPE and R² of {@code predicted} against {@code actual}. MAPE is a fraction, not a
     * percentage, and divides by {@code max(|actual|, EPSILON)}, so a miss where the truth is 0 is huge.
     * R² of a constant truth is 1 when every prediction is right, else 0 (scikit-learn's {@code force_finite}).
     */
    public static Map<String, Double> regression(double[] actual, double[] predicted) {
        int n = actual.length;
        double mean = 0;
        for (double a : actual) {
            mean += a / n;
        }
        double squared = 0;
        double absolute = 0;
        double percentage = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double error = actual[i] - predicted[i];
            squared += error * error;
            absolute += Math.abs(error);
            percentage += Math.abs(error) / Math.max(Math.abs(actual[i]), EPSILON);
            total += (actual[i] - mean) * (actual[i] - mean);
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("mse", squared / n);
        scores.put("rmse", Math.sqrt(squared / n));
        scores.put("mae", absolute / n);
        scores.put("mape", percentage / n);
        scores.put("r2", total > 0 ? 1 - squared / total : squared == 0 ? 1 : 0);
        return scores;
    }

    /**
     * Accuracy, balanced accuracy, macro-averaged precision, recall and F1, Cohen's kappa and the Matthews
     * correlation coefficient over {@code k} classes. As in scikit-learn, the averages are over the classes
     * that occur in {@code actual} or {@code predicted} (balanced accuracy: in {@code actual}); kappa is NaN
     * when both sides hold one and the same class, and MCC is 0 when either side holds one class.
     */
    public static Map<String, Double> classification(int[] actual, int[] predicted, int k) {
        long[][] confusion = confusion(actual, predicted, k);
        long correct = 0;
        int occurring = 0;
        int actualClasses = 0;
        double recallOfActual = 0;
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        for (int c = 0; c < k; c++) {
            correct += confusion[c][c];
            ClassScore score = of(confusion, c);
            if (score.support() > 0 || predictedAs(confusion, c) > 0) {
                occurring++;
                precision += score.precision();
                recall += score.recall();
                f1 += score.f1();
            }
            if (score.support() > 0) {
                actualClasses++;
                recallOfActual += score.recall();
            }
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("accuracy", (double) correct / actual.length);
        scores.put("balanced_accuracy", recallOfActual / actualClasses);
        scores.put("precision_macro", precision / occurring);
        scores.put("recall_macro", recall / occurring);
        scores.put("f1_macro", f1 / occurring);
        scores.put("cohen_kappa", kappa(confusion));
        scores.put("mcc", mcc(confusion));
        return scores;
    }

    /**
     * Log loss and ROC AUC from each row's probabilities of the model's {@code classes} (a column each, in
     * sorted class order): {@code roc_auc} of the second class for two classes, else {@code roc_auc_ovr},
     * the mean of each class's AUC against the rest. A score scikit-learn refuses is NaN: both when a
     * row's class is not one of the model's, the AUC when a class has no rows.
     */
    public static Map<String, Double> ofProbabilities(int[] actual, double[][] probabilities, int classes) {
        boolean covered = Arrays.stream(actual).allMatch(c -> c < classes);
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("log_loss", covered ? logLoss(actual, probabilities) : Double.NaN);
        scores.put(classes == 2 ? "roc_auc" : "roc_auc_ovr", covered ? rocAuc(actual, probabilities, classes) : Double.NaN);
        return scores;
    }

    /**
     * The mean of {@code -log p}, {@code p} the probability of the row's class after clipping each
     * probability to {@code [EPSILON, 1 - EPSILON]} and dividing by the row's sum, as scikit-learn does.
     */
    private static double logLoss(int[] actual, double[][] probabilities) {
        double loss = 0;
        for (int i = 0; i < actual.length; i++) {
            double sum = 0;
            for (double p : probabilities[i]) {
                sum += clip(p);
            }
            loss -= Math.log(clip(probabilities[i][actual[i]]) / sum);
        }
        return loss / actual.length;
    }

    private static double clip(double p) {
        return Math.max(EPSILON, Math.min(1 - EPSILON, p));
    }

    private static double rocAuc(int[] actual, double[][] probabilities, int classes) {
        if (classes == 2) {
            return auc(actual, probabilities, 1);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += auc(actual, probabilities, c);
        }
        return sum / classes;
    }

    private static double auc(int[] actual, double[][] probabilities, int c) {
        boolean[] positive = new boolean[actual.length];
        double[] scores = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            positive[i] = actual[i] == c;
            scores[i] = probabilities[i][c];
        }
        return auc(positive, scores);
    }

    /** 1 − observed disagreement / the disagreement expected from each side's class shares. */
    private static double kappa(long[][] confusion) {
        long[] actual = actualAs(confusion);
        long[] predicted = java.util.stream.IntStream.range(0, confusion.length).mapToLong(c -> predictedAs(confusion, c)).toArray();
        long n = Arrays.stream(actual).sum();
        double observed = 0;
        double expected = 0;
        for (int a = 0; a < confusion.length; a++) {
            for (int p = 0; p < confusion.length; p++) {
                if (a != p) {
                    observed += confusion[a][p];
                    expected += (double) predicted[p] * actual[a] / n;
                }
            }
        }
        return 1 - observed / expected;
    }

    /** The multiclass MCC (Gorodkin's R_K), as scikit-learn's {@code matthews_corrcoef}. */
    private static double mcc(long[][] confusion) {
        long[] actual = actualAs(confusion);
        double n = Arrays.stream(actual).sum();
        double correct = 0;
        double actualByPredicted = 0;
        double predictedSquared = 0;
        double actualSquared = 0;
        for (int c = 0; c < confusion.length; c++) {
            double predicted = predictedAs(confusion, c);
            correct += confusion[c][c];
            actualByPredicted += actual[c] * predicted;
            predictedSquared += predicted * predicted;
            actualSquared += (double) actual[c] * actual[c];
        }
        double covariance = correct * n - actualByPredicted;
        double predictedVariance = n * n - predictedSquared;
        double actualVariance = n * n - actualSquared;
        return predictedVariance * actualVariance == 0 ? 0 : covariance / Math.sqrt(actualVariance * predictedVariance);
    }

    private static long[] actualAs(long[][] confusion) {
        return Arrays.stream(confusion).mapToLong(row -> Arrays.stream(row).sum()).toArray();
    }

    private static long predictedAs(long[][] confusion, int c) {
        return Arrays.stream(confusion).mapToLong(row -> row[c]).sum();
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
        long predictedAsC = predictedAs(confusion, c);
        long actualC = Arrays.stream(confusion[c]).sum();
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
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
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
