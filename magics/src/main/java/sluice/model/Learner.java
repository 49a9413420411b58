package sluice.model;

import java.io.Serializable;
import smile.classification.Classifier;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.regression.Regression;

/**
 * A fitted model, Smile's, XGBoost's or one of Sluice's own (least squares, logistic), behind one interface:
 * encoded rows in, predictions out. Smile's models take either plain {@code double[]} rows or tuples
 * of a data frame; this hides which.
 */
public final class Learner implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Object model;
    /** The schema of the encoded feature columns, for models that read tuples. */
    private final StructType schema;
    /** For a model fitted on standardized columns, each column's mean and standard deviation; else null. */
    private final double[][] standardized;

    Learner(Object model, StructType schema) {
        this(model, schema, null);
    }

    private Learner(Object model, StructType schema, double[][] standardized) {
        this.model = model;
        this.schema = schema;
        this.standardized = standardized;
    }

    /** This learner, told that its model was fitted on rows standardized by {@code meanAndSd}. */
    Learner standardizedBy(double[][] meanAndSd) {
        return new Learner(model, schema, meanAndSd);
    }

    /** Each column's mean and standard deviation (1 for a constant column), for {@link #standardize}. */
    static double[][] meanAndSd(double[][] x) {
        int p = x.length == 0 ? 0 : x[0].length;
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
            }
        }
        for (int j = 0; j < p; j++) {
            sd[j] = sd[j] > 0 ? Math.sqrt(sd[j]) : 1;
        }
        return new double[][] {mean, sd};
    }

    /** {@code x} with each column centred and scaled by {@code meanAndSd}; {@code x} is not changed. */
    static double[][] standardize(double[][] x, double[][] meanAndSd) {
        double[][] scaled = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            scaled[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                scaled[i][j] = (x[i][j] - meanAndSd[0][j]) / meanAndSd[1][j];
            }
        }
        return scaled;
    }

    /** The fitted model as Sluice holds it. */
    Object model() {
        return model;
    }

    /** The fitted model for the user: Smile's, Sluice's own, or for boosting an XGBoost {@code Booster}. */
    Object smile() {
        return model instanceof Boosting boosting ? boosting.xgboost() : model;
    }

    @SuppressWarnings("unchecked")
    double[] regress(double[][] x) {
        double[] y = new double[x.length];
        if (model instanceof LeastSquares leastSquares) {
            for (int i = 0; i < x.length; i++) {
                y[i] = leastSquares.predict(x[i]);
            }
        } else if (model instanceof Boosting boosting) {
            return boosting.regress(x);
        } else if (model instanceof smile.regression.RandomForest forest && x.length >= 1_000) {
            return forest(forest, x);
        } else {
            Regression<Tuple> regression = (Regression<Tuple>) model;
            for (int i = 0; i < x.length; i++) {
                y[i] = regression.predict(Tuple.of(x[i], schema));
            }
        }
        return y;
    }

    /**
     * A regression forest's predictions, the mean of its trees' as Smile's own predict gives, but
     * tree by tree over all rows, the trees shared among the cores: each tree stays in the cache
     * while the rows stream past it, several times faster than row by row on 200,000 rows.
     */
    private double[] forest(smile.regression.RandomForest forest, double[][] x) {
        Tuple[] rows = new Tuple[x.length];
        for (int i = 0; i < x.length; i++) {
            rows[i] = Tuple.of(x[i], schema);
        }
        smile.regression.RegressionTree[] trees = forest.trees();
        double[] sum = java.util.stream.IntStream.range(0, trees.length).parallel().mapToObj(t -> {
            smile.base.cart.Node root = trees[t].root();
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = ((smile.base.cart.RegressionNode) root.predict(rows[i])).output();
            }
            return out;
        }).reduce(new double[rows.length], LeastSquares::add);
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= trees.length;
        }
        return sum;
    }

    /** The class index of each row; {@code probabilities[i]} is filled with row i's class probabilities. */
    @SuppressWarnings("unchecked")
    int[] classify(double[][] rows, double[][] probabilities) {
        double[][] x = standardized == null ? rows : standardize(rows, standardized);
        int[] y = new int[x.length];
        if (model instanceof Logistic logistic) {
            for (int i = 0; i < x.length; i++) {
                y[i] = logistic.predict(x[i], probabilities[i]);
            }
        } else if (model instanceof Boosting boosting) {
            return boosting.classify(x, probabilities);
        } else {
            Classifier<Tuple> classifier = (Classifier<Tuple>) model;
            for (int i = 0; i < x.length; i++) {
                y[i] = classifier.predict(Tuple.of(x[i], schema), probabilities[i]);
            }
        }
        return y;
    }

    /** Importance per encoded column for tree models, else null. */
    double[] importance() {
        if (model instanceof Boosting boosting) {
            return boosting.importance();
        }
        try {
            return (double[]) model.getClass().getMethod("importance").invoke(model);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The columns of {@code x} as a Smile data frame, named x0, x1, …, plus the target as the last column. */
    static DataFrame frame(double[][] x, smile.data.vector.BaseVector<?, ?, ?> target) {
        String[] names = new String[x.length == 0 ? 0 : x[0].length];
        for (int i = 0; i < names.length; i++) {
            names[i] = "x" + i;
        }
        DataFrame features = DataFrame.of(x, names);
        return target == null ? features : features.merge(target);
    }
}
