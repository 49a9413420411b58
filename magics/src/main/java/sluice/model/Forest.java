package sluice.model;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * A random forest as scikit-learn's {@code RandomForestRegressor/Classifier}: trees grown by
 * {@link CartGrower} on bootstrap samples, predicting the mean of their leaves (for a classifier,
 * the mean of each class's share in them). The cores share the trees, so that a long fit reports
 * how many trees are done and stops after the trees under way when the cell is interrupted. Each
 * tree has its own seed, derived from the training seed, so the forest is the same on every run
 * whatever the number of cores. It is what {@code model().smile()} gives
 * for a forest.
 */
public final class Forest implements Learner {
    private static final long serialVersionUID = 1L;
    /** Rows from which predictions are shared among the cores. */
    private static final int PARALLEL = 1_000;

    private final Cart[] trees;
    /** The number of classes, or 0 for regression. */
    private final int classes;
    private final double[] importance;

    private Forest(Cart[] trees, int classes, double[] importance) {
        this.trees = trees;
        this.classes = classes;
        this.importance = importance;
    }

    /**
     * Grows {@code count} trees on the rows {@code x} with targets {@code y} (class indexes when
     * {@code classes} is above 0), each on a bootstrap sample ({@code sampleRate} 1) or on that share
     * of the rows drawn without replacement; {@code grown} hears the number of trees grown so far.
     * The calling thread and one helper per other core take the next tree until none is left; only
     * the caller reports progress and hears an interrupt, which stops every worker after its tree.
     */
    static Forest fit(Encoded x, double[] y, int classes, int count, int mtry, int maxDepth, int maxLeaves,
                      int minLeaf, double sampleRate, long seed, IntConsumer grown) {
        double[][] columns = x.columns();
        int[][] sorted = CartGrower.sort(columns);
        Cart[] trees = new Cart[count];
        double[][] importances = new double[count][columns.length];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        IntPredicate work = t -> {
            if (t >= count || stop.get()) {
                return false;
            }
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + t);
            CartGrower grower = new CartGrower(columns, sorted, y, classes, mtry, maxDepth, minLeaf, maxLeaves);
            trees[t] = grower.grow(sample(x.rows(), sampleRate, random), random.nextLong(), importances[t]);
            return true;
        };
        List<ForkJoinTask<?>> helpers = IntStream.range(0, Math.min(count - 1, ForkJoinPool.getCommonPoolParallelism()))
                .mapToObj(i -> ForkJoinPool.commonPool().submit(() -> {
                    while (work.test(next.getAndIncrement())) {
                        finished.incrementAndGet();
                    }
                })).collect(java.util.stream.Collectors.toList());
        try {
            while (!Thread.currentThread().isInterrupted() && work.test(next.getAndIncrement())) {
                grown.accept(finished.incrementAndGet());
            }
        } finally {
            stop.set(Thread.currentThread().isInterrupted());
            helpers.forEach(ForkJoinTask::join);
        }
        if (stop.get()) {
            throw new Interrupted();
        }
        grown.accept(count);
        // As scikit-learn's feature_importances_: each tree's decreases as shares of its own total, averaged.
        double[] importance = new double[columns.length];
        for (double[] tree : importances) {
            double total = java.util.Arrays.stream(tree).sum();
            for (int j = 0; j < importance.length && total > 0; j++) {
                importance[j] += tree[j] / total / count;
            }
        }
        return new Forest(trees, classes, importance);
    }

    /** How often each of the n rows is drawn: n times with replacement (rate 1), or n * rate rows without. */
    private static double[] sample(int n, double rate, SplittableRandom random) {
        double[] weight = new double[n];
        if (rate == 1) {
            for (int i = 0; i < n; i++) {
                weight[random.nextInt(n)]++;
            }
            return weight;
        }
        int[] permutation = IntStream.range(0, n).toArray();
        for (int i = 0, draws = (int) Math.round(n * rate); i < draws; i++) {
            int pick = i + random.nextInt(n - i);
            weight[permutation[pick]] = 1;
            permutation[pick] = permutation[i];
        }
        return weight;
    }

    @Override
    public double[] regress(Encoded x) {
        double[][] rows = x.matrix();
        double[] y = new double[rows.length];
        rowsOf(rows.length).forEach(i -> {
            double sum = 0;
            for (Cart tree : trees) {
                sum += tree.value()[tree.leaf(rows[i])];
            }
            y[i] = sum / trees.length;
        });
        return y;
    }

    @Override
    public int[] classify(Encoded x, double[][] probabilities) {
        double[][] rows = x.matrix();
        int[] labels = new int[rows.length];
        rowsOf(rows.length).forEach(i -> {
            double[] p = probabilities[i];
            java.util.Arrays.fill(p, 0);
            for (Cart tree : trees) {
                int leaf = tree.leaf(rows[i]);
                for (int c = 0; c < classes; c++) {
                    p[c] += tree.value()[leaf + c];
                }
            }
            for (int c = 0; c < classes; c++) {
                p[c] /= trees.length;
                labels[i] = p[c] > p[labels[i]] ? c : labels[i];
            }
        });
        return labels;
    }

    private static IntStream rowsOf(int n) {
        IntStream rows = IntStream.range(0, n);
        return n >= PARALLEL ? rows.parallel() : rows;
    }

    /** Each feature's share of the decrease of impurity (squared error or Gini), as scikit-learn's feature_importances_. */
    @Override
    public double[] importance() {
        return importance.clone();
    }

    /** The number of trees. */
    public int size() {
        return trees.length;
    }

    /** Each tree's number of leaves. */
    public int[] leaves() {
        return java.util.Arrays.stream(trees).mapToInt(Cart::leaves).toArray();
    }

    /** Each tree's depth: that of its deepest leaf, the root at depth 0. */
    public int[] depths() {
        return java.util.Arrays.stream(trees).mapToInt(Cart::depth).toArray();
    }
}
