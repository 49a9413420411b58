package sluice.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sluice.model.Scores;
import tech.tablesaw.columns.Column;

/**
 * How the rows of each actual class were predicted.
 *
 * @param classes the model's classes, then any class the rows hold that the model never saw
 * @param counts  {@code counts[actual][predicted]}
 * @param actual  each row's actual class, as an index into {@code classes}
 * @param predicted each row's predicted class, likewise
 */
record Confusion(List<String> classes, long[][] counts, int[] actual, int[] predicted) {

    static Confusion of(List<String> modelClasses, Column<?> target, String[] labels) {
        List<String> classes = new ArrayList<>(modelClasses);
        int[] actual = new int[labels.length];
        int[] predicted = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            String truth = target.getString(i);
            if (!classes.contains(truth)) {
                classes.add(truth);
            }
            actual[i] = classes.indexOf(truth);
            predicted[i] = classes.indexOf(labels[i]);
        }
        return new Confusion(List.copyOf(classes), Scores.confusion(actual, predicted, classes.size()), actual, predicted);
    }

    /**
     * {@code %train}'s metrics: from the labels, and from {@code probabilities}, a column for each of the
     * model's first {@code modelClasses} classes.
     */
    Map<String, Double> scores(double[][] probabilities, int modelClasses) {
        Map<String, Double> scores = Scores.classification(actual, predicted, classes.size());
        scores.putAll(Scores.ofProbabilities(actual, probabilities, modelClasses));
        return scores;
    }

    Scores.ClassScore[] perClass() {
        return Scores.perClass(counts);
    }
}
