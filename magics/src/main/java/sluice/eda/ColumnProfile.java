package sluice.eda;

import java.util.LinkedHashMap;
import java.util.Map;
import sluice.render.TypeNames;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/**
 * What {@code %eda} says about one column: its type and missing values and, for numbers, the
 * usual statistics (mean, std, min, quartiles, max, skew), or, for text, the distinct count and the
 * most frequent values.
 */
record ColumnProfile(String name, String type, int missing, int size, Double mean, Double std, Double min,
                     Double q1, Double median, Double q3, Double max, Double skew, int distinct,
                     Map<String, Integer> top) {
    static final int TOP = 5;

    static ColumnProfile of(Column<?> column) {
        if (column instanceof NumericColumn<?> numbers && column.countMissing() < column.size()) {
            NumberStats s = NumberStats.of(numbers);
            return new ColumnProfile(column.name(), TypeNames.of(column.type()), s.missing(), column.size(), s.mean(), s.std(),
                    s.min(), s.q1(), s.median(), s.q3(), s.max(), s.skew(), s.distinct(), Map.of());
        }
        int missing = column.countMissing();
        int distinct = column.countUnique() - (missing > 0 ? 1 : 0);
        return new ColumnProfile(column.name(), TypeNames.of(column.type()), missing, column.size(), null, null, null, null,
                null, null, null, null, distinct, topValues(column));
    }

    boolean numeric() {
        return mean != null;
    }

    double missingShare() {
        return size == 0 ? 0 : (double) missing / size;
    }

    /** The most frequent non-missing values with their counts, most frequent first. */
    private static Map<String, Integer> topValues(Column<?> column) {
        Map<String, Integer> top = new LinkedHashMap<>();
        ValueCounts.of(column, null).stream().limit(TOP).forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
