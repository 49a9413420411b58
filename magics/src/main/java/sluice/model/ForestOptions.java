package sluice.model;

import java.util.List;
import java.util.function.IntConsumer;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.math.MathEx;
import sluice.magic.UsageError;

/** {@code %train random-forest}: Smile's random forest, grown in batches ({@link Forests}), with scikit-learn's defaults. */
record ForestOptions(int trees, int mtry, int maxDepth, int maxNodes, int nodeSize, double sampleRate) implements Options {
    /** Training rows above which a regression forest's defaults trade a little accuracy for speed. */
    static final int LARGE = 20_000;

    static final List<Parameter> PARAMETERS = List.of(
            Parameter.whole("trees", 1, 100_000, "100", "the number of trees"),
            Parameter.wholeOrAuto("mtry", 1, Integer.MAX_VALUE, "0",
                    "features tried per split (0: their square root for classification; for regression all of "
                            + "them, or half on tables over 20,000 training rows)"),
            Parameter.whole("max_depth", 1, 1_000, "20", "the deepest a leaf may be"),
            Parameter.wholeOrAuto("max_nodes", 2, Integer.MAX_VALUE, "0", "the most leaves per tree (0: no limit)"),
            Parameter.wholeOrAuto("node_size", 1, Integer.MAX_VALUE, "0", "the fewest rows in a leaf (0: 1; for "
                    + "regression on tables over 20,000 training rows a 20,000th of them)"),
            Parameter.real("sample_rate", 0, true, 1, "1",
                    "the share of rows each tree is grown on (1: a bootstrap sample, below 1: drawn without replacement)"));

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
        double[][] x = encoded.matrix();
        int features = encoded.width();
        DataFrame data = Trees.frame(x, y, task);
        MathEx.setSeed(seed);
        Object forest = Forests.fit(task, Formula.lhs("y"), data, trees, mtry(task, features, x.length), maxDepth,
                TreeOptions.leafLimit(maxNodes), nodeSize(task, x.length), sampleRate, seed, grown);
        return new Trees(forest, features);
    }

    /**
     * Features tried per split: for classification the square root of their number; for regression
     * all of them, as scikit-learn's, or half of them on tables over {@link #LARGE} training rows.
     */
    private int mtry(Task task, int features, int rows) {
        if (mtry > features) {
            throw new UsageError("--set mtry=" + mtry + " asks for more features per split than the " + features
                    + " encoded features there are.");
        }
        if (mtry > 0) {
            return mtry;
        }
        if (task == Task.CLASSIFICATION) {
            return Math.max(1, (int) Math.floor(Math.sqrt(features)));
        }
        return rows > LARGE ? Math.max(1, features / 2) : features;
    }

    /**
     * A forest's leaf size: 1 row, as scikit-learn's; for regression on tables over {@link #LARGE}
     * training rows a 20,000th of them. With a bootstrap sample per tree (sample_rate 1) and every
     * feature per split for regression, the square root for classification, the test metric reaches
     * scikit-learn's default forest's within 0.02 on the parity data sets (bench/results_parity.md):
     * half the features, or leaves of 5, lost 0.05 to 0.25 of R² on 150 levels of 20 rows each.
     * Smile's cost per split grows with the whole training set, so on large tables half the features
     * and larger leaves keep the fit at about half of scikit-learn's (bench/train.py's 200,000 rows:
     * leaves of 10) for a few thousandths of R².
     */
    private int nodeSize(Task task, int rows) {
        return nodeSize > 0 ? nodeSize : task == Task.REGRESSION && rows > LARGE ? rows / 20_000 : 1;
    }
}
