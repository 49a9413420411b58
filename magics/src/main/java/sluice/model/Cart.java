package sluice.model;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One fitted decision tree of a {@link Forest}, as flat arrays: node i splits on feature
 * {@code feature[i]} at {@code threshold[i]} (rows at or below it go to {@code left[i]}), or is a
 * leaf when {@code feature[i]} is -1. A leaf holds {@code outputs} values from {@code value[i *
 * outputs]}: the mean target of its training rows, or the share of each class among them.
 */
record Cart(int[] feature, double[] threshold, int[] left, int[] right, double[] value, int outputs)
        implements Serializable {

    /** The index of the first of the leaf's values that {@code row} falls in. */
    int leaf(double[] row) {
        int node = 0;
        while (feature[node] >= 0) {
            node = row[feature[node]] <= threshold[node] ? left[node] : right[node];
        }
        return node * outputs;
    }

    /** The number of leaves. */
    int leaves() {
        int leaves = 0;
        for (int f : feature) {
            leaves += f < 0 ? 1 : 0;
        }
        return leaves;
    }

    /** The depth of the deepest leaf, the root at depth 0. */
    int depth() {
        return depth(0);
    }

    private int depth(int node) {
        return feature[node] < 0 ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
    }

    /** A tree's nodes as arrays that grow as it does. */
    static final class Builder {
        private final int outputs;
        int[] feature = new int[64];
        double[] threshold = new double[64];
        int[] left = new int[64];
        int[] right = new int[64];
        double[] value;
        int size;

        Builder(int outputs) {
            this.outputs = outputs;
            this.value = new double[64 * outputs];
        }

        int add() {
            if (size == feature.length) {
                int capacity = size * 2;
                feature = Arrays.copyOf(feature, capacity);
                threshold = Arrays.copyOf(threshold, capacity);
                left = Arrays.copyOf(left, capacity);
                right = Arrays.copyOf(right, capacity);
                value = Arrays.copyOf(value, capacity * outputs);
            }
            feature[size] = -1;
            return size++;
        }

        void split(int node, int on, double at, int l, int r) {
            feature[node] = on;
            threshold[node] = at;
            left[node] = l;
            right[node] = r;
        }

        Cart cart() {
            return new Cart(Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size), Arrays.copyOf(left, size),
                    Arrays.copyOf(right, size), Arrays.copyOf(value, size * outputs), outputs);
        }
    }
}
