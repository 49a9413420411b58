package sluice.eda;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The tabular views of {@code %eda}: value counts and missing values, as tables. */
final class Views {
    private Views() {
    }

    /** Each value of {@code column} (missing as "NA") with its count and share, most frequent first. */
    static Table counts(Column<?> column) {
        List<Map.Entry<String, Integer>> entries = ValueCounts.of(column, "NA");
        StringColumn values = StringColumn.create(column.name());
        IntColumn n = IntColumn.create("count");
        StringColumn share = StringColumn.create("share");
        for (Map.Entry<String, Integer> entry : entries) {
            values.append(entry.getKey());
            n.append(entry.getValue());
            share.append(String.format("%.1f%%", 100.0 * entry.getValue() / column.size()));
        }
        return Table.create("counts of " + column.name(), values, n, share);
    }

    /** Missing values per column, the most missing first. */
    static Table missing(Table table) {
        List<Column<?>> columns = new ArrayList<>(table.columns());
        columns.sort(Comparator.comparingInt((Column<?> c) -> c.countMissing()).reversed());
        StringColumn names = StringColumn.create("column");
        IntColumn n = IntColumn.create("missing");
        StringColumn share = StringColumn.create("share");
        for (Column<?> column : columns) {
            names.append(column.name());
            n.append(column.countMissing());
            share.append(String.format("%.1f%%", table.rowCount() == 0 ? 0.0 : 100.0 * column.countMissing() / table.rowCount()));
        }
        return Table.create("missing values", names, n, share);
    }
}
