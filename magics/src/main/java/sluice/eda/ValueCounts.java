package sluice.eda;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** How often each value of a column occurs, most frequent first (ties in value order). */
final class ValueCounts {
    private ValueCounts() {
    }

    /** @param missing the label missing values are counted under, or null to leave them out */
    static List<Map.Entry<String, Integer>> of(Column<?> column, String missing) {
        return sorted(column instanceof StringColumn strings ? fromDictionary(strings, missing) : byRow(column, missing));
    }

    /** A text column's dictionary already counts each value: reading those counts costs one entry per distinct value. */
    private static Map<String, Integer> fromDictionary(StringColumn column, String missing) {
        Table categories = column.countByCategory();
        Column<?> values = categories.column(0);
        Column<?> counts = categories.column(1);
        Map<String, Integer> merged = new LinkedHashMap<>();
        for (int i = 0; i < categories.rowCount(); i++) {
            String value = values.getString(i);
            int count = ((Number) counts.get(i)).intValue();
            if (count == 0) {
                continue;
            }
            if (!value.isEmpty()) {
                merged.merge(value, count, Integer::sum);
            } else if (missing != null) {
                merged.merge(missing, count, Integer::sum);
            }
        }
        return merged;
    }

    static Map<String, Integer> byRow(Column<?> column, String missing) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row)) {
                counts.merge(column.getString(row), 1, Integer::sum);
            } else if (missing != null) {
                counts.merge(missing, 1, Integer::sum);
            }
        }
        return counts;
    }

    static List<Map.Entry<String, Integer>> sorted(Map<String, Integer> counts) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        return entries;
    }
}
