package sluice.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import smile.base.cart.SplitRule;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.math.MathEx;
import sluice.magic.UsageError;

/**
 * The algorithms {@code %train} offers, with the parameters {@code --set} accepts and their defaults:
 * least squares, ridge, lasso and logistic regression solved here to scikit-learn's definitions
 * ({@link Gram}, {@link Logistic}), and Smile's trees, forests and boosting with scikit-learn's
 * defaults. Every fit is seeded, so the same data and seed give the same model.
 */
public enum Algorithm {
    LINEAR("linear", "ordinary least squares, as scikit-learn's LinearRegression", EnumSet.of(Task.REGRESSION)),
    RIDGE("ridge", "least squares with an L2 penalty on the standardized columns, as scikit-learn's "
            + "make_pipeline(StandardScaler(), Ridge(alpha=lambda))", EnumSet.of(Task.REGRESSION),
            Parameter.real("lambda", 0, false, Double.POSITIVE_INFINITY, "1",
                    "the penalty, scikit-learn's alpha; 0 gives ordinary least squares")),
    LASSO("lasso", "least squares with an L1 penalty on the standardized columns, as scikit-learn's "
            + "make_pipeline(StandardScaler(), Lasso(alpha=lambda))", EnumSet.of(Task.REGRESSION),
            Parameter.real("lambda", 0, false, Double.POSITIVE_INFINITY, "1",
                    "the penalty, scikit-learn's alpha: the mean squared error is halved and the coefficients of "
                            + "the standardized columns summed"),
            Parameter.real("tolerance", 0, true, 0.1, "1e-8",
                    "coordinate descent stops when no coefficient moves more than this share of y's deviation"),
            Parameter.whole("iterations", 1, 10_000_000, "10000", "the most sweeps of coordinate descent")),
    LOGISTIC("logistic", "logistic regression (multinomial for more than two classes) with an L2 penalty on the "
            + "standardized columns, as scikit-learn's make_pipeline(StandardScaler(), LogisticRegression(C=1/lambda))",
            EnumSet.of(Task.CLASSIFICATION),
            Parameter.real("lambda", 0, true, Double.POSITIVE_INFINITY, "1",
                    "the penalty, 1/C of scikit-learn: lambda/2 times the squared weights beside the summed log loss"),
            Parameter.real("tolerance", 0, true, 0.1, "1e-8", "L-BFGS stops when the relative gradient is below this"),
            Parameter.whole("iterations", 1, 1_000_000, "1000", "the most iterations of L-BFGS")),
    TREE("tree", "one decision tree (CART)", EnumSet.allOf(Task.class),
            Parameter.whole("max_depth", 1, 1_000, "20", "the deepest a leaf may be"),
            Parameter.wholeOrAuto("max_nodes", 2, Integer.MAX_VALUE, "0", "the most leaves (0: no limit)"),
            Parameter.whole("node_size", 1, Integer.MAX_VALUE, "1", "the fewest rows in a leaf")),
    RANDOM_FOREST("random-forest", "random forest", EnumSet.allOf(Task.class),
            Parameter.whole("trees", 1, 100_000, "100", "the number of trees"),
            Parameter.wholeOrAuto("mtry", 1, Integer.MAX_VALUE, "0",
                    "features tried per split (0: their square root for classification; for regression all of "
                            + "them, or half on tables over 20,000 training rows)"),
            Parameter.whole("max_depth", 1, 1_000, "20", "the deepest a leaf may be"),
            Parameter.wholeOrAuto("max_nodes", 2, Integer.MAX_VALUE, "0", "the most leaves per tree (0: no limit)"),
            Parameter.wholeOrAuto("node_size", 1, Integer.MAX_VALUE, "0", "the fewest rows in a leaf (0: 1; for "
                    + "regression on tables over 20,000 training rows a 20,000th of them)"),
            Parameter.real("sample_rate", 0, true, 1, "1",
                    "the share of rows each tree is grown on (1: a bootstrap sample, below 1: drawn without replacement)")),
    // scikit-learn's defaults: depth-3 trees, learning rate 0.1, every row each round, leaves of any size.
    GRADIENT_BOOSTING("gradient-boosting", "gradient-boosted trees (XGBoost), least squares for regression, log loss "
            + "for classification", EnumSet.allOf(Task.class),
            Parameter.whole("trees", 1, 100_000, "100", "the number of boosting rounds"),
            Parameter.whole("max_depth", 1, 100, "3", "the deepest a leaf may be, the root at depth 0 (scikit-learn's "
                    + "and XGBoost's max_depth)"),
            Parameter.real("min_child_weight", 0, false, Double.POSITIVE_INFINITY, "0", "the least summed hessian in "
                    + "a leaf (XGBoost's): rows for least squares, p(1-p) per row for log loss"),
            Parameter.real("shrinkage", 0, true, 1, "0.1", "the learning rate (scikit-learn's learning_rate)"),
            Parameter.real("sample_rate", 0, true, 1, "1", "the share of rows each round is fitted on (subsample)"));

    /** Training rows above which a regression forest's defaults trade a little accuracy for speed. */
    static final int LARGE = 20_000;

    private final String label;
    private final String description;
    private final Set<Task> tasks;
    private final Map<String, Parameter> parameters = new java.util.LinkedHashMap<>();

