package sluice.model;

import java.util.function.IntConsumer;

/**
 * One algorithm's settings, a record per algorithm read from the {@code --set} values and checked
 * against its {@link Parameter}s ({@link Algorithm#options}), and how that algorithm fits.
 */
public interface Options {
    /** Whether text features go in as one-hot columns (linear models) rather than level indexes (trees). */
    boolean oneHot();

    /**
     * Fits the encoded training rows {@code x}: numeric {@code y} for regression, class indexes for
     * classification. The fit is seeded by {@code seed}; {@code grown} hears of each tree or round done.
     */
    Learner fit(Task task, Encoded x, double[] y, long seed, IntConsumer grown);
}
