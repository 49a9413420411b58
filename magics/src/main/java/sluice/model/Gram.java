package sluice.model;

import java.util.Arrays;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The normal equations of a linear model with an intercept, on standardized columns: each column's
 * mean and standard deviation, the columns' correlation matrix and each column's covariance with y
 * divided by its deviation. Standardizing makes the solution independent of the columns' units: a
 * volume in billions beside a 0/1 level is solved as accurately as two columns of one scale. The
 * covariances are taken of centred columns (the means first, then the products), so a column whose
 * mean dwarfs its spread (a year, a timestamp) keeps its digits. A text feature's one-hot columns
 * are never made: their products are counts and sums by level ({@link CrossProducts}). Each entry is
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

    /** The normal equations of dense encoded {@code columns} (column-major) and {@code y}. */
    static Gram of(double[][] columns, double[] y) {
        int[] widths = new int[columns.length];
        Arrays.fill(widths, 1);
        return of(new Encoded(y.length, columns.clone(), widths, true), y);
    }

    /** The normal equations of the encoded rows {@code x} and {@code y}. */
    static Gram of(Encoded x, double[] y) {
        int n = y.length;
        int features = x.sources().length;
        int[] offset = new int[features + 1];
        for (int f = 0; f < features; f++) {
            offset[f + 1] = offset[f] + x.widths()[f];
        }
        int p = offset[features];
        CrossProducts sums = new CrossProducts(x, y);
        double[] mean = new double[p];
        double[][] covariance = new double[p][p];
        double[] crossY = new double[p];
        for (int f = 0; f < features; f++) {
            for (int g = f; g < features; g++) {
                double[][] block = sums.block(f, g);
                for (int a = 0; a < block.length; a++) {
                    for (int b = 0; b < block[a].length; b++) {
                        covariance[offset[f] + a][offset[g] + b] = covariance[offset[g] + b][offset[f] + a] = block[a][b] / n;
                    }
                }
            }
            double[][] withY = sums.block(f, features);
            for (int a = 0; a < withY.length; a++) {
                crossY[offset[f] + a] = withY[a][0] / n;
            }
            System.arraycopy(sums.means(f), 0, mean, offset[f], offset[f + 1] - offset[f]);
        }
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
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
        double varianceY = sums.block(features, features)[0][0] / n;
        return new Gram(n, mean, sd, sums.means(features)[0], Math.sqrt(varianceY), correlation, target);
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
        // In Java, not LAPACK: OpenBLAS picks its kernels by CPU, and the last bits of the answer with them.
        SingularValueDecomposition svd = new SingularValueDecomposition(MatrixUtils.createRealMatrix(a));
        double[] s = svd.getSingularValues();
        RealMatrix u = svd.getU();
        RealMatrix v = svd.getV();
        double tolerance = RANK_TOLERANCE * s[0];
        double[] w = new double[p];
        for (int i = 0; i < s.length; i++) {
            if (s[i] <= tolerance) {
                continue;
            }
            double along = 0;
            for (int j = 0; j < p; j++) {
                along += u.getEntry(j, i) * target[j];
            }
            along /= s[i];
            for (int j = 0; j < p; j++) {
                w[j] += v.getEntry(j, i) * along;
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
}
