package sluice.train;

import java.util.Arrays;
import java.util.stream.IntStream;
import smile.math.matrix.Matrix;

/**
 * The normal equations of a linear model with an intercept, on standardized columns: each column's
 * mean and standard deviation, the columns' correlation matrix and each column's covariance with y
 * divided by its deviation. Standardizing makes the solution independent of the columns' units: a
 * volume in billions beside a 0/1 level is solved as accurately as two columns of one scale. The
 * covariances are taken of centred columns (the means first, then the products), so a column whose
 * mean dwarfs its spread (a year, a timestamp) keeps its digits. A 0/1 column (a one-hot level) is
 * kept as the rows where it is 1, so its products are sums over those rows only. Each entry is
 * summed in row order, so the same rows give the same bits whatever the number of cores.
 *
 * @param rows        the number of rows
 * @param mean        each column's mean
 * @param sd          each column's standard deviation (population, as scikit-learn's StandardScaler);
 *                    0 for a constant column, which gets no coefficient
 * @param meanY       the mean of y
 * @param sdY         the standard deviation of y
 * @param correlation the correlation matrix of the columns (a constant column's row and column are 0)
 * @param target      each column's covariance with y divided by its deviation
 */
record Gram(int rows, double[] mean, double[] sd, double meanY, double sdY, double[][] correlation, double[] target) {
    /** Directions of the correlation matrix with an eigenvalue below this share of the largest have no coefficient. */
    private static final double RANK_TOLERANCE = 1e-10;

