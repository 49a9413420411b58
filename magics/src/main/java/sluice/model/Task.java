package sluice.model;

/** What a model predicts: a number (regression) or a class (classification). */
public enum Task {
    REGRESSION, CLASSIFICATION;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The classes a learner of this task predicts from targets {@code y}: 0 for regression, at least 2 for classes. */
    int classesOf(double[] y) {
        return this == REGRESSION ? 0 : Math.max(2, classes(y));
    }

    /** The number of classes of a classification's class indexes {@code y} (0, 1, …). */
    static int classes(double[] y) {
        return (int) java.util.Arrays.stream(y).max().orElse(0) + 1;
    }
}
