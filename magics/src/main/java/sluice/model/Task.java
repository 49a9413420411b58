package sluice.model;

/** What a model predicts: a number (regression) or a class (classification). */
public enum Task {
    REGRESSION, CLASSIFICATION;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
