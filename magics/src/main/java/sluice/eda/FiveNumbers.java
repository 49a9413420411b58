package sluice.eda;

import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/** A box plot's numbers: lower fence, first quartile, median, third quartile, upper fence (1.5 × IQR). */
final class FiveNumbers {
    private FiveNumbers() {
    }

    static List<Double> of(double[] data) {
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(data);
        double q1 = percentile.evaluate(25);
        double median = percentile.evaluate(50);
        double q3 = percentile.evaluate(75);
        double iqr = q3 - q1;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double v : data) {
            if (v >= q1 - 1.5 * iqr) {
                low = Math.min(low, v);
            }
            if (v <= q3 + 1.5 * iqr) {
                high = Math.max(high, v);
            }
        }
        return List.of(low, q1, median, q3, high);
    }
}
