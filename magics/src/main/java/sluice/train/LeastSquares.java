package sluice.train;

import java.io.Serializable;
import java.util.stream.IntStream;
import smile.math.matrix.Matrix;

/**
 * Ordinary least squares for {@code %train linear}, by the normal equations: X'X and X'y are summed
 * in one parallel pass over the rows (skipping the zeros of one-hot columns), centred, and solved
 * with Smile's SVD. The SVD also copes with collinear columns such as a full set of one-hot levels
 * beside the intercept: it gives the minimum-norm solution, whose predictions equal those of a fit
 * with one level dropped. Smile's own OLS takes a QR decomposition of the whole n×p matrix, which
 * was about ten times slower than scikit-learn on a million rows.
 */
final class LeastSquares implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int CHUNK = 16_384;

    private final double intercept;
    private final double[] coefficients;

    private LeastSquares(double intercept, double[] coefficients) {
        this.intercept = intercept;
        this.coefficients = coefficients;
    }

    static LeastSquares fit(double[][] x, double[] y) {
        int n = x.length;
        int p = x[0].length;
        // Per chunk: [X'X upper triangle (p*p, row-major), X'y (p), sum x (p), sum y, sum y²]
        double[] sums = IntStream.range(0, (n + CHUNK - 1) / CHUNK).parallel()
                .mapToObj(c -> sums(x, y, c * CHUNK, Math.min(n, (c + 1) * CHUNK), p))
                .reduce(new double[p * p + 2 * p + 2], LeastSquares::add);
        double[] mean = new double[p];
        for (int j = 0; j < p; j++) {
            mean[j] = sums[p * p + p + j] / n;
        }
        double meanY = sums[p * p + 2 * p] / n;
        double[][] covariance = new double[p][p];
        double[] crossY = new double[p];
        for (int j = 0; j < p; j++) {
            for (int k = j; k < p; k++) {
                covariance[j][k] = covariance[k][j] = sums[j * p + k] / n - mean[j] * mean[k];
            }
            crossY[j] = sums[p * p + j] / n - mean[j] * meanY;
        }
        double[] beta = Matrix.of(covariance).svd().solve(crossY);
        double intercept = meanY;
        for (int j = 0; j < p; j++) {
            intercept -= beta[j] * mean[j];
        }
        return new LeastSquares(intercept, beta);
    }

    private static double[] sums(double[][] x, double[] y, int from, int to, int p) {
        double[] s = new double[p * p + 2 * p + 2];
        int[] nonZero = new int[p];
        for (int i = from; i < to; i++) {
            double[] row = x[i];
            int m = 0;
            for (int j = 0; j < p; j++) {
                if (row[j] != 0) {
                    nonZero[m++] = j;
                }
            }
            for (int a = 0; a < m; a++) {
                int j = nonZero[a];
                double v = row[j];
                int base = j * p;
                for (int b = a; b < m; b++) {
                    int k = nonZero[b];
                    s[base + k] += v * row[k];
                }
                s[p * p + j] += v * y[i];
                s[p * p + p + j] += v;
            }
            s[p * p + 2 * p] += y[i];
            s[p * p + 2 * p + 1] += y[i] * y[i];
        }
        return s;
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
