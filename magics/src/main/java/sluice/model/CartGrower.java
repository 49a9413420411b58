package sluice.model;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.SplittableRandom;

/**
 * Grows one tree of a random forest as scikit-learn's {@code DecisionTreeRegressor/Classifier}
 * does inside its forests: at each node {@code mtry} features drawn at random (constant ones not
 * counted), the split of least squared error or Gini impurity, its threshold halfway between two
 * neighbouring values, until the leaves are pure or hold fewer than {@code 2 * minLeaf} rows. The
 * rows of a node are kept sorted by every feature (presorted once per forest, then partitioned at
 * each split), so a node costs one pass per feature over its own rows and no sorting.
 */
final class CartGrower {
    private final double[][] columns;
    private final int[][] sorted;
    private final double[] y;
    private final int classes;
    private final int outputs;
    private final int mtry;
    private final int maxDepth;
    private final int minLeaf;
    private final int maxLeaves;

    private double[] weight;
    private int[][] rows;
    private byte[] goesLeft;
    private int[] buffer;
    private int[] features;
    private double[] countLeft;
    private double[] countRight;
    private SplittableRandom random;
    private double[] importance;
    private Cart.Builder nodes;
    private double bestScore;
    private int bestFeature;
    private int bestMid;
    private double bestThreshold;

    /**
     * @param columns   the training rows by column: {@code columns[j][i]} is row i's feature j
     * @param sorted    for each feature, the row indexes in ascending order of its values
     * @param y         the targets, or class indexes when {@code classes} is above 0
     * @param maxLeaves the most leaves, grown best first ({@link Integer#MAX_VALUE}: no limit, depth first)
     */
    CartGrower(double[][] columns, int[][] sorted, double[] y, int classes, int mtry, int maxDepth, int minLeaf,
               int maxLeaves) {
        this.columns = columns;
        this.sorted = sorted;
        this.y = y;
        this.classes = classes;
        this.outputs = Math.max(1, classes);
        this.mtry = mtry;
        this.maxDepth = maxDepth;
        this.minLeaf = minLeaf;
        this.maxLeaves = maxLeaves;
    }

    /** The row indexes of each column in ascending order of its values, the columns shared among the cores. */
    static int[][] sort(double[][] columns) {
        return java.util.stream.IntStream.range(0, columns.length).parallel()
                .mapToObj(j -> smile.sort.QuickSort.sort(columns[j].clone())).toArray(int[][]::new);
    }

    /**
     * A tree grown on the rows weighted by {@code weight} (how often each was drawn; 0: left out),
     * seeded by {@code seed}; each split's decrease of impurity is added to {@code importance}.
     */
    Cart grow(double[] weight, long seed, double[] importance) {
        int p = columns.length;
        int m = 0;
        for (double w : weight) {
            m += w > 0 ? 1 : 0;
        }
        this.weight = weight;
        this.importance = importance;
        this.random = new SplittableRandom(seed);
        int[] drawn = new int[weight.length];
        int[] inBag = new int[m];
        for (int i = 0, k = 0; i < weight.length; i++) {
            drawn[i] = weight[i] > 0 ? 1 : 0;
            if (weight[i] > 0) {
                inBag[k++] = i;
            }
        }
        // Each feature's order kept to the drawn rows, without a branch: every row is written, and only
        // a drawn one moves the end on (hence one spare slot).
        this.rows = new int[p][m + 1];
        for (int j = 0; j < p; j++) {
            int[] order = rows[j];
            int k = 0;
            for (int i : sorted[j]) {
                order[k] = i;
                k += drawn[i];
            }
        }
        goesLeft = new byte[weight.length];
        buffer = new int[m];
        features = new int[p];
        for (int j = 0; j < p; j++) {
            features[j] = j;
        }
        countLeft = new double[outputs];
        countRight = new double[outputs];
        nodes = new Cart.Builder(outputs);
        Queue<Split> pending = maxLeaves == Integer.MAX_VALUE
                ? java.util.Collections.asLifoQueue(new ArrayDeque<>())
                : new PriorityQueue<>(Comparator.comparingDouble((Split s) -> -s.gain));
        offer(pending, nodes.add(), inBag, 0, m, 0, new boolean[p]);
        for (int leaves = 1; !pending.isEmpty() && leaves < maxLeaves; leaves++) {
            Split split = pending.poll();
            importance[split.feature] += split.gain;
            int mid = partition(split);
            int left = nodes.add();
            int right = nodes.add();
            nodes.split(split.node, split.feature, split.threshold, left, right);
            offer(pending, left, rows[split.feature], split.lo, mid, split.depth + 1, split.constant);
            offer(pending, right, rows[split.feature], mid, split.hi, split.depth + 1, split.constant);
        }
        return nodes.cart();
    }

    /**
     * Sets the node's value and queues its best split, if it has one. The node's rows are
     * {@code members[lo..hi)}; {@code parentConstant} marks the features constant in the parent, so
     * in this node too: they are neither tried nor partitioned (their order is left as it was).
     */
    private void offer(Queue<Split> pending, int node, int[] members, int lo, int hi, int depth,
                       boolean[] parentConstant) {
        double total = 0;
        Arrays.fill(countRight, 0);
        double first = y[members[lo]];
        boolean pure = true;
        for (int k = lo; k < hi; k++) {
            int i = members[k];
            total += weight[i];
            countRight[classes > 0 ? (int) y[i] : 0] += weight[i] * (classes > 0 ? 1 : y[i]);
            pure &= y[i] == first;
        }
        for (int c = 0; c < outputs; c++) {
            nodes.value[node * outputs + c] = countRight[c] / total;
        }
        if (pure || depth >= maxDepth || hi - lo < 2 * minLeaf) {
            return;
        }
        boolean[] constant = parentConstant.clone();
        for (int j = 0; j < constant.length; j++) {
            constant[j] = constant[j] || columns[j][rows[j][hi - 1]] <= columns[j][rows[j][lo]] + 1e-7;
        }
        Split split = best(lo, hi, total, constant);
        if (split != null) {
            split.constant = constant;
            split.node = node;
            split.depth = depth;
            pending.add(split);
        }
    }

