package sluice.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class ForestTest {
    private static final int ROWS = 400;

    /** Two features: x0 decides the target (a step at 0.5), x1 is noise. */
    private static Encoded rows(long seed) {
        Random random = new Random(seed);
        double[] x0 = new double[ROWS];
        double[] x1 = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            x0[i] = random.nextDouble();
            x1[i] = random.nextDouble();
        }
        return new Encoded(ROWS, new Object[] {x0, x1}, new int[] {1, 1}, false);
    }

    private static double[] step(Encoded x) {
        return Arrays.stream((double[]) x.sources()[0]).map(v -> v > 0.5 ? 1 : 0).toArray();
    }

    private static Forest fit(Encoded x, double[] y, int classes, int maxLeaves) {
        return Forest.fit(x, y, classes, 30, 2, 20, maxLeaves, 1, 1, 7, grown -> { });
    }

    @Test
    void regression_learnsAStep_andRanksTheFeatureThatMakesIt() {
        Encoded x = rows(1);
        Forest forest = fit(x, Arrays.stream(step(x)).map(v -> 10 * v).toArray(), 0, Integer.MAX_VALUE);
        Encoded test = rows(2);
        double[] predicted = forest.regress(test);
        double[] truth = step(test);
        // Only test rows right at the step, between two training rows, may fall on either side.
        long close = java.util.stream.IntStream.range(0, ROWS).filter(i -> Math.abs(predicted[i] - 10 * truth[i]) < 1).count();
        assertThat(close).isGreaterThanOrEqualTo(ROWS - 4);
        assertThat(forest.importance()[0]).isGreaterThan(100 * forest.importance()[1]);
        assertThat(forest.size()).isEqualTo(30);
    }

    @Test
    void classifier_givesEachClassItsShareOfTheLeaves() {
        Encoded x = rows(3);
        Forest forest = fit(x, step(x), 2, Integer.MAX_VALUE);
        Encoded test = rows(4);
        double[][] probabilities = new double[ROWS][2];
        int[] labels = forest.classify(test, probabilities);
        double[] truth = step(test);
        long right = java.util.stream.IntStream.range(0, ROWS).filter(i -> labels[i] == truth[i]).count();
        assertThat(right).isGreaterThanOrEqualTo(ROWS - 8);
        for (double[] p : probabilities) {
            assertThat(p[0] + p[1]).isCloseTo(1, within(1e-12));
            assertThat(p[0]).isBetween(0.0, 1.0);
        }
    }

    @Test
    void sameSeed_sameForest_onOneCoreOrAll() throws Exception {
        Encoded x = rows(5);
        double[] y = Arrays.stream((double[]) x.sources()[1]).map(v -> v * v).toArray();
        double[] shared = fit(x, y, 0, Integer.MAX_VALUE).regress(x);
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            double[] alone = one.submit(() -> fit(x, y, 0, Integer.MAX_VALUE).regress(x)).get();
            assertThat(alone).containsExactly(shared);
        } finally {
            one.shutdown();
        }
    }

    @Test
    void maxLeaves_limitsEveryTree() {
        Encoded x = rows(6);
        Forest forest = fit(x, (double[]) x.sources()[1], 0, 8);
        assertThat(Arrays.stream(forest.leaves()).max().orElseThrow()).isEqualTo(8);
        assertThat(Arrays.stream(forest.depths()).min().orElseThrow()).isGreaterThanOrEqualTo(3);
        assertThat(Arrays.stream(forest.depths()).max().orElseThrow()).isLessThanOrEqualTo(7);
    }

    @Test
    void sortingTheDrawnFeatures_growsTheSameTrees_asPartitioningThemAll() {
        // Twelve features of few values (ties everywhere), three of them constant: in digits' image;
        // a classifier counts their values (LevelCounts) where that pays. And one of many values, sorted.
        Random random = new Random(8);
        int features = 13;
        double[][] columns = new double[features][ROWS];
        double[] classes = new double[ROWS];
        double[] targets = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 3; j < 12; j++) {
                columns[j][i] = random.nextInt(j);
            }
            columns[12][i] = random.nextGaussian();
            classes[i] = (columns[4][i] + columns[7][i] + (columns[12][i] > 0 ? 1 : 0) + random.nextInt(3)) % 3;
            targets[i] = columns[5][i] * 0.1 + random.nextGaussian();
        }
        Presorted presorted = Presorted.of(columns, true);
        for (int t = 0; t < 20; t++) {
            double[] weight = new double[ROWS];
            for (int i = 0; i < ROWS; i++) {
                weight[random.nextInt(ROWS)]++;
            }
            for (int k = 0; k < 2; k++) {
                int outputs = k == 0 ? 3 : 0;
                double[] y = k == 0 ? classes : targets;
                Cart sorted = new CartGrower(columns, presorted, y, outputs, 2, 1000, 1, Integer.MAX_VALUE, 0)
                        .grow(weight, t, new double[features]);
                Cart partitioned = new CartGrower(columns, presorted, y, outputs, 2, 1000, 1, Integer.MAX_VALUE,
                        Double.POSITIVE_INFINITY).grow(weight, t, new double[features]);
                assertThat(sorted.leaves()).isGreaterThan(10);
                assertThat(sorted.feature()).containsExactly(partitioned.feature());
                assertThat(sorted.threshold()).containsExactly(partitioned.threshold());
                assertThat(sorted.value()).containsExactly(partitioned.value());
            }
        }
    }
}
