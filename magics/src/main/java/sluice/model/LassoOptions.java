package sluice.model;

import java.util.List;
import java.util.function.IntConsumer;

/** {@code %train lasso}: least squares with an L1 penalty {@code lambda}, by coordinate descent. */
record LassoOptions(double lambda, double tolerance, int iterations) implements Options {
    static final List<Parameter> PARAMETERS = List.of(
            Parameter.real("lambda", 0, false, Double.POSITIVE_INFINITY, "1",
                    "the penalty, scikit-learn's alpha: the mean squared error is halved and the coefficients of "
                            + "the standardized columns summed"),
            Parameter.real("tolerance", 0, true, 0.1, "1e-8",
                    "coordinate descent stops when no coefficient moves more than this share of y's deviation"),
            Parameter.whole("iterations", 1, 10_000_000, "10000", "the most sweeps of coordinate descent"));

    static LassoOptions of(Params p) {
        return new LassoOptions(p.real("lambda"), p.real("tolerance"), p.integer("iterations"));
    }

    @Override
    public boolean oneHot() {
        return true;
    }

    @Override
    public Learner fit(Task task, Encoded x, double[] y, long seed, IntConsumer grown) {
        return Gram.of(x, y).lasso(lambda, tolerance, iterations);
    }
}
