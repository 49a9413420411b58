package sluice.eda;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import sluice.render.Chart;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Pearson correlations between the numeric columns, over rows where both values are present. */
record Correlations(List<String> columns, double[][] r) {
    /** Two columns and their correlation. */
    record Pair(String a, String b, double r) {
    }

    /** Below this share of its raw second moment a variance is rounding noise: the column is constant there. */
    private static final double CONSTANT = 1e-12;

    static Correlations of(Table table) {
        List<NumericColumn<?>> numeric = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            if (column instanceof NumericColumn<?> n && n.countMissing() < n.size()) {
                numeric.add(n);
            }
        }
        int k = numeric.size();
        Centered[] centered = IntStream.range(0, k).parallel().mapToObj(i -> Centered.of(numeric.get(i))).toArray(Centered[]::new);
        double[][] r = new double[k][k];
        int[][] pairs = IntStream.range(0, k).boxed()
                .flatMap(i -> IntStream.range(i + 1, k).mapToObj(j -> new int[] {i, j})).toArray(int[][]::new);
        IntStream.range(0, pairs.length).parallel().forEach(p -> {
            int i = pairs[p][0];
            int j = pairs[p][1];
            r[i][j] = r[j][i] = pearson(centered[i], centered[j]);
        });
        for (int i = 0; i < k; i++) {
            r[i][i] = 1;
        }
        return new Correlations(numeric.stream().map(Column::name).toList(), r);
    }

    /**
     * One column's values minus its mean, missing values as 0, and (when some are missing) a
     * 1/0 mask of the present rows: a pair then needs one branch-free pass over two arrays.
     */
    private record Centered(double[] values, double[] present) {
        static Centered of(NumericColumn<?> column) {
            double[] values = column.asDoubleArray();
            int size = values.length;
            double sum = 0;
            int n = 0;
            for (double v : values) {
                if (v == v) {
                    sum += v;
                    n++;
                }
            }
            double mean = sum / n;
            double[] present = n == size ? null : new double[size];
            for (int row = 0; row < size; row++) {
                double v = values[row];
                if (v == v) {
                    values[row] = v - mean;
                    if (present != null) {
                        present[row] = 1;
                    }
                } else {
                    values[row] = 0;
                }
            }
            return new Centered(values, present);
        }
    }

    /** Pearson's r over the rows where both are present; NaN for fewer than 3 such rows or a constant side. */
    private static double pearson(Centered a, Centered b) {
        double[] x = a.values();
        double[] y = b.values();
        double n;
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        if (a.present() == null && b.present() == null) {
            n = x.length;
            for (int row = 0; row < x.length; row++) {
                double u = x[row];
                double v = y[row];
                sx += u;
                sy += v;
                sxx += u * u;
                syy += v * v;
                sxy += u * v;
            }
        } else {
            double[] px = a.present() == null ? b.present() : a.present();
            double[] py = b.present() == null ? a.present() : b.present();
            n = 0;
            for (int row = 0; row < x.length; row++) {
                double u = x[row] * py[row];
                double v = y[row] * px[row];
                n += px[row] * py[row];
                sx += u;
                sy += v;
                sxx += u * u;
                syy += v * v;
                sxy += u * v;
            }
        }
        if (n < 3) {
            return Double.NaN;
        }
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        if (!(vx > CONSTANT * sxx) || !(vy > CONSTANT * syy)) {
            return Double.NaN;
        }
        double r = (sxy - sx * sy / n) / Math.sqrt(vx * vy);
        return Math.max(-1, Math.min(1, r));
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
