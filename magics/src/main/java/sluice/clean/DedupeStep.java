package sluice.clean;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import sluice.pipeline.Step;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * {@code %clean dedupe [COLS]}: keeps the first row of each group of rows equal in these columns
 * (every column when none are named); missing values count as equal. Recorded but not replayed.
 */
public record DedupeStep(List<String> columns) implements Step {
    private static final long serialVersionUID = 1L;

    public DedupeStep {
        columns = List.copyOf(columns);
    }

    @Override
    public DedupeStep fit(Table table) {
        Columns.requireAll(table, columns);
        return this;
    }

    @Override
    public Table apply(Table table) {
        Columns.requireAll(table, columns);
        List<Column<?>> keyColumns = new ArrayList<>();
        for (String name : Columns.orAll(table, columns)) {
            keyColumns.add(table.column(name));
        }
        Set<List<Object>> seen = new HashSet<>();
        Selection first = new BitmapBackedSelection();
        for (int row = 0; row < table.rowCount(); row++) {
            List<Object> key = new ArrayList<>(keyColumns.size());
            for (Column<?> column : keyColumns) {
                key.add(column.isMissing(row) ? null : column.get(row));
            }
            if (seen.add(key)) {
                first.add(row);
            }
        }
        return table.where(first);
    }

    @Override
    public String describe() {
        return columns.isEmpty() ? "dedupe rows" : "dedupe rows by " + Columns.join(columns);
    }

    @Override
    public boolean replayed() {
        return false;
    }
}
