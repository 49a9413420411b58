package sluice.eda;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import sluice.render.Chart;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Pearson correlations between the numeric columns, over rows where both values are present. */
record Correlations(List<String> columns, double[][] r) {
    /** Two columns and their correlation. */
    record Pair(String a, String b, double r) {
    }

    static Correlations of(Table table) {
        List<NumericColumn<?>> numeric = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            if (column instanceof NumericColumn<?> n && n.countMissing() < n.size()) {
                numeric.add(n);
            }
        }
        int k = numeric.size();
        double[][] r = new double[k][k];
        for (int i = 0; i < k; i++) {
            r[i][i] = 1;
            for (int j = i + 1; j < k; j++) {
                r[i][j] = r[j][i] = pearson(numeric.get(i), numeric.get(j));
            }
        }
        return new Correlations(numeric.stream().map(Column::name).toList(), r);
    }

    private static double pearson(NumericColumn<?> a, NumericColumn<?> b) {
        double[] x = new double[a.size()];
        double[] y = new double[a.size()];
        int n = 0;
        for (int row = 0; row < a.size(); row++) {
            if (!a.isMissing(row) && !b.isMissing(row)) {
                x[n] = a.getDouble(row);
                y[n] = b.getDouble(row);
                n++;
            }
        }
        if (n < 3) {
            return Double.NaN;
        }
        return new PearsonsCorrelation().correlation(java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n));
    }

    List<Pair> strongerThan(double threshold) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            for (int j = i + 1; j < columns.size(); j++) {
                if (Math.abs(r[i][j]) > threshold) {
                    pairs.add(new Pair(columns.get(i), columns.get(j), r[i][j]));
                }
            }
        }
        return pairs;
    }

    /** The correlation matrix as a heatmap. */
    Chart heatmap() {
        List<List<Double>> z = new ArrayList<>();
        for (double[] row : r) {
            List<Double> values = new ArrayList<>();
            for (double v : row) {
                values.add(Math.round(v * 100) / 100.0);
            }
            z.add(values);
        }
        return new Chart(Chart.Kind.HEATMAP, "Correlations", "", "",
                List.of(new Chart.Series("r", columns, columns, z)), null);
    }
}
