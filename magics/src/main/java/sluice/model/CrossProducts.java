package sluice.model;

/**
 * The sums {@link Gram} is made of, over encoded rows and y: each column's mean, and the products of
 * the centred columns, a feature pair at a time. A column of numbers is centred by its mean, refined
 * by a second pass (the mean of the first differences), so that its centred values sum to 0 up to
 * their own rounding and a constant column centres to exact zeros. A text feature's one-hot columns
 * are never made: with a centred column, its products are the column's sums over each level's rows;
 * with another text feature, the rows two levels share less their counts' product over n; with
 * itself, a level's count on the diagonal, as a row has one level only.
 *
 * <p>The rows are read once, a chunk at a time: the centred values of a chunk are made in a small
 * buffer, never as a copy of a column, and every sum adds its terms in row order (a dot product in
 * four interleaved lanes, by row number modulo 4), so the same rows give the same bits whatever the
 * chunk size or the number of cores.
 */
final class CrossProducts {
    /** Rows per chunk: a multiple of 4, so that a chunk's lanes are the whole column's. */
    private static final int CHUNK = 2048;

    private final int rows;
    /** Per feature (y last), its index among the columns of numbers or among the text features. */
    private final int[] index;
    private final boolean[] levels;
    private final double[] means;
    /** Per pair of number columns j ≤ k, the four lanes of their dot product. */
    private final double[][][] lanes;
    /** Per text feature, per number column, the sum of its centred values over each level's rows. */
    private final double[][][] levelSums;
    private final long[][] counts;
    /** Per pair of text features l < m, the rows each pair of their levels shares. */
    private final long[][][][] shared;

    /** The sums of the encoded rows {@code x} and of {@code y}, which is taken as a last column of numbers. */
    CrossProducts(Encoded x, double[] y) {
        rows = y.length;
        int features = x.sources().length;
        index = new int[features + 1];
        levels = new boolean[features + 1];
        int numbers = 0;
        int texts = 0;
        for (int f = 0; f <= features; f++) {
            levels[f] = f < features && x.isLevels(f);
            index[f] = levels[f] ? texts++ : numbers++;
        }
        double[][] columns = new double[numbers][];
        int[][] keys = new int[texts][];
        int[] widths = new int[texts];
        for (int f = 0; f <= features; f++) {
            if (f == features) {
                columns[index[f]] = y;
            } else if (levels[f]) {
                keys[index[f]] = (int[]) x.sources()[f];
                widths[index[f]] = x.widths()[f];
            } else {
                columns[index[f]] = x.numbers(f);
            }
        }
        // One core: in a fresh JVM two threads interpreting the same loops finish later than one.
        double[][] centring = new double[numbers][];
        for (int k = 0; k < numbers; k++) {
            centring[k] = centring(columns[k]);
        }
        means = new double[numbers];
        for (int k = 0; k < numbers; k++) {
            means[k] = centring[k][0] + centring[k][1];
        }
        lanes = new double[numbers][numbers][4];
        levelSums = new double[texts][numbers][];
        counts = new long[texts][];
        shared = new long[texts][texts][][];
        for (int l = 0; l < texts; l++) {
            counts[l] = new long[widths[l]];
            for (int k = 0; k < numbers; k++) {
                levelSums[l][k] = new double[widths[l]];
            }
            for (int m = l + 1; m < texts; m++) {
                shared[l][m] = new long[widths[l]][widths[m]];
            }
        }
        double[][] chunk = new double[numbers][CHUNK];
        for (int start = 0; start < rows; start += CHUNK) {
            int length = Math.min(CHUNK, rows - start);
            for (int k = 0; k < numbers; k++) {
                centre(columns[k], start, length, centring[k], chunk[k]);
            }
            for (int j = 0; j < numbers; j++) {
                for (int k = j; k < numbers; k++) {
                    dot(chunk[j], chunk[k], length, lanes[j][k]);
                }
            }
            for (int l = 0; l < texts; l++) {
                sumByLevel(keys[l], start, length, chunk, levelSums[l], counts[l]);
                for (int m = l + 1; m < texts; m++) {
                    share(keys[l], keys[m], start, length, shared[l][m]);
                }
            }
        }
    }

    /** The means of feature {@code f}'s encoded columns. */
    double[] means(int f) {
        return !levels[f] ? new double[] {means[index[f]]}
                : java.util.Arrays.stream(counts[index[f]]).mapToDouble(c -> (double) c / rows).toArray();
    }

    /** The products of feature {@code f}'s centred encoded columns (rows) with feature {@code g}'s (columns), f ≤ g. */
    double[][] block(int f, int g) {
        int a = index[f];
        int b = index[g];
        if (!levels[f] && !levels[g]) {
            double[] s = lanes[a][b];
            return new double[][] {{(s[0] + s[1]) + (s[2] + s[3])}};
        }
        if (!levels[f]) {
            return new double[][] {levelSums[b][a].clone()};
        }
        if (!levels[g]) {
            double[][] block = new double[counts[a].length][1];
            for (int level = 0; level < block.length; level++) {
                block[level][0] = levelSums[a][b][level];
            }
            return block;
        }
        double[][] block = new double[counts[a].length][counts[b].length];
        for (int i = 0; i < block.length; i++) {
            for (int j = 0; j < block[i].length; j++) {
                double together = f == g ? (i == j ? counts[a][i] : 0) : shared[a][b][i][j];
                block[i][j] = together - (double) counts[a][i] * counts[b][j] / rows;
            }
        }
        return block;
    }

    /** A column's mean and the refinement of it: the mean of the column minus its mean. */
    private static double[] centring(double[] column) {
        double sum = 0;
        for (double value : column) {
            sum += value;
        }
        double mean = column.length == 0 ? 0 : sum / column.length;
        double correction = 0;
        for (double value : column) {
            correction += value - mean;
        }
        return new double[] {mean, correction / Math.max(1, column.length)};
    }

    private static void centre(double[] column, int start, int length, double[] centring, double[] chunk) {
        double mean = centring[0];
        double correction = centring[1];
        for (int i = 0; i < length; i++) {
            chunk[i] = column[start + i] - mean - correction;
        }
    }

    /** Adds a chunk's products to {@code lanes}: row i to lane i mod 4, the odd rows at the very end to lane 0. */
    private static void dot(double[] a, double[] b, int length, double[] lanes) {
        double s0 = lanes[0];
        double s1 = lanes[1];
        double s2 = lanes[2];
        double s3 = lanes[3];
        int i = 0;
        for (; i + 3 < length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < length; i++) {
            s0 += a[i] * b[i];
        }
        lanes[0] = s0;
        lanes[1] = s1;
        lanes[2] = s2;
        lanes[3] = s3;
    }

    private static void sumByLevel(int[] keys, int start, int length, double[][] chunk, double[][] sums, long[] counts) {
        for (int i = start; i < start + length; i++) {
            if (keys[i] >= 0) {
                counts[keys[i]]++;
            }
        }
        for (int k = 0; k < chunk.length; k++) {
            double[] values = chunk[k];
            double[] byLevel = sums[k];
            for (int i = 0; i < length; i++) {
                int level = keys[start + i];
                if (level >= 0) {
                    byLevel[level] += values[i];
                }
            }
        }
    }

    private static void share(int[] first, int[] second, int start, int length, long[][] shared) {
        for (int i = start; i < start + length; i++) {
            if (first[i] >= 0 && second[i] >= 0) {
                shared[first[i]][second[i]]++;
            }
        }
    }
}
