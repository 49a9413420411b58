package sluice.model;

import java.util.List;
import java.util.function.IntConsumer;

/** {@code %train ridge}: least squares with an L2 penalty {@code lambda} on the standardized columns. */
record RidgeOptions(double lambda) implements Options {
    static final List<Parameter> PARAMETERS = List.of(
            Parameter.real("lambda", 0, false, Double.POSITIVE_INFINITY, "1",
                    "the penalty, scikit-learn's alpha; 0 gives ordinary least squares"));

    static RidgeOptions of(Params p) {
        return new RidgeOptions(p.real("lambda"));
    }

    @Override
    public boolean oneHot() {
        return true;
    }

    @Override
    public Learner fit(Task task, Encoded x, double[] y, long seed, IntConsumer grown) {
        return Gram.of(x, y).ridge(lambda);
    }
}
