package sluice.model;

import smile.classification.Classifier;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.data.vector.BaseVector;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
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
        this.schema = frame(new double[1][features], null).schema();
    }

    /** The rows {@code x} as a Smile data frame, plus the target {@code y} (class indexes for classification) named y. */
    static DataFrame frame(double[][] x, double[] y, Task task) {
        return frame(x, task == Task.REGRESSION ? DoubleVector.of("y", y)
                : IntVector.of("y", java.util.Arrays.stream(y).mapToInt(v -> (int) v).toArray()));
    }

    private static DataFrame frame(double[][] x, BaseVector<?, ?, ?> target) {
        String[] names = new String[x.length == 0 ? 0 : x[0].length];
        for (int i = 0; i < names.length; i++) {
            names[i] = "x" + i;
        }
        DataFrame features = DataFrame.of(x, names);
        return target == null ? features : features.merge(target);
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
