package sluice.clean;

import java.util.Arrays;
import tech.tablesaw.api.NumericColumn;

/** Medians and quartiles by linear interpolation between order statistics, as pandas and numpy compute them. */
final class Quantiles {
    private Quantiles() {
    }

    /** The non-missing values of {@code column}, sorted. */
    static double[] sortedValues(NumericColumn<?> column) {
        double[] values = new double[column.size()];
        int count = 0;
        for (int i = 0; i < column.size(); i++) {
            if (!column.isMissing(i)) {
                values[count++] = column.getDouble(i);
            }
        }
        double[] present = Arrays.copyOf(values, count);
        Arrays.sort(present);
        return present;
    }

    /** The {@code p} quantile (0 to 1) of non-empty {@code sorted}. */
    static double quantile(double[] sorted, double p) {
        double position = (sorted.length - 1) * p;
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
