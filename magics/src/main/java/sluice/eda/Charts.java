package sluice.eda;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import sluice.magic.UsageError;
import sluice.render.Chart;
import sluice.render.TypeNames;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The plotted views of {@code %eda}, computed in Java so that only aggregates reach the notebook. */
final class Charts {
    /** Scatter plots of more rows than this are sampled (seeded, so a rerun draws the same points). */
    static final int SCATTER_POINTS = 5_000;

    private Charts() {
    }

    static Chart histogram(Column<?> column, int bins) {
        if (bins < 1 || bins > 1_000) {
            throw new UsageError("--bins takes 1 to 1000, not " + bins + ".");
        }
        NumericColumn<?> numbers = numeric(column, "hist", "Try %eda counts " + column.name() + ".");
        double[] values = ((NumericColumn<?>) numbers.removeMissing()).asDoubleArray();
        if (values.length == 0) {
            throw new UsageError(column.name() + " has no values to plot (all missing).");
        }
        double min = numbers.min();
        double max = numbers.max();
        double width = max > min ? (max - min) / bins : 1;
        int[] counts = new int[max > min ? bins : 1];
        for (double v : values) {
            counts[Math.min(counts.length - 1, (int) ((v - min) / width))]++;
        }
        List<Double> edges = new ArrayList<>();
        List<Integer> heights = new ArrayList<>();
        for (int i = 0; i <= counts.length; i++) {
            edges.add(min + i * width);
        }
        for (int count : counts) {
            heights.add(count);
        }
        String missing = column.countMissing() == 0 ? null : column.countMissing() + " missing values not shown";
        return new Chart(Chart.Kind.HISTOGRAM, "Histogram of " + column.name(), column.name(), "count",
                List.of(new Chart.Series(column.name(), edges, heights)), missing);
    }

    static Chart box(Column<?> x, Column<?> y) {
        if (!(x instanceof StringColumn groups)) {
            throw new UsageError("box needs a text column for --x; '" + x.name() + "' is numeric. Try %eda scatter --x "
                    + x.name() + " --y " + y.name() + ".");
        }
        NumericColumn<?> values = numeric(y, "box --y", "");
        double[] all = values.asDoubleArray();
        Map<String, Group> byGroup = new LinkedHashMap<>();
        for (int row = 0; row < all.length; row++) {
            String group = groups.get(row);
            if (all[row] == all[row] && !group.isEmpty()) {
                byGroup.computeIfAbsent(group, g -> new Group()).add(all[row]);
            }
        }
        if (byGroup.isEmpty()) {
            throw new UsageError("No row has both " + x.name() + " and " + y.name() + ".");
        }
        List<Chart.Series> series = new ArrayList<>();
        byGroup.forEach((group, members) -> series.add(new Chart.Series(group, List.of(group), FiveNumbers.of(members.values()))));
        return new Chart(Chart.Kind.BOX, y.name() + " by " + x.name(), x.name(), y.name(), series, null);
    }

    static Chart scatter(Table table, Column<?> x, Column<?> y, Column<?> color) {
        NumericColumn<?> xs = numeric(x, "scatter --x", "");
        NumericColumn<?> ys = numeric(y, "scatter --y", "");
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            if (!xs.isMissing(row) && !ys.isMissing(row)) {
                rows.add(row);
            }
        }
        String note = null;
        if (rows.size() > SCATTER_POINTS) {
            note = String.format("%,d of %,d rows sampled", SCATTER_POINTS, rows.size());
            java.util.Collections.shuffle(rows, new Random(42));
            rows = new ArrayList<>(rows.subList(0, SCATTER_POINTS));
            rows.sort(null);
        }
        Map<String, List<List<Double>>> groups = new LinkedHashMap<>();
        for (int row : rows) {
            String group = color == null ? y.name() : color.isMissing(row) ? "NA" : color.getString(row);
            List<List<Double>> points = groups.computeIfAbsent(group, g -> List.of(new ArrayList<>(), new ArrayList<>()));
            points.get(0).add(xs.getDouble(row));
            points.get(1).add(ys.getDouble(row));
        }
        List<Chart.Series> series = new ArrayList<>();
        groups.forEach((group, points) -> series.add(new Chart.Series(group, points.get(0), points.get(1))));
        return new Chart(Chart.Kind.SCATTER, y.name() + " against " + x.name(), x.name(), y.name(), series, note);
    }

    static Chart correlations(Table table) {
        Correlations correlations = Correlations.of(table);
        if (correlations.columns().size() < 2) {
            throw new UsageError("corr needs at least two numeric columns; this table has "
                    + correlations.columns().size() + ".");
        }
        return correlations.heatmap();
    }

    /** One box's values, in a growing primitive array: a million rows are not boxed one by one. */
    private static final class Group {
        private double[] values = new double[64];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        double[] values() {
            return Arrays.copyOf(values, size);
        }
    }

    private static NumericColumn<?> numeric(Column<?> column, String view, String hint) {
        if (column instanceof NumericColumn<?> numbers) {
            return numbers;
        }
        throw new UsageError(view + " needs a numeric column; '" + column.name() + "' is " + TypeNames.column(column.type()) + "."
                + (hint.isEmpty() ? "" : " " + hint));
    }
}
