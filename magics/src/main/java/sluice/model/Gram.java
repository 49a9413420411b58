package sluice.model;

import java.util.Arrays;
import java.util.stream.IntStream;
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
 * are never made: their products are counts and sums by level ({@link Feature}). Each entry is
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
        double[] mean = new double[p];
        Feature[] centred = IntStream.range(0, features).parallel()
                .mapToObj(f -> x.isLevels(f) ? Feature.levels((int[]) x.sources()[f], x.widths()[f]) : Feature.dense(x.numbers(f)))
                .toArray(Feature[]::new);
        Feature centredY = Feature.dense(y);
        double[][] covariance = new double[p][p];
        double[] crossY = new double[p];
        IntStream.range(0, features).parallel().forEach(f -> {
            for (int g = f; g < features; g++) {
                double[][] block = centred[f].times(centred[g], f == g);
                for (int a = 0; a < block.length; a++) {
                    for (int b = 0; b < block[a].length; b++) {
                        covariance[offset[f] + a][offset[g] + b] = covariance[offset[g] + b][offset[f] + a] = block[a][b] / n;
                    }
                }
            }
            double[][] withY = centred[f].times(centredY, false);
            for (int a = 0; a < withY.length; a++) {
                crossY[offset[f] + a] = withY[a][0] / n;
            }
            System.arraycopy(centred[f].means(n), 0, mean, offset[f], offset[f + 1] - offset[f]);
        });
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
        double varianceY = centredY.times(centredY, true)[0][0] / n;
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

    /**
     * A feature centred: a column of values minus their mean, or a text feature's one-hot columns as
     * each row's level and each level's count. The products of one-hot columns are then sums by level
     * in one pass over the rows: with a centred column, the column's sum over each level's rows
     * (a centred column sums to 0); with another feature's levels, the rows the two levels share,
     * less their counts' product over n; within one feature, a level's count on the diagonal, as
     * a row has one level only. Every sum runs in row order.
     *
     * @param mean   a column's mean (of the dense values)
     * @param values a column's centred values, or null for levels
     * @param levels each row's level (-1 for none), or null for a column
     * @param counts each level's rows
     */
    private record Feature(double mean, double[] values, int[] levels, long[] counts) {
        static Feature levels(int[] levels, int width) {
            long[] counts = new long[width];
            for (int level : levels) {
                if (level >= 0) {
                    counts[level]++;
                }
            }
            return new Feature(0, null, levels, counts);
        }

        /**
         * The column minus its mean. The mean is refined by a second pass (the mean of the first
         * differences), so that the centred values sum to 0 up to their own rounding, not the mean's,
         * and a constant column centres to exact zeros.
         */
        static Feature dense(double[] column) {
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
            return new Feature(mean + correction, centred, null, null);
        }

        /** The means of the feature's encoded columns over {@code n} rows. */
        double[] means(int n) {
            return values != null ? new double[] {mean} : Arrays.stream(counts).mapToDouble(c -> (double) c / n).toArray();
        }

        /** The products of this feature's encoded columns (rows) with {@code other}'s (columns), each centred. */
        double[][] times(Feature other, boolean self) {
            if (values != null && other.values != null) {
                return new double[][] {{Gram.dot(values, other.values)}};
            }
            if (values != null) {
                return transpose(other.times(this, false));
            }
            int n = levels.length;
            double[][] block = new double[counts.length][other.values != null ? 1 : other.counts.length];
            if (other.values != null) {
                for (int i = 0; i < n; i++) {
                    if (levels[i] >= 0) {
                        block[levels[i]][0] += other.values[i];
                    }
                }
                return block;
            }
            if (self) {
                for (int a = 0; a < counts.length; a++) {
                    block[a][a] = counts[a];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    if (levels[i] >= 0 && other.levels[i] >= 0) {
                        block[levels[i]][other.levels[i]]++;
                    }
                }
            }
            for (int a = 0; a < counts.length; a++) {
                for (int b = 0; b < other.counts.length; b++) {
                    block[a][b] -= (double) counts[a] * other.counts[b] / n;
                }
            }
            return block;
        }

        private static double[][] transpose(double[][] block) {
            double[][] t = new double[block[0].length][block.length];
            for (int a = 0; a < block.length; a++) {
                for (int b = 0; b < block[a].length; b++) {
                    t[b][a] = block[a][b];
                }
            }
            return t;
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
