package sluice.train;

import java.io.Serializable;

/**
 * A fitted linear model, intercept plus coefficients, as {@code %train linear}, {@code ridge} and
 * {@code lasso} make it from the standardized normal equations ({@link Gram}). Smile's own OLS takes
 * a QR decomposition of the whole n×p matrix, which was about ten times slower than scikit-learn
 * on a million rows; its ridge and lasso penalize differently from scikit-learn's.
 */
final class LeastSquares implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double intercept;
    private final double[] coefficients;

    LeastSquares(double intercept, double[] coefficients) {
        this.intercept = intercept;
        this.coefficients = coefficients;
    }

    /** The element-wise sum of {@code a} and {@code b}, a new array. */
    static double[] add(double[] a, double[] b) {
        double[] sum = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    /** Predictions for encoded columns ({@link Encoding#columns}), column by column. */
    double[] predictColumns(double[][] columns, int rows) {
        double[] y = new double[rows];
        java.util.Arrays.fill(y, intercept);
        for (int j = 0; j < coefficients.length; j++) {
            double beta = coefficients[j];
            double[] column = columns[j];
            for (int i = 0; i < rows; i++) {
                y[i] += beta * column[i];
            }
        }
        return y;
    }

    double predict(double[] row) {
        double y = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            y += coefficients[j] * row[j];
        }
        return y;
    }

    double intercept() {
        return intercept;
    }

    double[] coefficients() {
        return coefficients.clone();
    }
}