    /** The best split of rows lo..hi over mtry features drawn at random (non-constant ones), or null when there is none. */
    private Split best(int lo, int hi, double total, boolean[] constant) {
        double[] node = countRight.clone();
        double squares = 0;
        for (double c : node) {
            squares += c * c;
        }
        bestScore = Double.NEGATIVE_INFINITY;
        bestFeature = -1;
        int tried = 0;
        for (int f = 0; f < features.length && tried < mtry; f++) {
            int pick = f + random.nextInt(features.length - f);
            int j = features[pick];
            features[pick] = features[f];
            features[f] = j;
            if (constant[j]) {
                continue;
            }
            tried++;
            // Two scans, not one with a branch inside: each keeps its own profile for the JIT.
            if (classes > 0) {
                scanClasses(j, lo, hi, total, node, squares);
            } else {
                scanTargets(j, lo, hi, total, node[0]);
            }
        }
        return bestFeature < 0 ? null
                : new Split(bestFeature, bestThreshold, lo, bestMid, hi, Math.max(0, bestScore - squares / total) * total);
    }

    /** Each split of feature j's rows lo..hi by the squared error it leaves: the higher S_L²/W_L + S_R²/W_R, the less. */
    private void scanTargets(int j, int lo, int hi, double total, double sum) {
        int[] r = rows[j];
        double[] x = columns[j];
        double weightLeft = 0;
        double sumLeft = 0;
        for (int k = lo; k < hi - 1; k++) {
            int i = r[k];
            weightLeft += weight[i];
            sumLeft += weight[i] * y[i];
            double a = x[i];
            double b = x[r[k + 1]];
            if (b <= a + 1e-7 || k + 1 - lo < minLeaf || hi - k - 1 < minLeaf) {
                continue;
            }
            double sumRight = sum - sumLeft;
            consider(j, k + 1, a, b, sumLeft * sumLeft / weightLeft + sumRight * sumRight / (total - weightLeft));
        }
    }

    /** Each split of feature j's rows lo..hi by the Gini impurity it leaves: the higher Σ n_L,c²/W_L + Σ n_R,c²/W_R, the less. */
    private void scanClasses(int j, int lo, int hi, double total, double[] node, double squares) {
        int[] r = rows[j];
        double[] x = columns[j];
        System.arraycopy(node, 0, countRight, 0, outputs);
        Arrays.fill(countLeft, 0);
        double squaresLeft = 0;
        double squaresRight = squares;
        double weightLeft = 0;
        for (int k = lo; k < hi - 1; k++) {
            int i = r[k];
            double w = weight[i];
            int c = (int) y[i];
            weightLeft += w;
            squaresLeft += w * (2 * countLeft[c] + w);
            squaresRight += w * (w - 2 * countRight[c]);
            countLeft[c] += w;
            countRight[c] -= w;
            double a = x[i];
            double b = x[r[k + 1]];
            if (b <= a + 1e-7 || k + 1 - lo < minLeaf || hi - k - 1 < minLeaf) {
                continue;
            }
            consider(j, k + 1, a, b, squaresLeft / weightLeft + squaresRight / (total - weightLeft));
        }
    }

    /** Keeps the split between values a and b (rows lo..mid left) if it scores best so far; its threshold halfway. */
    private void consider(int j, int mid, double a, double b, double score) {
        if (score > bestScore) {
            bestScore = score;
            bestFeature = j;
            bestMid = mid;
            bestThreshold = (a + b) / 2 == b ? a : (a + b) / 2;
        }
    }

    /** Splits rows lo..hi of every feature's order into the left rows, then the right, keeping their order. */
    private int partition(Split split) {
        int[] by = rows[split.feature];
        for (int k = split.lo; k < split.hi; k++) {
            goesLeft[by[k]] = (byte) (k < split.mid ? 1 : 0);
        }
        for (int j = 0; j < rows.length; j++) {
            if (j == split.feature || split.constant[j]) {
                continue;
            }
            int[] r = rows[j];
            int l = split.lo;
            int b = 0;
            // Without branches, which the CPU would guess wrong half the time: each row is written to
            // both places and only the index of its side moves on.
            for (int k = split.lo; k < split.hi; k++) {
                int i = r[k];
                int left = goesLeft[i];
                r[l] = i;
                buffer[b] = i;
                l += left;
                b += 1 - left;
            }
            System.arraycopy(buffer, 0, r, l, b);
        }
        return split.mid;
    }

    /** A node's chosen split: rows lo..mid go left, mid..hi right, in the feature's order. */
    private static final class Split {
        final int feature;
        final double threshold;
        final int lo;
        final int mid;
        final int hi;
        final double gain;
        boolean[] constant;
        int node;
        int depth;

        Split(int feature, double threshold, int lo, int mid, int hi, double gain) {
            this.feature = feature;
            this.threshold = threshold;
            this.lo = lo;
            this.mid = mid;
            this.hi = hi;
            this.gain = gain;
        }
    }
}