    /** The normal equations of the encoded {@code columns} (column-major, as {@link Encoding#columns}) and {@code y}. */
    static Gram of(double[][] columns, double[] y) {
        int n = y.length;
        int p = columns.length;
        double[] mean = new double[p];
        Column centredY = Column.dense(y);
        Column[] centred = IntStream.range(0, p).parallel().mapToObj(j -> Column.of(columns[j])).toArray(Column[]::new);
        double[][] covariance = new double[p][p];
        double[] crossY = new double[p];
        IntStream.range(0, p).parallel().forEach(j -> {
            for (int k = j; k < p; k++) {
                covariance[j][k] = centred[j].dot(centred[k]) / n;
            }
            crossY[j] = centred[j].dot(centredY.values()) / n;
        });
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            mean[j] = centred[j].mean;
            sd[j] = covariance[j][j] > 0 ? Math.sqrt(covariance[j][j]) : 0;
        }
        double[][] correlation = new double[p][p];
        double[] target = new double[p];
        for (int j = 0; j < p; j++) {
            if (sd[j] == 0) {
                continue;
            }
            for (int k = j; k < p; k++) {
                if (sd[k] > 0) {
                    correlation[j][k] = correlation[k][j] = covariance[j][k] / (sd[j] * sd[k]);
                }
            }
            target[j] = crossY[j] / sd[j];
        }
        double varianceY = centredY.dot(centredY) / n;
        return new Gram(n, mean, sd, centredY.mean(), Math.sqrt(varianceY), correlation, target);
    }

    /**
     * Ordinary least squares (penalty 0) or ridge: minimizes ||y − b − Zw||² + penalty·||w||² over the
     * standardized columns Z, as scikit-learn's {@code Ridge(alpha=penalty)} behind a StandardScaler.
     * Collinear columns (a full set of one-hot levels, a duplicated column) get the minimum-norm
     * solution, whose predictions equal those of a fit with the redundant columns left out.
     */
    LeastSquares ridge(double penalty) {
        int p = mean.length;
        double[][] a = new double[p][];
        for (int j = 0; j < p; j++) {
            a[j] = correlation[j].clone();
            a[j][j] += penalty / rows;
        }
        Matrix.SVD svd = Matrix.of(a).svd(true, true);
        double tolerance = RANK_TOLERANCE * svd.s[0];
        double[] w = new double[p];
        for (int i = 0; i < svd.s.length; i++) {
            if (svd.s[i] <= tolerance) {
                continue;
            }
            double along = 0;
            for (int j = 0; j < p; j++) {
                along += svd.U.get(j, i) * target[j];
            }
            along /= svd.s[i];
            for (int j = 0; j < p; j++) {
                w[j] += svd.V.get(j, i) * along;
            }
        }
        return unscaled(w);
    }

    /**
     * The lasso: minimizes ||y − b − Zw||² / (2·rows) + penalty·||w||₁ over the standardized columns Z,
     * as scikit-learn's {@code Lasso(alpha=penalty)} behind a StandardScaler, by cyclic coordinate
     * descent until no coefficient moves by more than {@code tolerance} of y's deviation in a sweep.
     */
    LeastSquares lasso(double penalty, double tolerance, int sweeps) {
        int p = mean.length;
        double[] w = new double[p];
        double[] fitted = new double[p]; // correlation · w
        for (int sweep = 0; sweep < sweeps; sweep++) {
            double largest = 0;
            for (int j = 0; j < p; j++) {
                if (sd[j] == 0) {
                    continue;
                }
                double rho = target[j] - fitted[j] + w[j];
                double next = Math.signum(rho) * Math.max(Math.abs(rho) - penalty, 0);
                double change = next - w[j];
                if (change != 0) {
                    for (int k = 0; k < p; k++) {
                        fitted[k] += correlation[k][j] * change;
                    }
                    w[j] = next;
                    largest = Math.max(largest, Math.abs(change));
                }
            }
            if (largest <= tolerance * sdY) {
                return unscaled(w);
            }
        }
        throw new sluice.magic.UsageError("lasso did not converge in " + sweeps + " sweeps; raise --set iterations="
                + 10 * sweeps + ", or loosen --set tolerance.");
    }

    /** The model in the columns' own units from coefficients {@code w} of the standardized columns. */
    private LeastSquares unscaled(double[] w) {
        double[] beta = new double[w.length];
        double intercept = meanY;
        for (int j = 0; j < w.length; j++) {
            beta[j] = sd[j] == 0 ? 0 : w[j] / sd[j];
            intercept -= beta[j] * mean[j];
        }
        return new LeastSquares(intercept, beta);
    }

    /**
     * A centred column: dense values minus their mean, or, for a 0/1 column, the rows where it is 1.
     * The product of an indicator with a centred column is then the sum of that column over its rows,
     * since a centred column sums to 0; of two indicators, their common rows less n times both means.
     */
    private record Column(double mean, double[] values, int[] ones, int rows) {
        static Column of(double[] column) {
            int ones = 0;
            for (double v : column) {
                if (v == 1) {
                    ones++;
                } else if (v != 0) {
                    return dense(column);
                }
            }
            int[] rows = new int[ones];
            for (int i = 0, at = 0; at < ones; i++) {
                if (column[i] == 1) {
                    rows[at++] = i;
                }
            }
            return new Column((double) ones / Math.max(1, column.length), null, rows, column.length);
        }

        /**
         * The column minus its mean. The mean is refined by a second pass (the mean of the first
         * differences), so that the centred values sum to 0 up to their own rounding, not the mean's,
         * and a constant column centres to exact zeros.
         */
        static Column dense(double[] column) {
            double mean = Gram.mean(column);
            double[] centred = new double[column.length];
            double correction = 0;
            for (int i = 0; i < column.length; i++) {
                centred[i] = column[i] - mean;
                correction += centred[i];
            }
            correction /= Math.max(1, column.length);
            for (int i = 0; i < column.length; i++) {
                centred[i] -= correction;
            }
            return new Column(mean + correction, centred, null, column.length);
        }

        double dot(Column other) {
            if (values != null && other.values != null) {
                return Gram.dot(values, other.values);
            }
            if (values != null || other.values != null) {
                return values != null ? other.dot(values) : dot(other.values);
            }
            int common = 0;
            for (int a = 0, b = 0; a < ones.length && b < other.ones.length; ) {
                int cmp = Integer.compare(ones[a], other.ones[b]);
                if (cmp == 0) {
                    common++;
                }
                a += cmp <= 0 ? 1 : 0;
                b += cmp >= 0 ? 1 : 0;
            }
            return common - rows * mean * other.mean;
        }

        /** The product with centred values (y, say). */
        double dot(double[] centredValues) {
            if (values != null) {
                return Gram.dot(values, centredValues);
            }
            double sum = 0;
            for (int row : ones) {
                sum += centredValues[row];
            }
            return sum;
        }
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    private static double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
