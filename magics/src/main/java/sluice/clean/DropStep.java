package sluice.clean;

import java.util.ArrayList;
import java.util.List;
import sluice.magic.UsageError;
import sluice.pipeline.Step;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** {@code %clean drop COLS}: removes columns, from new rows too. */
public record DropStep(List<String> columns) implements Step {
    private static final long serialVersionUID = 1L;

    public DropStep {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new UsageError("Name the columns to drop, e.g. %clean drop year.");
        }
    }

    @Override
    public DropStep fit(Table table) {
        Columns.requireAll(table, columns);
        if (table.columnNames().stream().allMatch(columns::contains)) {
            throw new UsageError("Cannot drop every column; keep at least one.");
        }
        return this;
    }

    @Override
    public Table apply(Table table) {
        Columns.requireAll(table, columns);
        List<Column<?>> kept = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            if (!columns.contains(column.name())) {
                kept.add(column.copy());
            }
        }
        return Table.create(table.name(), kept);
    }

    @Override
    public String describe() {
        return "drop " + Columns.join(columns);
    }
}
