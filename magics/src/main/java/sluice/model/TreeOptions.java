package sluice.model;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * {@code %train tree}: scikit-learn's {@code DecisionTreeRegressor/Classifier} with its defaults
 * ({@link DecisionTree}): all the rows, all features tried per split, leaves of one row.
 */
record TreeOptions(int maxDepth, int maxNodes, int nodeSize) implements Options {
    static final List<Parameter> PARAMETERS = List.of(
            Parameter.whole("max_depth", 1, 1_000, "20", "the deepest a leaf may be, the root at depth 0 "
                    + "(scikit-learn's max_depth, whose default grows until the leaves are pure)"),
            Parameter.wholeOrAuto("max_nodes", 2, Integer.MAX_VALUE, "0", "the most leaves, grown best first "
                    + "(scikit-learn's max_leaf_nodes; 0: no limit)"),
            Parameter.whole("node_size", 1, Integer.MAX_VALUE, "1", "the fewest rows in a leaf "
                    + "(scikit-learn's min_samples_leaf)"));

    static TreeOptions of(Params p) {
        return new TreeOptions(p.integer("max_depth"), p.integer("max_nodes"), p.integer("node_size"));
    }

    /** A tree's or forest's leaf limit: none unless set (an unlimited tree grows depth first, a limited one best first). */
    static int leafLimit(int maxNodes) {
        return maxNodes > 0 ? maxNodes : Integer.MAX_VALUE;
    }

    @Override
    public boolean oneHot() {
        return false;
    }

    @Override
    public Learner fit(Task task, Encoded x, double[] y, long seed, IntConsumer grown) {
        return DecisionTree.fit(x, y, task.classesOf(y), maxDepth, leafLimit(maxNodes), nodeSize, seed);
    }
}
