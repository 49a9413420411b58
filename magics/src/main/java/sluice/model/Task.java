package sluice.model;

/** What a model predicts: a number (regression) or a class (classification). */
public enum Task {
    REGRESSION, CLASSIFICATION;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The number of classes of a classification's class indexes {@code y} (0, 1, …). */
    static int classes(double[] y) {
        return (int) java.util.Arrays.stream(y).max().orElse(0) + 1;
    }
}
