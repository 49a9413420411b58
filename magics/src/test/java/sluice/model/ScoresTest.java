package sluice.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every metric against scikit-learn 1.2.1 on fixed small vectors. The expected figures are printed by
 * {@code src/test/resources/train/sklearn_scores.py} (run with {@code /usr/bin/python3}); each test names
 * its case there. NaN stands where scikit-learn returns nan or refuses with a ValueError.
 */
class ScoresTest {
    private static final double NAN = Double.NaN;

    private static Map<String, Double> classification(int[] actual, int[] predicted, double[][] probabilities) {
        int classes = probabilities[0].length;
        Map<String, Double> scores = new LinkedHashMap<>(Scores.classification(actual, predicted, classes));
        scores.putAll(Scores.ofProbabilities(actual, probabilities, classes));
        return scores;
    }

    /** The metric names in their order, each within 1e-12 relative of scikit-learn's figure (NaN where it gives nan). */
    private static void assertSklearn(Map<String, Double> scores, Object... namesAndFigures) {
        Map<String, Double> expected = new LinkedHashMap<>();
        for (int i = 0; i < namesAndFigures.length; i += 2) {
            expected.put((String) namesAndFigures[i], (Double) namesAndFigures[i + 1]);
        }
        assertThat(scores.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, figure) -> {
            if (figure.isNaN()) {
                assertThat(scores.get(name)).as(name).isNaN();
            } else {
                assertThat(scores.get(name)).as(name).isCloseTo(figure, within(figure == 0 ? 1e-15 : 1e-12 * Math.abs(figure)));
            }
        });
    }

    @Test
    void threeClasses_withMistakesAndTiedProbabilities() {
        // THREE_CLASSES
        assertSklearn(classification(new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2, 2}, new int[] {0, 1, 0, 1, 1, 2, 2, 2, 0, 2},
                        new double[][] {{.7, .2, .1}, {.3, .6, .1}, {.5, .25, .25}, {.2, .7, .1}, {.1, .8, .1},
                                {.1, .3, .6}, {.2, .2, .6}, {.1, .1, .8}, {.4, .3, .3}, {.25, .25, .5}}),
                "accuracy", 0.7, "balanced_accuracy", 0.6944444444444443, "precision_macro", 0.6944444444444443,
                "recall_macro", 0.6944444444444443, "f1_macro", 0.6944444444444443, "cohen_kappa", 0.5454545454545454,
                "mcc", 0.5454545454545454, "log_loss", 0.6668675388369574, "roc_auc_ovr", 0.9255952380952381);
    }

    @Test
    void aClassNeverPredicted_countsAsZeroPrecision() {
        // NEVER_PREDICTED
        assertSklearn(classification(new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 0, 1, 1, 1, 1},
                        new double[][] {{.8, .1, .1}, {.6, .3, .1}, {.1, .8, .1}, {.2, .5, .3}, {.1, .5, .4}, {.3, .4, .3}}),
                "accuracy", 0.6666666666666666, "balanced_accuracy", 0.6666666666666666, "precision_macro", 0.5,
                "recall_macro", 0.6666666666666666, "f1_macro", 0.5555555555555555, "cohen_kappa", 0.5,
                "mcc", 0.6123724356957946, "log_loss", 0.6284205738590743, "roc_auc_ovr", 0.9583333333333334);
    }

    @Test
    void perfectPredictions_withProbabilitiesOfExactlyZeroAndOne_clipToATinyLogLoss() {
        // PERFECT
        double[][] sure = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        Map<String, Double> scores = classification(new int[] {0, 1, 2, 0, 1, 2}, new int[] {0, 1, 2, 0, 1, 2}, sure);
        assertSklearn(scores, "accuracy", 1.0, "balanced_accuracy", 1.0, "precision_macro", 1.0, "recall_macro", 1.0,
                "f1_macro", 1.0, "cohen_kappa", 1.0, "mcc", 1.0, "log_loss", 4.440892098500627e-16, "roc_auc_ovr", 1.0);
        assertThat(scores.get("log_loss")).as("clipped, not log(1) = 0").isPositive();
    }

    @Test
    void probabilityZeroForTheTrueClass_isClippedInsteadOfInfinite() {
        // SURE_AND_WRONG
        assertSklearn(classification(new int[] {0, 1, 1, 0}, new int[] {1, 0, 1, 0},
                        new double[][] {{0, 1}, {1, 0}, {0, 1}, {1, 0}}),
                "accuracy", 0.5, "balanced_accuracy", 0.5, "precision_macro", 0.5, "recall_macro", 0.5, "f1_macro", 0.5,
                "cohen_kappa", 0.0, "mcc", 0.0, "log_loss", 18.021826694558577, "roc_auc", 0.5);
    }

    @Test
    void twoClasses_scoreTheSecondClassAsPositive() {
        // BINARY
        assertSklearn(classification(new int[] {0, 0, 1, 1, 0, 1, 0, 1}, new int[] {0, 1, 0, 1, 0, 1, 0, 1},
                        new double[][] {{.9, .1}, {.4, .6}, {.6, .4}, {.2, .8}, {.6, .4}, {.1, .9}, {.7, .3}, {.35, .65}}),
                "accuracy", 0.75, "balanced_accuracy", 0.75, "precision_macro", 0.75, "recall_macro", 0.75,
                "f1_macro", 0.75, "cohen_kappa", 0.5, "mcc", 0.5, "log_loss", 0.4455911912719187, "roc_auc", 0.90625);
    }

    @Test
    void logLoss_dividesEachRowByItsSum() {
        // UNNORMALIZED
        assertSklearn(classification(new int[] {0, 1, 1}, new int[] {0, 1, 0}, new double[][] {{.4, .4}, {.1, .3}, {.2, .2}}),
                "accuracy", 0.6666666666666666, "balanced_accuracy", 0.75, "precision_macro", 0.75, "recall_macro", 0.75,
                "f1_macro", 0.6666666666666666, "cohen_kappa", 0.3999999999999999, "mcc", 0.5,
                "log_loss", 0.5579921445238906, "roc_auc", 0.0);
    }

    @Test
    void oneClassOnBothSides_averagesOverThatClass_andKappaAndAucAreUndefined() {
        // ONE_CLASS
        assertSklearn(classification(new int[] {0, 0, 0}, new int[] {0, 0, 0},
                        new double[][] {{.6, .3, .1}, {.5, .2, .3}, {.9, .05, .05}}),
                "accuracy", 1.0, "balanced_accuracy", 1.0, "precision_macro", 1.0, "recall_macro", 1.0, "f1_macro", 1.0,
                "cohen_kappa", NAN, "mcc", 0.0, "log_loss", 0.43644443999458743, "roc_auc_ovr", NAN);
    }

    @Test
    void oneClassPredicted_givesZeroKappaAndMcc() {
        // ONE_PREDICTED
        assertSklearn(classification(new int[] {0, 0, 1, 1}, new int[] {0, 0, 0, 0},
                        new double[][] {{.9, .1}, {.8, .2}, {.7, .3}, {.6, .4}}),
                "accuracy", 0.5, "balanced_accuracy", 0.5, "precision_macro", 0.25, "recall_macro", 0.5,
                "f1_macro", 0.3333333333333333, "cohen_kappa", 0.0, "mcc", 0.0, "log_loss", 0.6121919007930318, "roc_auc", 1.0);
    }

    @Test
    void rowsOfAClassTheModelNeverSaw_leaveTheProbabilityScoresUndefined() {
        // scikit-learn refuses: "y_true contains values not belonging to the passed labels".
        Map<String, Double> scores = Scores.ofProbabilities(new int[] {0, 1, 2}, new double[][] {{.8, .2}, {.3, .7}, {.5, .5}}, 2);
        assertThat(scores).containsOnlyKeys("log_loss", "roc_auc");
        assertThat(scores.values()).allMatch(v -> v.isNaN());
    }

    @Test
    void regression_matchesScikitLearnsExample() {
        // REGRESSION
        Map<String, Double> scores = Scores.regression(new double[] {3, -0.5, 2, 7}, new double[] {2.5, 0.0, 2, 8});
        assertSklearn(scores, "mse", 0.375, "rmse", 0.6123724356957945, "mae", 0.5, "mape", 0.3273809523809524,
                "r2", 0.9486081370449679);
    }

    @Test
    void mape_dividesByMachineEpsilonWhereTheTruthIsZero() {
        // ZERO_TRUTH
        Map<String, Double> scores = Scores.regression(new double[] {0, 0, 1, 2}, new double[] {0, 0.5, 1, 1});
        assertSklearn(scores, "mse", 0.3125, "rmse", 0.5590169943749475, "mae", 0.375, "mape", 562949953421312.1,
                "r2", 0.5454545454545454);
    }

    @Test
    void r2OfAConstantTruth_isOneWhenExactElseZero_insteadOfInfinite() {
        // CONSTANT_TRUTH
        assertSklearn(Scores.regression(new double[] {2, 2, 2}, new double[] {2, 2, 2}),
                "mse", 0.0, "rmse", 0.0, "mae", 0.0, "mape", 0.0, "r2", 1.0);
        // CONSTANT_TRUTH_MISSED
        assertSklearn(Scores.regression(new double[] {2, 2, 2}, new double[] {1, 2, 3}),
                "mse", 0.6666666666666666, "rmse", 0.816496580927726, "mae", 0.6666666666666666,
                "mape", 0.3333333333333333, "r2", 0.0);
    }
}
