package sluice.train;

import java.util.Arrays;
import java.util.stream.IntStream;
import smile.math.matrix.Matrix;

/**
 * The normal equations of a linear model with an intercept, on standardized columns: each column's
 * mean and standard deviation, the columns' correlation matrix and each column's covariance with y
 * divided by its deviation. They are summed in one parallel pass over the rows. Standardizing
 * makes the solution independent of the columns' units: a volume in billions beside a 0/1 level is
 * solved as accurately as two columns of one scale. Before summing, each column is shifted by a
 * typical value of its own (the median of the first rows), so that a column whose mean dwarfs its
 * spread (a year, a timestamp) keeps its digits; the zeros of sparse columns (one-hot levels,
 * whose median is 0) are skipped.
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
    private static final int CHUNK = 16_384;
    private static final int PILOT = 1_000;
    /** Directions of the correlation matrix with an eigenvalue below this share of the largest have no coefficient. */
    private static final double RANK_TOLERANCE = 1e-10;

    static Gram of(double[][] x, double[] y) {
        int n = x.length;
        int p = x[0].length;
        double[] shift = new double[p];
        for (int j = 0; j < p; j++) {
            int column = j;
            shift[j] = median(IntStream.range(0, Math.min(n, PILOT)).mapToDouble(i -> x[i][column]).toArray());
        }
        double shiftY = median(Arrays.copyOf(y, Math.min(n, PILOT)));
        // Per chunk: [X'X upper triangle (p*p, row-major), X'y (p), sum x (p), sum y, sum y²], all shifted
        // The chunks are added in order, so the same rows give the same bits whatever the number of cores.
        double[] sums = IntStream.range(0, (n + CHUNK - 1) / CHUNK).parallel()
                .mapToObj(c -> sums(x, y, shift, shiftY, c * CHUNK, Math.min(n, (c + 1) * CHUNK)))
                .toList().stream().reduce(new double[p * p + 2 * p + 2], LeastSquares::add);
        double sumY = sums[p * p + 2 * p];
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            double sum = sums[p * p + p + j];
            mean[j] = shift[j] + sum / n;
            double variance = (sums[j * p + j] - sum * sum / n) / n;
            sd[j] = variance > 0 ? Math.sqrt(variance) : 0;
        }
        double[][] correlation = new double[p][p];
        double[] target = new double[p];
        for (int j = 0; j < p; j++) {
            if (sd[j] == 0) {
                continue;
            }
            double sumJ = sums[p * p + p + j];
            for (int k = j; k < p; k++) {
                if (sd[k] > 0) {
                    double covariance = (sums[j * p + k] - sumJ * sums[p * p + p + k] / n) / n;
                    correlation[j][k] = correlation[k][j] = covariance / (sd[j] * sd[k]);
                }
            }
            target[j] = (sums[p * p + j] - sumJ * sumY / n) / n / sd[j];
        }
        double varianceY = (sums[p * p + 2 * p + 1] - sumY * sumY / n) / n;
        return new Gram(n, mean, sd, shiftY + sumY / n, Math.sqrt(Math.max(varianceY, 0)), correlation, target);
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

    private static double[] sums(double[][] x, double[] y, double[] shift, double shiftY, int from, int to) {
        int p = shift.length;
        double[] s = new double[p * p + 2 * p + 2];
        int[] index = new int[p];
        double[] value = new double[p];
        for (int i = from; i < to; i++) {
            double[] row = x[i];
            int m = 0;
            for (int j = 0; j < p; j++) {
                double v = row[j] - shift[j];
                if (v != 0) {
                    index[m] = j;
                    value[m++] = v;
                }
            }
            double dy = y[i] - shiftY;
            for (int a = 0; a < m; a++) {
                double v = value[a];
                int base = index[a] * p;
                for (int b = a; b < m; b++) {
                    s[base + index[b]] += v * value[b];
                }
                s[p * p + index[a]] += v * dy;
                s[p * p + p + index[a]] += v;
            }
            s[p * p + 2 * p] += dy;
            s[p * p + 2 * p + 1] += dy * dy;
        }
        return s;
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
