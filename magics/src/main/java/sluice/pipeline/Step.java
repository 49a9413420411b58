package sluice.pipeline;

import java.io.Serializable;
import tech.tablesaw.api.Table;

/**
 * One recorded cleaning step: what the user asked for and, once fitted, what it learned from the
 * data (a mean, a mode, category levels, clip bounds). A fitted step applies those values unchanged
 * to any table with the same columns, such as new rows at prediction time.
 */
public interface Step extends Serializable {
    /**
     * Learns this step's values from {@code table} and returns the fitted step; a step that learns
     * nothing returns itself. Fitting never changes {@code table}.
     *
     * @throws sluice.magic.UsageError when the step cannot apply to this table (unknown column, wrong type)
     */
    Step fit(Table table);

    /** The table with this fitted step applied: a new table; {@code table} is not changed. */
    Table apply(Table table);

    /** The step with its fitted values, as {@code %clean steps} lists it: "fill bill_length_mm with mean 43.92". */
    String describe();

    /**
     * Whether the step runs again on new rows. Steps that only make sense on a whole table once
     * (dedupe, drop-missing) are recorded but not replayed.
     */
    default boolean replayed() {
        return true;
    }

    /** The name {@code column} had before this step: another name only for a rename. */
    default String sourceOf(String column) {
        return column;
    }
}
