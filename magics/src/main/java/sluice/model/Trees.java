package sluice.model;

import smile.classification.Classifier;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.regression.Regression;

/**
 * Smile's decision trees and random forests of models saved before Sluice grew its own ({@link
 * DecisionTree}, {@link Forest}), kept so that those still load; they read each row as a tuple of a
 * data frame whose columns are named x0, x1, … (the encoded features).
 */
final class Trees implements Learner {
    private static final long serialVersionUID = 1L;

    /** Smile's {@code Regression<Tuple>} or {@code Classifier<Tuple>}. */
    private final Object model;
    /** The schema of the encoded feature columns. */
    private final StructType schema;

    Trees(Object model, int features) {
        this.model = model;
        String[] names = new String[features];
        for (int i = 0; i < names.length; i++) {
            names[i] = "x" + i;
        }
        this.schema = DataFrame.of(new double[1][features], names).schema();
    }

    @Override
    @SuppressWarnings("unchecked")
    public double[] regress(Encoded encoded) {
        double[][] x = encoded.matrix();
        Regression<Tuple> regression = (Regression<Tuple>) model;
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = regression.predict(Tuple.of(x[i], schema));
        }
        return y;
    }

    @Override
    @SuppressWarnings("unchecked")
    public int[] classify(Encoded encoded, double[][] probabilities) {
        double[][] x = encoded.matrix();
        Classifier<Tuple> classifier = (Classifier<Tuple>) model;
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = classifier.predict(Tuple.of(x[i], schema), probabilities[i]);
        }
        return y;
    }

    /** Smile's importance of each encoded column: every tree and forest of Smile has an {@code importance()}. */
    @Override
    public double[] importance() {
        try {
            return (double[]) model.getClass().getMethod("importance").invoke(model);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Object smile() {
        return model;
    }
}
