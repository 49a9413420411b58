package sluice.model;

import java.util.stream.IntStream;

/**
 * Rows encoded by an {@link Encoding}, kept per feature as compactly as they came: a number or
 * boolean feature as its values, a text feature as each row's level index (-1 for a level training
 * never saw). The least-squares models read them so ({@link Gram}, {@link LeastSquares}), without
 * ever making the 0/1 columns of one-hot; the other learners take {@link #matrix} rows.
 *
 * @param rows    the number of rows
 * @param sources per feature, {@code double[]} values or {@code int[]} level indexes
 * @param widths  per feature, the encoded columns it takes (its levels, if one-hot)
 * @param oneHot  whether a text feature is one 0/1 column per level (true) or one column of its index
 */
public record Encoded(int rows, Object[] sources, int[] widths, boolean oneHot) {
    /** Rows per task when {@link #matrix} shares the rows among the cores. */
    private static final int CHUNK = 8_192;

    /** The number of encoded columns. */
    int width() {
        return IntStream.of(widths).sum();
    }

    /** Whether feature {@code f} is one-hot levels rather than one column of numbers. */
    boolean isLevels(int f) {
        return oneHot && sources[f] instanceof int[];
    }

    /** The encoded rows. */
    double[][] matrix() {
        int width = width();
        double[][] x = new double[rows][];
        // Row by row, the rows shared among the cores: each row is written in one go, not column by column.
        IntStream.range(0, (rows + CHUNK - 1) / CHUNK).parallel().forEach(chunk -> {
            for (int row = chunk * CHUNK, end = Math.min(rows, row + CHUNK); row < end; row++) {
                double[] encoded = new double[width];
                int at = 0;
                for (int f = 0; f < sources.length; f++) {
                    if (sources[f] instanceof double[] values) {
                        encoded[at] = values[row];
                    } else {
                        int level = ((int[]) sources[f])[row];
                        if (!oneHot) {
                            encoded[at] = level;
                        } else if (level >= 0) {
                            encoded[at + level] = 1;
                        }
                    }
                    at += widths[f];
                }
                x[row] = encoded;
            }
        });
        return x;
    }

    /** The encoded columns, one array per encoded column. */
    double[][] columns() {
        double[][] x = new double[width()][];
        int at = 0;
        for (int f = 0; f < sources.length; f++) {
            if (sources[f] instanceof double[] values) {
                x[at] = values;
            } else {
                int[] levels = (int[]) sources[f];
                for (int c = 0; c < widths[f]; c++) {
                    x[at + c] = new double[rows];
                }
                for (int row = 0; row < rows; row++) {
                    int level = levels[row];
                    if (!oneHot) {
                        x[at][row] = level;
                    } else if (level >= 0) {
                        x[at + level][row] = 1;
                    }
                }
            }
            at += widths[f];
        }
        return x;
    }

    /** A feature's values as numbers: its own, or its level indexes when they are not one-hot. */
    double[] numbers(int f) {
        return sources[f] instanceof double[] values ? values : IntStream.of((int[]) sources[f]).asDoubleStream().toArray();
    }
}
