package sluice.eda;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.util.FastMath;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;

/**
 * The statistics of a numeric column's present values, from one primitive copy: three passes
 * for the moments and extremes, a selection (not a sort) for the quartiles, a primitive hash set
 * for the distinct count. Each number is computed with the same arithmetic, in the same order, as
 * Tablesaw's own aggregates (commons-math {@code Mean}, {@code Variance}, {@code Skewness}, {@code Min},
 * {@code Max}, legacy {@code Percentile}), so it comes out bit for bit the same, only faster.
 */
record NumberStats(int missing, int distinct, double mean, double std, double min, double q1, double median,
                   double q3, double max, double skew) {

    static NumberStats of(NumericColumn<?> column) {
        double[] values = present(column);
        int n = values.length;
        double sum = 0;
        double min = values[0];
        double max = values[0];
        for (double v : values) {
            sum += v;
            min = min < v ? min : v;
            max = max > v ? max : v;
        }
        double xbar = sum / n;
        double correction = 0;
        for (double v : values) {
            correction += v - xbar;
        }
        double mean = xbar + correction / n;
        double accum = 0;
        double accum2 = 0;
        double accum3 = 0;
        for (double v : values) {
            double d = v - mean;
            accum += d * d;
            accum2 += d;
            accum3 += d * d * d;
        }
        double variance = n == 1 ? 0 : (accum - accum2 * accum2 / n) / (n - 1.0);
        double skew = n < 3 ? Double.NaN
                : ((double) n / ((n - 1.0) * (n - 2.0))) * (accum3 / (variance * FastMath.sqrt(variance)));
        int distinct = column instanceof DoubleColumn || column instanceof IntColumn
                ? distinct(values) : column.countUnique() - (n < column.size() ? 1 : 0);
        Percentile percentile = new Percentile();
        percentile.setData(values);
        return new NumberStats(column.size() - n, distinct, mean, Math.sqrt(variance), min, percentile.evaluate(25),
                percentile.evaluate(50), percentile.evaluate(75), max, skew);
    }

    /** The present values in row order; empty when every value is missing. */
    static double[] present(NumericColumn<?> column) {
        // A double column copies its whole array at once: no per-row call while the JIT is still cold.
        double[] values = column.asDoubleArray();
        int n = 0;
        for (double v : values) {
            if (v == v) {
                values[n++] = v;
            }
        }
        return n == values.length ? values : Arrays.copyOf(values, n);
    }

    /**
     * Distinct values as Tablesaw's {@code countUnique} tells them apart (by their bits), counted in an
     * open-addressing table of longs instead of a set of boxed values.
     */
    static int distinct(double[] values) {
        int capacity = Integer.highestOneBit(Math.max(4, values.length) * 2 - 1) << 1;
        long[] slots = new long[capacity];
        int mask = capacity - 1;
        // 0 marks an empty slot, so the value whose bits are 0 (+0.0) is counted on the side.
        boolean zero = false;
        int count = 0;
        for (double v : values) {
            long bits = Double.doubleToLongBits(v);
            if (bits == 0) {
                zero = true;
                continue;
            }
            int slot = (int) mix(bits) & mask;
            long stored;
            while ((stored = slots[slot]) != 0 && stored != bits) {
                slot = (slot + 1) & mask;
            }
            if (stored == 0) {
                slots[slot] = bits;
                count++;
            }
        }
        return count + (zero ? 1 : 0);
    }

    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
