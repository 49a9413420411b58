package sluice.model;

import java.util.List;
import java.util.function.IntConsumer;

/** {@code %train linear}: ordinary least squares, as scikit-learn's LinearRegression; it takes no parameters. */
record LinearOptions() implements Options {
    static final List<Parameter> PARAMETERS = List.of();

    static LinearOptions of(Params p) {
        return new LinearOptions();
    }

    @Override
    public boolean oneHot() {
        return true;
    }

    @Override
    public Learner fit(Task task, Encoded x, double[] y, long seed, IntConsumer grown) {
        return Gram.of(x, y).ridge(0);
    }
}
