package sluice.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sluice.model.Scores;

/**
 * The ROC curve of a two-class model: the false and true positive rates as the threshold on the positive
 * class's probability falls, one point per distinct probability (thinned for the plot past {@link #POINTS}).
 *
 * @param positive the class counted as positive
 * @param auc      the area under the curve, from every row
 * @param fpr      false positive rates, from 0 to 1
 * @param tpr      true positive rates, from 0 to 1
 */
record Roc(String positive, double auc, List<Double> fpr, List<Double> tpr) {
    /** A curve of more points than this is thinned for the plot; the AUC always counts every row. */
    static final int POINTS = 1_000;

    static Roc of(String positive, boolean[] isPositive, double[] score) {
        Integer[] order = new Integer[score.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        long positives = 0;
        for (boolean p : isPositive) {
            positives += p ? 1 : 0;
        }
        long negatives = score.length - positives;
        List<Double> fpr = new ArrayList<>(List.of(0.0));
        List<Double> tpr = new ArrayList<>(List.of(0.0));
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < order.length; i++) {
            if (isPositive[order[i]]) {
                tp++;
            } else {
                fp++;
            }
            // Rows with the same probability pass the threshold together: one point for all of them.
            if (i + 1 == order.length || score[order[i + 1]] != score[order[i]]) {
                fpr.add(negatives == 0 ? 0 : (double) fp / negatives);
                tpr.add(positives == 0 ? 0 : (double) tp / positives);
            }
        }
        return new Roc(positive, Scores.auc(isPositive, score), thin(fpr), thin(tpr));
    }

    /** Every k-th point and the last, so a curve over many rows stays a few kilobytes. */
    private static List<Double> thin(List<Double> points) {
        if (points.size() <= POINTS) {
            return points;
        }
        int step = (points.size() + POINTS - 1) / POINTS;
        List<Double> kept = new ArrayList<>();
        for (int i = 0; i < points.size() - 1; i += step) {
            kept.add(points.get(i));
        }
        kept.add(points.get(points.size() - 1));
        return kept;
    }
}
