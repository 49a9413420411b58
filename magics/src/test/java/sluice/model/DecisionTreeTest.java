package sluice.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecisionTreeTest {
    private static final int ROWS = 300;

    /** Three features of distinct values; the target is x0² plus a step in x1, x2 is noise. */
    private static Encoded rows(long seed) {
        Random random = new Random(seed);
        double[][] x = new double[3][ROWS];
        for (double[] column : x) {
            for (int i = 0; i < ROWS; i++) {
                column[i] = random.nextDouble();
            }
        }
        return new Encoded(ROWS, new Object[] {x[0], x[1], x[2]}, new int[] {1, 1, 1}, false);
    }

    private static double[] target(Encoded x) {
        double[] x0 = (double[]) x.sources()[0];
        double[] x1 = (double[]) x.sources()[1];
        return java.util.stream.IntStream.range(0, ROWS).mapToDouble(i -> x0[i] * x0[i] + (x1[i] > 0.3 ? 2 : 0)).toArray();
    }

    @Test
    void grownToPureLeaves_givesEveryTrainingRowItsOwnTarget_andRanksTheFeaturesThatMatter() {
        Encoded x = rows(1);
        double[] y = target(x);
        DecisionTree tree = DecisionTree.fit(x, y, 0, 1_000, Integer.MAX_VALUE, 1, 42);
        assertThat(tree.regress(x)).containsExactly(y);
        assertThat(tree.leaves()).isEqualTo(ROWS);
        double[] importance = tree.importance();
        assertThat(Arrays.stream(importance).sum()).isCloseTo(1, within(1e-12));
        assertThat(importance[1]).isGreaterThan(importance[0]).isGreaterThan(importance[2]);
    }

    @Test
    void limits_bindTheDepthLeavesAndLeafSize() {
        Encoded x = rows(2);
        double[] y = target(x);
        assertThat(DecisionTree.fit(x, y, 0, 3, Integer.MAX_VALUE, 1, 42).depth()).isEqualTo(3);
        assertThat(DecisionTree.fit(x, y, 0, 1_000, 10, 1, 42).leaves()).isEqualTo(10);
        DecisionTree coarse = DecisionTree.fit(x, y, 0, 1_000, Integer.MAX_VALUE, 40, 42);
        double[] predicted = coarse.regress(x);
        // Each leaf's mean covers at least 40 training rows.
        assertThat(Arrays.stream(predicted).distinct().count()).isLessThanOrEqualTo(ROWS / 40);
    }

    @Test
    void classifier_givesTheShareOfEachClassInItsLeaf() {
        Encoded x = rows(3);
        double[] y = Arrays.stream((double[]) x.sources()[0]).map(v -> v < 0.3 ? 0 : v < 0.6 ? 1 : 2).toArray();
        DecisionTree tree = DecisionTree.fit(x, y, 3, 1_000, Integer.MAX_VALUE, 1, 42);
        double[][] probabilities = new double[ROWS][3];
        int[] labels = tree.classify(x, probabilities);
        for (int i = 0; i < ROWS; i++) {
            assertThat(labels[i]).isEqualTo((int) y[i]);
            assertThat(probabilities[i][labels[i]]).isEqualTo(1.0);
        }
        // Two splits of x0 separate the three classes: three leaves.
        assertThat(tree.leaves()).isEqualTo(3);
    }
}
