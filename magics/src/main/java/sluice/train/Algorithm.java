package sluice.train;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import smile.base.cart.Loss;
import smile.base.cart.SplitRule;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.math.MathEx;

/**
 * The algorithms {@code %train} offers, each a Smile learner with the parameters {@code --set}
 * accepts and their defaults. Every fit is seeded, so the same data and seed give the same model.
 */
public enum Algorithm {
    LINEAR("linear", "ordinary least squares", EnumSet.of(Task.REGRESSION), Map.of()),
    RIDGE("ridge", "least squares with an L2 penalty", EnumSet.of(Task.REGRESSION), Map.of("lambda", "1")),
    LASSO("lasso", "least squares with an L1 penalty", EnumSet.of(Task.REGRESSION),
            Map.of("lambda", "1", "tolerance", "1e-4", "iterations", "1000")),
    LOGISTIC("logistic", "logistic regression (multinomial for more than two classes)", EnumSet.of(Task.CLASSIFICATION),
            Map.of("lambda", "0.1", "tolerance", "1e-5", "iterations", "500")),
    TREE("tree", "one decision tree (CART)", EnumSet.allOf(Task.class),
            Map.of("max_depth", "20", "max_nodes", "0", "node_size", "5")),
    RANDOM_FOREST("random-forest", "random forest", EnumSet.allOf(Task.class),
            Map.of("trees", "100", "mtry", "0", "max_depth", "20", "max_nodes", "0", "node_size", "0",
                    "sample_rate", "1")),
    // scikit-learn's defaults: Smile counts the root as depth 1, so max_depth 4 with 8 leaves is its max_depth=3.
    GRADIENT_BOOSTING("gradient-boosting", "gradient-boosted trees", EnumSet.allOf(Task.class),
            Map.of("trees", "100", "max_depth", "4", "max_nodes", "8", "node_size", "5", "shrinkage", "0.1",
                    "sample_rate", "1"));

    private final String label;
    private final String description;
    private final Set<Task> tasks;
    private final Map<String, String> defaults;

