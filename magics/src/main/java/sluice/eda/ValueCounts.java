package sluice.eda;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.columns.Column;

/** How often each value of a column occurs, most frequent first (ties in value order). */
final class ValueCounts {
    private ValueCounts() {
    }

    /** @param missing the label missing values are counted under, or null to leave them out */
    static List<Map.Entry<String, Integer>> of(Column<?> column, String missing) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row)) {
                counts.merge(column.getString(row), 1, Integer::sum);
            } else if (missing != null) {
                counts.merge(missing, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        return entries;
    }
}
