package sluice.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Least squares, ridge and lasso on hostile columns: scales 1e-3 beside 1e9, a timestamp whose
 * mean dwarfs its spread, exact collinearity and constant columns. The properties checked hold for
 * the true solution whatever the data, so they need no reference values (ParityTest compares with
 * scikit-learn).
 */
class LinearModelsTest {
    private static final int ROWS = 4_000;
    private static final int LEVELS = 46;

    /** Columns big (1e8–5e9), small (0–1), then 46 one-hot levels; y = 3e-8·big + 40·small + level + noise. */
    private static double[][] housing(SplittableRandom random, double[] y) {
        double[][] x = new double[ROWS][2 + LEVELS];
        for (int i = 0; i < ROWS; i++) {
            x[i][0] = 1e8 + random.nextDouble() * 4.9e9;
            x[i][1] = random.nextDouble();
            int level = random.nextInt(LEVELS);
            x[i][2 + level] = 1;
            y[i] = 3e-8 * x[i][0] + 40 * x[i][1] + 10 * Math.sin(level) + random.nextGaussian() * 0.1;
        }
        return x;
    }

    @Test
    void linear_recoversEveryCoefficient_whateverTheScales() {
        double[] y = new double[ROWS];
        double[][] x = housing(new SplittableRandom(1), y);
        LeastSquares model = fit(x, y);
        assertThat(model.coefficients()[0]).isCloseTo(3e-8, within(3e-8 * 1e-3));
        assertThat(model.coefficients()[1]).isCloseTo(40, within(0.05));
        assertThat(r2(y, predict(model, x))).isGreaterThan(0.9999);
        // A full set of levels beside the intercept is collinear: the levels' differences are what is determined.
        double[] b = model.coefficients();
        assertThat(b[2 + 5] - b[2 + 3]).isCloseTo(10 * (Math.sin(5) - Math.sin(3)), within(0.02));
    }

    @Test
    void linear_predictsTheSame_whenAColumnIsRescaledOrShifted() {
        double[] y = new double[ROWS];
        double[][] x = housing(new SplittableRandom(2), y);
        double[][] changed = new double[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            changed[i] = x[i].clone();
            changed[i][0] = x[i][0] * 1e-12;          // volumes in thousands of billions
            changed[i][1] = 1.7e9 + x[i][1] * 1e3;    // a timestamp: a huge mean, a small spread
        }
        assertThat(predict(fit(changed, y), changed))
                .containsExactly(predict(fit(x, y), x), within(1e-7));
    }

    @Test
    void linear_ignoresDuplicatedAndConstantColumns() {
        double[] y = new double[ROWS];
        double[][] x = housing(new SplittableRandom(3), y);
        double[][] wider = new double[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            wider[i] = Arrays.copyOf(x[i], x[i].length + 2);
            wider[i][x[i].length] = x[i][1];          // small, again
            wider[i][x[i].length + 1] = 12345.678;    // a constant
        }
        LeastSquares model = fit(wider, y);
        assertThat(predict(model, wider)).containsExactly(predict(fit(x, y), x), within(1e-7));
        assertThat(model.coefficients()[x[0].length + 1]).isZero();
        assertThat(model.coefficients()[1]).isCloseTo(model.coefficients()[x[0].length], within(1e-9));
    }

    @Test
    void ridge_withoutPenalty_isLeastSquares_andShrinksWithOne() {
        double[] y = new double[ROWS];
        double[][] x = housing(new SplittableRandom(4), y);
        Gram gram = Gram.of(columns(x), y);
        assertThat(predict(gram.ridge(0), x)).containsExactly(predict(fit(x, y), x), within(1e-9));
        double[] ridge = standardized(gram, gram.ridge(1e4));
        double[] ols = standardized(gram, gram.ridge(0));
        assertThat(norm(ridge)).isLessThan(norm(ols));
        // The ridge solution zeroes the penalized gradient: R·w + (lambda/n)·w = target.
        for (int j = 0; j < 2; j++) {
            double lhs = 1e4 / ROWS * ridge[j];
            for (int k = 0; k < ridge.length; k++) {
                lhs += gram.correlation()[j][k] * ridge[k];
            }
            assertThat(lhs).isCloseTo(gram.target()[j], within(1e-9 * gram.sdY()));
        }
    }

    @Test
    void lasso_meetsItsOptimalityConditions() {
        double[] y = new double[ROWS];
        double[][] x = housing(new SplittableRandom(5), y);
        Gram gram = Gram.of(columns(x), y);
        double penalty = 0.5;
        double[] w = standardized(gram, gram.lasso(penalty, 1e-12, 100_000));
        int zeros = 0;
        for (int j = 0; j < w.length; j++) {
            double gradient = gram.target()[j];
            for (int k = 0; k < w.length; k++) {
                gradient -= gram.correlation()[j][k] * w[k];
            }
            if (w[j] == 0) {
                zeros++;
                assertThat(Math.abs(gradient)).isLessThanOrEqualTo(penalty + 1e-9);
            } else {
                assertThat(gradient).isCloseTo(penalty * Math.signum(w[j]), within(1e-8));
            }
        }
        assertThat(zeros).as("levels the penalty removes").isPositive();
    }

    /** Ordinary least squares of rows {@code x}. */
    private static LeastSquares fit(double[][] x, double[] y) {
        return Gram.of(columns(x), y).ridge(0);
    }

    private static double[][] columns(double[][] x) {
        double[][] columns = new double[x[0].length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                columns[j][i] = x[i][j];
            }
        }
        return columns;
    }

    /** The coefficients of the standardized columns. */
    private static double[] standardized(Gram gram, LeastSquares model) {
        double[] w = model.coefficients();
        for (int j = 0; j < w.length; j++) {
            w[j] *= gram.sd()[j];
        }
        return w;
    }

    private static double norm(double[] w) {
        return Math.sqrt(Arrays.stream(w).map(v -> v * v).sum());
    }

    private static double[] predict(LeastSquares model, double[][] x) {
        return Arrays.stream(x).mapToDouble(model::predict).toArray();
    }

    private static double r2(double[] y, double[] predicted) {
        return Scores.regression(y, predicted).get("r2");
    }
}
