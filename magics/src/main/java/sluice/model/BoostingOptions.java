package sluice.model;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * {@code %train gradient-boosting}: XGBoost's boosted trees ({@link Boosting}) with scikit-learn's
 * defaults: depth-3 trees, learning rate 0.1, every row each round, leaves of any size.
 */
record BoostingOptions(int trees, int maxDepth, double minChildWeight, double shrinkage, double sampleRate)
        implements Options {
    static final List<Parameter> PARAMETERS = List.of(
            Parameter.whole("trees", 1, 100_000, "100", "the number of boosting rounds"),
            Parameter.whole("max_depth", 1, 100, "3", "the deepest a leaf may be, the root at depth 0 (scikit-learn's "
                    + "and XGBoost's max_depth)"),
            Parameter.real("min_child_weight", 0, false, Double.POSITIVE_INFINITY, "0", "the least summed hessian in "
                    + "a leaf (XGBoost's): rows for least squares, p(1-p) per row for log loss"),
            Parameter.real("shrinkage", 0, true, 1, "0.1", "the learning rate (scikit-learn's learning_rate)"),
            Parameter.real("sample_rate", 0, true, 1, "1", "the share of rows each round is fitted on (subsample)"));

    static BoostingOptions of(Params p) {
        return new BoostingOptions(p.integer("trees"), p.integer("max_depth"), p.real("min_child_weight"),
                p.real("shrinkage"), p.real("sample_rate"));
    }

    @Override
    public boolean oneHot() {
        return false;
    }

    @Override
    public Learner fit(Task task, Encoded x, double[] y, long seed, IntConsumer grown) {
        return Boosting.fit(x.matrix(), y, task.classesOf(y), trees, maxDepth,
                minChildWeight, shrinkage, sampleRate, seed, grown);
    }
}
