package sluice.model;

import java.util.List;
import java.util.function.IntConsumer;
import sluice.magic.UsageError;

/**
 * {@code %train random-forest}: scikit-learn's {@code RandomForestRegressor/Classifier} with its
 * defaults ({@link Forest}): 100 trees, each on a bootstrap sample, all features tried per split for
 * regression and their square root for classification, leaves of one row.
 */
record ForestOptions(int trees, int mtry, int maxDepth, int maxNodes, int nodeSize, double sampleRate) implements Options {
    static final List<Parameter> PARAMETERS = List.of(
            Parameter.whole("trees", 1, 100_000, "100", "the number of trees (scikit-learn's n_estimators)"),
            Parameter.wholeOrAuto("mtry", 1, Integer.MAX_VALUE, "0", "features tried per split (scikit-learn's "
                    + "max_features; 0: all of them for regression, their square root for classification)"),
            Parameter.whole("max_depth", 1, 1_000, "20", "the deepest a leaf may be, the root at depth 0 "
                    + "(scikit-learn's max_depth, whose default grows until the leaves are pure)"),
            Parameter.wholeOrAuto("max_nodes", 2, Integer.MAX_VALUE, "0", "the most leaves per tree, grown best "
                    + "first (scikit-learn's max_leaf_nodes; 0: no limit)"),
            Parameter.wholeOrAuto("node_size", 1, Integer.MAX_VALUE, "0", "the fewest rows in a leaf "
                    + "(scikit-learn's min_samples_leaf; 0: 1)"),
            Parameter.real("sample_rate", 0, true, 1, "1", "the rows each tree is grown on (1: a bootstrap sample, "
                    + "scikit-learn's bootstrap=True; below 1: that share of them, drawn without replacement)"));

    static ForestOptions of(Params p) {
        return new ForestOptions(p.integer("trees"), p.integer("mtry"), p.integer("max_depth"), p.integer("max_nodes"),
                p.integer("node_size"), p.real("sample_rate"));
    }

    @Override
    public boolean oneHot() {
        return false;
    }

    @Override
    public Learner fit(Task task, Encoded encoded, double[] y, long seed, IntConsumer grown) {
        return Forest.fit(encoded, y, task.classesOf(y), trees, mtry(task, encoded.width()), maxDepth,
                TreeOptions.leafLimit(maxNodes), Math.max(1, nodeSize), sampleRate, seed, grown);
    }

    /** Features tried per split: as set, else all of them for regression and their square root for classification. */
    private int mtry(Task task, int features) {
        if (mtry > features) {
            throw new UsageError("--set mtry=" + mtry + " asks for more features per split than the " + features
                    + " encoded features there are.");
        }
        if (mtry > 0) {
            return mtry;
        }
        return task == Task.CLASSIFICATION ? Math.max(1, (int) Math.floor(Math.sqrt(features))) : features;
    }
}