    Algorithm(String label, String description, Set<Task> tasks, Parameter... parameters) {
        this.label = label;
        this.description = description;
        this.tasks = tasks;
        for (Parameter parameter : parameters) {
            this.parameters.put(parameter.name(), parameter);
        }
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Whether text features go in as one-hot columns (linear models) rather than level indexes (trees). */
    public boolean oneHot() {
        return this == LINEAR || this == RIDGE || this == LASSO || this == LOGISTIC;
    }

    public boolean fits(Task task) {
        return tasks.contains(task);
    }

    /** The parameters {@code --set} accepts, in the order {@code --help} lists them. */
    public Map<String, Parameter> parameters() {
        return java.util.Collections.unmodifiableMap(parameters);
    }

    /** The labels of the algorithms that do {@code task}. */
    public static java.util.List<String> labels(Task task) {
        return Arrays.stream(values()).filter(a -> a.fits(task)).map(Algorithm::label).toList();
    }

    public static Algorithm named(String label) {
        return Arrays.stream(values()).filter(a -> a.label.equals(label)).findFirst().orElse(null);
    }

    /**
     * Trains on the encoded training rows: numeric {@code y} for regression, class indexes for
     * classification. The least-squares models read them by feature, the others as rows.
     */
    public Learner fit(Task task, Encoded encoded, double[] y, Map<String, String> settings, long seed) {
        Params p = new Params(parameters, settings);
        int features = encoded.width();
        double[][] x = this == LINEAR || this == RIDGE || this == LASSO ? null : encoded.matrix();
        // Smile's data-frame learners take the rows as a frame; the linear models and XGBoost take them as they are.
        DataFrame data = oneHot() || this == GRADIENT_BOOSTING ? null : Learner.frame(x, task == Task.REGRESSION
                ? DoubleVector.of("y", y) : IntVector.of("y", Arrays.stream(y).mapToInt(v -> (int) v).toArray()));
        Formula formula = Formula.lhs("y");
        // Logistic regression is fitted on standardized columns, as scikit-learn's behind a StandardScaler;
        // the learner keeps the means and deviations for prediction.
        double[][] scale = this == LOGISTIC ? Learner.meanAndSd(x) : null;
        MathEx.setSeed(seed);
        Object model = switch (this) {
            case LINEAR -> Gram.of(encoded, y).ridge(0);
            case RIDGE -> Gram.of(encoded, y).ridge(p.real("lambda"));
            case LASSO -> Gram.of(encoded, y).lasso(p.real("lambda"), p.real("tolerance"), p.integer("iterations"));
            case LOGISTIC -> Logistic.fit(Learner.standardize(x, scale), Arrays.stream(y).mapToInt(v -> (int) v).toArray(),
                    classes(y), p.real("lambda"), p.real("tolerance"),
                    p.integer("iterations"));
            case TREE -> task == Task.REGRESSION
                    ? smile.regression.RegressionTree.fit(formula, data, p.integer("max_depth"), leafLimit(p),
                            p.integer("node_size"))
                    : smile.classification.DecisionTree.fit(formula, data, SplitRule.GINI, p.integer("max_depth"),
                            leafLimit(p), p.integer("node_size"));
            case RANDOM_FOREST -> Forests.fit(task, formula, data, p.integer("trees"), mtry(p, task, features, x.length),
                    p.integer("max_depth"), leafLimit(p), nodeSize(p, task, x.length), p.real("sample_rate"), seed);
            case GRADIENT_BOOSTING -> Boosting.fit(x, y, task == Task.REGRESSION ? 0 : Math.max(2, classes(y)), p.integer("trees"),
                    p.integer("max_depth"), p.real("min_child_weight"), p.real("shrinkage"), p.real("sample_rate"), seed);
        };
        Learner learner = new Learner(model, Learner.frame(new double[1][features], null).schema());
        return scale == null ? learner : learner.standardizedBy(scale);
    }

    /** The number of classes of class indexes {@code y}. */
    private static int classes(double[] y) {
        return (int) Arrays.stream(y).max().orElse(0) + 1;
    }

    /**
     * A tree's or forest's leaf limit: none unless set. Smile grows an unlimited tree depth-first; a limit makes it
     * grow best-first from a queue sized to the limit, which costs more than it saves on deep trees.
     */
    private static int leafLimit(Params p) {
        int nodes = p.integer("max_nodes");
        return nodes > 0 ? nodes : Integer.MAX_VALUE;
    }

    /**
     * Features tried per split: for classification the square root of their number; for regression
     * all of them, as scikit-learn's, or half of them on tables over {@link #LARGE} training rows.
     */
    private static int mtry(Params p, Task task, int features, int rows) {
        int mtry = p.integer("mtry");
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
    private static int nodeSize(Params p, Task task, int rows) {
        int size = p.integer("node_size");
        return size > 0 ? size : task == Task.REGRESSION && rows > LARGE ? rows / 20_000 : 1;
    }

    /** A learner's settings: the defaults with {@code --set} values on top, each read and checked by its parameter. */
    record Params(Map<String, Parameter> parameters, Map<String, String> settings) {
        double real(String key) {
            Parameter parameter = parameters.get(key);
            return parameter.read(settings.getOrDefault(key, parameter.fallback()));
        }

        int integer(String key) {
            return (int) real(key);
        }
    }
}