    Algorithm(String label, String description, Set<Task> tasks, Map<String, String> defaults) {
        this.label = label;
        this.description = description;
        this.tasks = tasks;
        this.defaults = new java.util.TreeMap<>(defaults);
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Whether text features go in as one-hot columns (linear models) rather than level indexes (trees). */
    boolean oneHot() {
        return this == LINEAR || this == RIDGE || this == LASSO || this == LOGISTIC;
    }

    public boolean fits(Task task) {
        return tasks.contains(task);
    }

    /** The parameters {@code --set} accepts, with their defaults (0 means "chosen from the data"). */
    public Map<String, String> defaults() {
        return defaults;
    }

    /** The labels of the algorithms that do {@code task}. */
    public static java.util.List<String> labels(Task task) {
        return Arrays.stream(values()).filter(a -> a.fits(task)).map(Algorithm::label).toList();
    }

    public static Algorithm named(String label) {
        return Arrays.stream(values()).filter(a -> a.label.equals(label)).findFirst().orElse(null);
    }

    /** Trains on encoded rows {@code x}: numeric {@code y} for regression, class indexes for classification. */
    Learner fit(Task task, double[][] x, double[] y, Map<String, String> settings, long seed) {
        Params p = new Params(defaults, settings);
        int features = x.length == 0 ? 0 : x[0].length;
        // Smile's data-frame learners take the rows as a frame; least squares and logistic take them as they are.
        DataFrame data = this == LINEAR || this == LOGISTIC ? null : Learner.frame(x, task == Task.REGRESSION
                ? DoubleVector.of("y", y) : IntVector.of("y", Arrays.stream(y).mapToInt(v -> (int) v).toArray()));
        Formula formula = Formula.lhs("y");
        // Logistic regression is fitted on standardized columns, so that L-BFGS converges whatever the
        // units (grams beside millimetres); the learner keeps the means and deviations for prediction.
        double[][] scale = this == LOGISTIC ? Learner.meanAndSd(x) : null;
        MathEx.setSeed(seed);
        Object model = switch (this) {
            case LINEAR -> LeastSquares.fit(x, y);
            case RIDGE -> smile.regression.RidgeRegression.fit(formula, data, p.real("lambda"));
            case LASSO -> smile.regression.LASSO.fit(formula, data, p.real("lambda"), p.real("tolerance"),
                    p.integer("iterations"));
            case LOGISTIC -> smile.classification.LogisticRegression.fit(Learner.standardize(x, scale),
                    Arrays.stream(y).mapToInt(v -> (int) v).toArray(), p.real("lambda"), p.real("tolerance"),
                    p.integer("iterations"));
            case TREE -> task == Task.REGRESSION
                    ? smile.regression.RegressionTree.fit(formula, data, p.integer("max_depth"), nodes(p, x.length),
                            p.integer("node_size"))
                    : smile.classification.DecisionTree.fit(formula, data, SplitRule.GINI, p.integer("max_depth"),
                            nodes(p, x.length), p.integer("node_size"));
            case RANDOM_FOREST -> Forests.fit(task, formula, data, p.integer("trees"), mtry(p, task, features),
                    p.integer("max_depth"), forestNodes(p), nodeSize(p, task, x.length), p.real("sample_rate"), seed);
            // Least squares, scikit-learn's default loss: with the same trees, least absolute deviation
            // fell 0.02 short of scikit-learn's R² on diamonds and housing; least squares is within 0.002.
            case GRADIENT_BOOSTING -> task == Task.REGRESSION
                    ? smile.regression.GradientTreeBoost.fit(formula, data, Loss.ls(), p.integer("trees"),
                            p.integer("max_depth"), p.integer("max_nodes"), p.integer("node_size"), p.real("shrinkage"),
                            p.real("sample_rate"))
                    : smile.classification.GradientTreeBoost.fit(formula, data, p.integer("trees"),
                            p.integer("max_depth"), p.integer("max_nodes"), p.integer("node_size"), p.real("shrinkage"),
                            p.real("sample_rate"));
        };
        Learner learner = new Learner(model, Learner.frame(new double[1][features], null).schema());
        return scale == null ? learner : learner.standardizedBy(scale);
    }

    private static int nodes(Params p, int rows) {
        int nodes = p.integer("max_nodes");
        return nodes > 0 ? nodes : Math.max(2, rows / 5);
    }

    /**
     * A forest's leaf limit: none unless set. Smile grows an unlimited tree depth-first; a limit makes it
     * grow best-first from a queue sized to the limit, which costs more than it saves on deep trees.
     */
    private static int forestNodes(Params p) {
        int nodes = p.integer("max_nodes");
        return nodes > 0 ? nodes : Integer.MAX_VALUE;
    }

    private static int mtry(Params p, Task task, int features) {
        int mtry = p.integer("mtry");
        if (mtry > 0) {
            return Math.min(mtry, features);
        }
        return Math.max(1, task == Task.REGRESSION ? features / 2 : (int) Math.floor(Math.sqrt(features)));
    }

    /**
     * A forest's leaf size: 1 row for classification (grown until pure); for regression 5 rows, or one
     * 20,000th of the training rows on larger tables. With a bootstrap sample per tree (sample_rate 1)
     * and half the features per split for regression, the square root for classification, the test
     * metric is within 0.02 of scikit-learn's default forest on the parity data sets
     * (bench/results_parity.md). Leaves of 5 rather than 1 cut a regression forest's fit time 2 to 3
     * times for a few thousandths of R². Smile's cost per split grows with the whole training set: on
     * 200,000 rows (bench/train.py), bootstrap samples with leaves of 5 took 2.2 times as long as half
     * samples with leaves of 10, for R² 0.929 against 0.925, hence the larger leaves there.
     */
    private static int nodeSize(Params p, Task task, int rows) {
        int size = p.integer("node_size");
        return size > 0 ? size : task == Task.REGRESSION ? Math.max(5, rows / 20_000) : 1;
    }

    /** A learner's settings: the defaults with {@code --set} values on top, read as numbers on demand. */
    record Params(Map<String, String> defaults, Map<String, String> settings) {
        String text(String key) {
            return settings.getOrDefault(key, defaults.get(key));
        }

        double real(String key) {
            return Double.parseDouble(text(key));
        }

        int integer(String key) {
            return (int) Math.round(real(key));
        }
    }

}
