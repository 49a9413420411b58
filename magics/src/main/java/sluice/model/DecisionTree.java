package sluice.model;

import java.util.Arrays;

/**
 * One decision tree as scikit-learn's {@code DecisionTreeRegressor/Classifier}: grown by {@link
 * CartGrower} on all the training rows, every feature tried at each split (in an order drawn from
 * the seed, so that of two equally good splits the one found first wins, as in scikit-learn, whose
 * order differs), predicting its leaf's mean target or class shares. It is what {@code
 * model().smile()} gives for a tree; models saved with Smile's tree still load as {@link Trees}.
 */
public final class DecisionTree implements Learner {
    private static final long serialVersionUID = 1L;

    private final Cart cart;
    /** The number of classes, or 0 for regression. */
    private final int classes;
    private final double[] importance;

    private DecisionTree(Cart cart, int classes, double[] importance) {
        this.cart = cart;
        this.classes = classes;
        this.importance = importance;
    }

    /** A tree of the rows {@code x} with targets {@code y} (class indexes when {@code classes} is above 0). */
    static DecisionTree fit(Encoded x, double[] y, int classes, int maxDepth, int maxLeaves, int minLeaf, long seed) {
        double[][] columns = x.columns();
        double[] weight = new double[x.rows()];
        Arrays.fill(weight, 1);
        double[] importance = new double[columns.length];
        Cart cart = new CartGrower(columns, Presorted.of(columns), y, classes, columns.length, maxDepth, minLeaf,
                maxLeaves).grow(weight, seed, importance);
        // As scikit-learn's feature_importances_: each feature's decrease of impurity as a share of the total.
        double total = Arrays.stream(importance).sum();
        for (int j = 0; j < importance.length && total > 0; j++) {
            importance[j] /= total;
        }
        return new DecisionTree(cart, classes, importance);
    }

    @Override
    public double[] regress(Encoded x) {
        double[][] rows = x.matrix();
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = cart.value()[cart.leaf(rows[i])];
        }
        return y;
    }

    @Override
    public int[] classify(Encoded x, double[][] probabilities) {
        double[][] rows = x.matrix();
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int leaf = cart.leaf(rows[i]);
            for (int c = 0; c < classes; c++) {
                probabilities[i][c] = cart.value()[leaf + c];
                labels[i] = probabilities[i][c] > probabilities[i][labels[i]] ? c : labels[i];
            }
        }
        return labels;
    }

    /** Each feature's share of the decrease of impurity (squared error or Gini), as scikit-learn's feature_importances_. */
    @Override
    public double[] importance() {
        return importance.clone();
    }

    /** The number of leaves. */
    public int leaves() {
        return cart.leaves();
    }

    /** The depth of the deepest leaf, the root at depth 0. */
    public int depth() {
        return cart.depth();
    }
}
