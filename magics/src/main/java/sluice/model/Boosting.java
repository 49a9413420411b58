package sluice.model;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient-boosted trees fitted by XGBoost's histogram method, set up as scikit-learn's
 * {@code GradientBoostingRegressor}/{@code Classifier} defaults: least squares or log loss, depth-3
 * trees, learning rate 0.1, no L2 penalty on the leaves. One round at a time, so that a long fit
 * shows its progress and stops between rounds when the cell is interrupted. The model is kept as
 * XGBoost's own bytes (Universal Binary JSON), so a saved Sluice model carries no XGBoost objects.
 */
final class Boosting implements Learner {
    private static final long serialVersionUID = 1L;

    private final byte[] model;
    /** The number of classes, or 0 for regression. */
    private final int classes;
    private final int features;
    /**
     * The mean target of a regression, taken off before XGBoost reads the targets in single
     * precision and added back to its predictions, so that targets far from 0 keep their digits.
     */
    private final double offset;
    private transient volatile Booster booster;

    private Boosting(byte[] model, int classes, int features, double offset) {
        this.model = model;
        this.classes = classes;
        this.features = features;
        this.offset = offset;
    }

    /**
     * Fits {@code rounds} rounds on the rows {@code x} with targets {@code y} (class indexes when
     * {@code classes} is above 0); {@code grown} hears of each round done.
     */
    static Boosting fit(double[][] x, double[] y, int classes, int rounds, int maxDepth, double minChildWeight,
                        double learningRate, double sampleRate, long seed, IntConsumer grown) {
        int features = x.length == 0 ? 0 : x[0].length;
        double offset = classes == 0 ? java.util.Arrays.stream(y).average().orElse(0) : 0;
        Map<String, Object> params = new HashMap<>();
        params.put("objective", classes == 0 ? "reg:squarederror" : classes == 2 ? "binary:logistic" : "multi:softprob");
        if (classes > 2) {
            params.put("num_class", classes);
        }
        params.put("tree_method", "hist");
        params.put("max_depth", maxDepth);
        params.put("min_child_weight", minChildWeight);
        // XGBoost's softmax steps by -G/H with the hessian 2p(1-p), half of Newton's step; scikit-learn's
        // multinomial deviance steps (K-1)/K of it. The same learning rate takes the same steps.
        params.put("eta", classes > 2 ? learningRate * 2 * (classes - 1) / classes : learningRate);
        params.put("subsample", sampleRate);
        params.put("lambda", 0.0);
        params.put("seed", seed);
        params.put("nthread", threads(x.length, features));
        params.put("verbosity", 0);
        try {
            DMatrix train = new DMatrix(floats(x), x.length, features, Float.NaN);
            try {
                train.setLabel(floats(y, offset));
                Booster booster = XGBoost.train(train, params, 0, Map.of(), null, null);
                try {
                    for (int round = 0; round < rounds; round++) {
                        if (Thread.currentThread().isInterrupted()) {
                            throw new Interrupted();
                        }
                        booster.update(train, round);
                        grown.accept(round + 1);
                    }
                    return new Boosting(booster.toByteArray("ubj"), classes, features, offset);
                } finally {
                    booster.dispose();
                }
            } finally {
                train.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
        }
    }

    /**
     * One thread below a million values: there XGBoost's threads wait on each other longer than they
     * work (a fit of 0.03 s took 0.1-0.2 s beside the JVM's own threads), and its sums do not depend
     * on the machine's cores.
     */
    private static int threads(int rows, int features) {
        return (long) rows * features < 1_000_000 ? 1 : Runtime.getRuntime().availableProcessors();
    }

    @Override
    public double[] regress(Encoded x) {
        float[][] out = predict(x.matrix());
        double[] y = new double[x.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = offset + out[i][0];
        }
        return y;
    }

    @Override
    public int[] classify(Encoded x, double[][] probabilities) {
        float[][] out = predict(x.matrix());
        int[] y = new int[x.rows()];
        for (int i = 0; i < y.length; i++) {
            if (classes == 2) {
                probabilities[i][1] = out[i][0];
                probabilities[i][0] = 1 - probabilities[i][1];
            } else {
                for (int k = 0; k < classes; k++) {
                    probabilities[i][k] = out[i][k];
                }
            }
            for (int k = 1; k < classes; k++) {
                if (probabilities[i][k] > probabilities[i][y[i]]) {
                    y[i] = k;
                }
            }
        }
        return y;
    }

    /** Each feature's total gain over all splits on it, as scikit-learn's impurity importance sums it. */
    @Override
    public double[] importance() {
        double[] importance = new double[features];
        try {
            for (Map.Entry<String, Double> entry : booster().getScore("", "total_gain").entrySet()) {
                importance[Integer.parseInt(entry.getKey().substring(1))] = entry.getValue();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
        }
        return importance;
    }

    /** A booster of its own for the user, read from the model bytes: XGBoost's API, e.g. {@code getModelDump}. */
    @Override
    public Booster smile() {
        try {
            return XGBoost.loadModel(model);
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
        }
    }

    private float[][] predict(double[][] x) {
        try {
            return booster().inplace_predict(floats(x), x.length, features, Float.NaN);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
        }
    }

    /** The booster read back from the model bytes, once per loaded model; XGBoost predicts from it thread-safely. */
    private Booster booster() throws XGBoostError {
        Booster loaded = booster;
        if (loaded == null) {
            synchronized (this) {
                if (booster == null) {
                    try {
                        booster = XGBoost.loadModel(model);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                loaded = booster;
            }
        }
        return loaded;
    }

    /** Rows as XGBoost reads them: row-major single precision; XGBoost compares its splits in float. */
    private static float[] floats(double[][] x) {
        int p = x.length == 0 ? 0 : x[0].length;
        float[] flat = new float[x.length * p];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < p; j++) {
                flat[i * p + j] = (float) x[i][j];
            }
        }
        return flat;
    }

    private static float[] floats(double[] y, double offset) {
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (float) (y[i] - offset);
        }
        return out;
    }
}
