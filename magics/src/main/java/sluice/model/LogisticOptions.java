package sluice.model;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import smile.math.MathEx;

/** {@code %train logistic}: logistic regression with an L2 penalty {@code lambda}, by L-BFGS. */
record LogisticOptions(double lambda, double tolerance, int iterations) implements Options {
    static final List<Parameter> PARAMETERS = List.of(
            Parameter.real("lambda", 0, true, Double.POSITIVE_INFINITY, "1",
                    "the penalty, 1/C of scikit-learn: lambda/2 times the squared weights beside the summed log loss"),
            Parameter.real("tolerance", 0, true, 0.1, "1e-8", "L-BFGS stops when the relative gradient is below this"),
            Parameter.whole("iterations", 1, 1_000_000, "1000", "the most iterations of L-BFGS"));

    static LogisticOptions of(Params p) {
        return new LogisticOptions(p.real("lambda"), p.real("tolerance"), p.integer("iterations"));
    }

    @Override
    public boolean oneHot() {
        return true;
    }

    @Override
    public Learner fit(Task task, Encoded x, double[] y, long seed, IntConsumer grown) {
        MathEx.setSeed(seed);
        return Logistic.fit(x.matrix(), Arrays.stream(y).mapToInt(v -> (int) v).toArray(), Task.classes(y), lambda,
                tolerance, iterations);
    }
}
