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
 * neighbouring values, until the leaves are pure or hold fewer than {@code 2 * minLeaf} rows. Each
 * feature tried scans the node's rows in its order, which {@link NodeOrders} keeps near the root
 * and sorts in nodes small enough (see {@link #sorts}).
 */
final class CartGrower {
    /**
     * What sorting a drawn feature's rows costs, in partitions of one feature's rows: more than 1, for
     * sorting gathers from the rows it sorts; 3 sorts digits' forests (8 of 64 features drawn) and
     * wine's (3 of 13), each a sixth faster than partitioning, and partitions iris' (2 of 4).
     */
    private static final double SORT_COST = 3;

    private final double[][] columns;
    private final Presorted presorted;
    private final double[] y;
    private final int classes;
    private final int outputs;
    private final int mtry;
    private final int maxDepth;
    private final int minLeaf;
    private final int maxLeaves;
    private final double sortCost;

    private double[] weight;
    private NodeOrders orders;
    /** Counts per value of the features of few values, for a classifier whose weights are whole numbers; else null. */
    private LevelCounts counts;
    /** Whether the best split so far was found by {@link #counts}, not in a sorted order. */
    private boolean bestCounted;
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
     * @param presorted the rows in ascending order of each feature
     * @param y         the targets, or class indexes when {@code classes} is above 0
     * @param maxLeaves the most leaves, grown best first ({@link Integer#MAX_VALUE}: no limit, depth first)
     */
    CartGrower(double[][] columns, Presorted presorted, double[] y, int classes, int mtry, int maxDepth, int minLeaf,
               int maxLeaves) {
        this(columns, presorted, y, classes, mtry, maxDepth, minLeaf, maxLeaves, SORT_COST);
    }

    /** As above, sorting a node's drawn features once {@code mtry * sortCost} is below its non-constant ones. */
    CartGrower(double[][] columns, Presorted presorted, double[] y, int classes, int mtry, int maxDepth, int minLeaf,
               int maxLeaves, double sortCost) {
        this.columns = columns;
        this.presorted = presorted;
        this.y = y;
        this.classes = classes;
        this.outputs = Math.max(1, classes);
        this.mtry = mtry;
        this.maxDepth = maxDepth;
        this.minLeaf = minLeaf;
        this.maxLeaves = maxLeaves;
        this.sortCost = sortCost;
    }

    /**
     * A tree grown on the rows weighted by {@code weight} (how often each was drawn; 0: left out),
     * seeded by {@code seed}; each split's decrease of impurity is added to {@code importance}.
     */
    Cart grow(double[] weight, long seed, double[] importance) {
        Queue<Split> pending = start(weight, seed, importance);
        for (int leaves = 1; !pending.isEmpty() && leaves < maxLeaves; leaves++) {
            split(pending, pending.poll());
        }
        return nodes.cart();
    }

    /**
     * Sets up the tree's rows, orders and nodes, and offers the root its split. Its own method, and
     * {@link #split} too, apart from {@link #grow}'s loop: the JIT's optimizing compilation of all
     * three in one piece took 0.14 to 0.3 s of its only thread, on a forest's first fits.
     */
    private Queue<Split> start(double[] weight, long seed, double[] importance) {
        int p = columns.length;
        this.weight = weight;
        this.importance = importance;
        this.random = new SplittableRandom(seed);
        // One loop, not one per question: each long loop of a method called once per tree is a compilation of its own.
        int[] inBag = new int[weight.length];
        int m = 0;
        boolean whole = true;
        for (int i = 0; i < weight.length; i++) {
            inBag[m] = i;
            m += weight[i] > 0 ? 1 : 0;
            whole &= weight[i] == Math.rint(weight[i]);
        }
        boolean sorting = sorts(presorted.nonConstant());
        counts = sorting && classes > 0 && whole ? new LevelCounts(outputs) : null;
        orders = new NodeOrders(columns, presorted, weight, m, !sorting);
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
        offer(pending, nodes.add(), inBag, 0, m, 0, new boolean[p], sorting);
        return pending;
    }

    /** Makes the node of {@code split} two, and offers each its own split. */
    private void split(Queue<Split> pending, Split split) {
        importance[split.feature] += split.gain;
        boolean childrenSort = split.sorting || sorts(split.nonConstant);
        if (!childrenSort) {
            orders.partition(split.feature, split.lo, split.mid, split.hi, split.constant);
        }
        int[] from = split.sorting ? orders.members : orders.rows[split.feature];
        int left = nodes.add();
        int right = nodes.add();
        nodes.split(split.node, split.feature, split.threshold, left, right);
        offer(pending, left, from, split.lo, split.mid, split.depth + 1, split.constant, childrenSort);
        offer(pending, right, from, split.mid, split.hi, split.depth + 1, split.constant, childrenSort);
    }

    /**
     * Whether a node with {@code nonConstant} features to partition should sort its drawn ones
     * instead, and so its whole subtree: sorting one costs about {@link #SORT_COST} partitions of
     * one, whatever the rows. So a classifier's forest of many features sorts (scikit-learn sorts
     * each drawn feature in every node), a regression's, which tries all, partitions.
     */
    private boolean sorts(int nonConstant) {
        return mtry * sortCost < nonConstant;
    }

    /**
     * Sets the node's value and queues its best split, if it has one. The node's rows are
     * {@code members[lo..hi)}; {@code parentConstant} marks the features constant in the parent, so
     * in this node too: they are neither tried nor partitioned (their order is left as it was). A
     * node that {@code sorting} finds its constant features as it draws them, with the same draws.
     */
    private void offer(Queue<Split> pending, int node, int[] members, int lo, int hi, int depth,
                       boolean[] parentConstant, boolean sorting) {
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
        int nonConstant = 0;
        for (int j = 0; j < constant.length && !sorting; j++) {
            int[] r = orders.rows[j];
            constant[j] = constant[j] || columns[j][r[hi - 1]] <= columns[j][r[lo]] + 1e-7;
            nonConstant += constant[j] ? 0 : 1;
        }
        Split split = best(members, lo, hi, total, constant, sorting);
        if (split != null) {
            split.constant = constant;
            split.nonConstant = nonConstant;
            split.sorting = sorting;
            split.node = node;
            split.depth = depth;
            pending.add(split);
        }
    }

    /**
     * The best split of rows lo..hi over mtry features drawn at random (non-constant ones), or null when
     * there is none; when {@code sorting}, each drawn feature's order of {@code members[lo..hi)} is
     * sorted, and the best one's left in {@link NodeOrders#members}.
     */
    private Split best(int[] members, int lo, int hi, double total, boolean[] constant, boolean sorting) {
        double[] node = countRight.clone();
        if (counts != null) {
            counts.node(node);
        }
        double squares = 0;
        for (double c : node) {
            squares += c * c;
        }
        bestScore = Double.NEGATIVE_INFINITY;
        bestFeature = -1;
        bestCounted = false;
        int tried = 0;
        for (int f = 0; f < features.length && tried < mtry; f++) {
            int pick = f + random.nextInt(features.length - f);
            int j = features[pick];
            features[pick] = features[f];
            features[f] = j;
            if (constant[j]) {
                continue;
            }
            int[] level = counts == null ? null : presorted.level()[j];
            if (level != null && counts.pays(presorted.value()[j].length, hi - lo)) {
                if (!counts.scan(this, j, level, presorted.value()[j], members, lo, hi, weight, y, total, node, squares, minLeaf)) {
                    constant[j] = true;
                    continue;
                }
                tried++;
                bestCounted |= bestFeature == j;
                continue;
            }
            int[] r = sorting ? orders.sort(j, members, lo, hi) : orders.rows[j];
            if (r == null) {
                constant[j] = true;
                continue;
            }
            tried++;
            // Two scans, not one with a branch inside: each keeps its own profile for the JIT.
            if (classes > 0) {
                scanClasses(r, j, lo, hi, total, node, squares);
            } else {
                scanTargets(r, j, lo, hi, total, node[0]);
            }
            if (sorting && bestFeature == j) {
                orders.keep();
                bestCounted = false;
            }
        }
        if (sorting && bestFeature >= 0 && bestCounted) {
            orders.settle(members, lo, hi, columns[bestFeature], bestThreshold);
        } else if (sorting && bestFeature >= 0) {
            orders.settle(lo, hi);
        }
        return bestFeature < 0 ? null
                : new Split(bestFeature, bestThreshold, lo, bestMid, hi, Math.max(0, bestScore - squares / total) * total);
    }

    /** Each split of feature j's rows lo..hi by the squared error it leaves: the higher S_L²/W_L + S_R²/W_R, the less. */
    private void scanTargets(int[] r, int j, int lo, int hi, double total, double sum) {
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
    private void scanClasses(int[] r, int j, int lo, int hi, double total, double[] node, double squares) {
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
    void consider(int j, int mid, double a, double b, double score) {
        if (score > bestScore) {
            bestScore = score;
            bestFeature = j;
            bestMid = mid;
            bestThreshold = (a + b) / 2 == b ? a : (a + b) / 2;
        }
    }
}
