package sluice.model;

import java.util.function.IntConsumer;
import java.util.stream.LongStream;
import smile.base.cart.SplitRule;
import smile.data.DataFrame;
import smile.data.formula.Formula;

/**
 * Random forests grown a batch of trees at a time and merged, so that a long fit reports how many
 * trees are done and stops between batches when the cell is interrupted. Each tree has its own
 * seed, derived from the training seed, so the forest is the same on every run.
 */
final class Forests {
    private Forests() {
    }

    /** A forest of {@code trees} trees; {@code grown} hears the number of trees grown so far, for progress. */
    static Object fit(Task task, Formula formula, DataFrame data, int trees, int mtry, int maxDepth, int maxNodes,
                      int nodeSize, double sampleRate, long seed, IntConsumer grown) {
        int batch = Math.max(4, Math.min(20, trees / 10));
        Object forest = null;
        for (int done = 0; done < trees; done += batch) {
            if (Thread.currentThread().isInterrupted()) {
                throw new Interrupted();
            }
            int n = Math.min(batch, trees - done);
            LongStream seeds = LongStream.range(done, done + n).map(i -> seed * 1_000_003L + i);
            Object part = task == Task.REGRESSION
                    ? smile.regression.RandomForest.fit(formula, data, n, mtry, maxDepth, maxNodes, nodeSize,
                            sampleRate, seeds)
                    : smile.classification.RandomForest.fit(formula, data, n, mtry, SplitRule.GINI, maxDepth, maxNodes,
                            nodeSize, sampleRate, null, seeds);
            forest = forest == null ? part : merge(forest, part);
            grown.accept(done + n);
        }
        return forest;
    }

    private static Object merge(Object forest, Object part) {
        if (forest instanceof smile.regression.RandomForest regression) {
            return regression.merge((smile.regression.RandomForest) part);
        }
        return ((smile.classification.RandomForest) forest).merge((smile.classification.RandomForest) part);
    }
}
