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
    /** Trees summed together before their sums are added, in order (see {@link #sums}). */
    private static final int GROUP = 8;

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
        // A classifier's trees may count the values of features of few values (LevelCounts).
        Presorted sorted = Presorted.of(columns, classes > 0);
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
        boolean allTaken = false;
        try {
            while (!Thread.currentThread().isInterrupted() && work.test(next.getAndIncrement())) {
                grown.accept(finished.incrementAndGet());
            }
            allTaken = !Thread.currentThread().isInterrupted();
        } finally {
            // Interrupted or failing, the caller stops the helpers after their tree; else they finish the trees they took.
            stop.set(!allTaken);
            helpers.forEach(ForkJoinTask::join);
        }
        if (Thread.currentThread().isInterrupted()) {
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
        double[] sums = sums(x.matrix());
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= trees.length;
        }
        return sums;
    }

    @Override
    public int[] classify(Encoded x, double[][] probabilities) {
        double[] sums = sums(x.matrix());
        int[] labels = new int[probabilities.length];
        for (int i = 0; i < labels.length; i++) {
            double[] p = probabilities[i];
            for (int c = 0; c < classes; c++) {
                p[c] = sums[i * classes + c] / trees.length;
                labels[i] = p[c] > p[labels[i]] ? c : labels[i];
            }
        }
        return labels;
    }

    /**
     * Each row's leaf values summed over the trees. The trees are taken a group at a time, each group
     * over all the rows (its trees stay in the cache while the rows stream past: row by row, 200,000
     * rows took 18 s, four times scikit-learn's), the groups shared among the cores above {@link
     * #PARALLEL} rows and added in order, so a row gets the same sum alone or among any number.
     */
    private double[] sums(double[][] rows) {
        int outputs = Math.max(1, classes);
        double[][] groups = new double[(trees.length + GROUP - 1) / GROUP][];
        IntStream each = IntStream.range(0, groups.length);
        (rows.length >= PARALLEL ? each.parallel() : each).forEach(g -> {
            double[] sum = new double[rows.length * outputs];
            for (int t = g * GROUP; t < Math.min(trees.length, (g + 1) * GROUP); t++) {
                double[] value = trees[t].value();
                for (int i = 0; i < rows.length; i++) {
                    int leaf = trees[t].leaf(rows[i]);
                    for (int c = 0; c < outputs; c++) {
                        sum[i * outputs + c] += value[leaf + c];
                    }
                }
            }
            groups[g] = sum;
        });
        double[] total = groups[0];
        for (int g = 1; g < groups.length; g++) {
            for (int i = 0; i < total.length; i++) {
                total[i] += groups[g][i];
            }
        }
        return total;
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
