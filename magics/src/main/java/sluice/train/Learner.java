package sluice.train;

import java.io.Serializable;
import smile.classification.Classifier;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.regression.LinearModel;
import smile.regression.Regression;

/**
 * A fitted Smile model behind one interface: encoded rows in, predictions out. Smile's models take
 * either plain {@code double[]} rows or tuples of a data frame; this hides which.
 */
final class Learner implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Object model;
    /** The schema of the encoded feature columns, for models that read tuples. */
    private final StructType schema;

    Learner(Object model, StructType schema) {
        this.model = model;
        this.schema = schema;
    }

    Object smile() {
        return model;
    }

    @SuppressWarnings("unchecked")
    double[] regress(double[][] x) {
        double[] y = new double[x.length];
        if (model instanceof LeastSquares leastSquares) {
            for (int i = 0; i < x.length; i++) {
                y[i] = leastSquares.predict(x[i]);
            }
        } else if (model instanceof LinearModel linear) {
            for (int i = 0; i < x.length; i++) {
                y[i] = linear.predict(x[i]);
            }
        } else {
            Regression<Tuple> regression = (Regression<Tuple>) model;
            for (int i = 0; i < x.length; i++) {
                y[i] = regression.predict(Tuple.of(x[i], schema));
            }
        }
        return y;
    }

    /** The class index of each row; {@code probabilities[i]} is filled with row i's class probabilities. */
    @SuppressWarnings("unchecked")
    int[] classify(double[][] x, double[][] probabilities) {
        int[] y = new int[x.length];
        if (model instanceof smile.classification.LogisticRegression logistic) {
            for (int i = 0; i < x.length; i++) {
                y[i] = logistic.predict(x[i], probabilities[i]);
            }
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
