package sluice.model;

import java.util.List;
import java.util.function.IntConsumer;
import smile.base.cart.SplitRule;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.math.MathEx;

/** {@code %train tree}: one decision tree (CART), Smile's, with scikit-learn's defaults. */
record TreeOptions(int maxDepth, int maxNodes, int nodeSize) implements Options {
    static final List<Parameter> PARAMETERS = List.of(
            Parameter.whole("max_depth", 1, 1_000, "20", "the deepest a leaf may be"),
            Parameter.wholeOrAuto("max_nodes", 2, Integer.MAX_VALUE, "0", "the most leaves (0: no limit)"),
            Parameter.whole("node_size", 1, Integer.MAX_VALUE, "1", "the fewest rows in a leaf"));

    static TreeOptions of(Params p) {
        return new TreeOptions(p.integer("max_depth"), p.integer("max_nodes"), p.integer("node_size"));
    }

    /**
     * A tree's or forest's leaf limit: none unless set. Smile grows an unlimited tree depth-first; a limit makes it
     * grow best-first from a queue sized to the limit, which costs more than it saves on deep trees.
     */
    static int leafLimit(int maxNodes) {
        return maxNodes > 0 ? maxNodes : Integer.MAX_VALUE;
    }

    @Override
    public boolean oneHot() {
        return false;
    }

    @Override
    public Learner fit(Task task, Encoded x, double[] y, long seed, IntConsumer grown) {
        DataFrame data = Trees.frame(x.matrix(), y, task);
        Formula formula = Formula.lhs("y");
        MathEx.setSeed(seed);
        Object tree = task == Task.REGRESSION
                ? smile.regression.RegressionTree.fit(formula, data, maxDepth, leafLimit(maxNodes), nodeSize)
                : smile.classification.DecisionTree.fit(formula, data, SplitRule.GINI, maxDepth, leafLimit(maxNodes),
                        nodeSize);
        return new Trees(tree, x.width());
    }
}
