package sluice.clean;

import java.util.List;
import sluice.pipeline.Step;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * {@code %clean drop-missing [COLS] [--how any|all]}: drops the rows missing a value in any (or all)
 * of the columns, every column when none are named. Recorded but not replayed: a prediction request
 * must not lose its rows.
 */
public record DropMissingStep(List<String> columns, How how) implements Step {
    private static final long serialVersionUID = 1L;

    /** Whether a row goes when any of the columns is missing or only when all of them are. */
    public enum How {
        ANY, ALL;

        /** {@code any} or {@code all}, as the user writes it after {@code --how}. */
        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public DropMissingStep {
        columns = List.copyOf(columns);
    }

    @Override
    public DropMissingStep fit(Table table) {
        Columns.requireAll(table, columns);
        return this;
    }

    @Override
    public Table apply(Table table) {
        Columns.requireAll(table, columns);
        Selection drop = null;
        for (String name : Columns.orAll(table, columns)) {
            Selection missing = table.column(name).isMissing();
            drop = drop == null ? missing : how == How.ANY ? drop.or(missing) : drop.and(missing);
        }
        return drop == null ? table.copy() : table.dropWhere(drop);
    }

    @Override
    public String describe() {
        if (columns.isEmpty()) {
            return how == How.ANY ? "drop rows missing any value" : "drop rows missing every value";
        }
        if (columns.size() == 1) {
            return "drop rows missing " + columns.get(0);
        }
        return "drop rows missing " + (how == How.ANY ? "any" : "all") + " of " + Columns.join(columns);
    }

    @Override
    public boolean replayed() {
        return false;
    }
}
