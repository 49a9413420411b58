package sluice.ingest;

import java.util.List;
import sluice.magic.DidYouMean;
import sluice.magic.UsageError;
import tech.tablesaw.api.Table;

/** {@code --columns A,B}: the names checked against what the source holds, and a table cut down to them. */
final class ColumnSelection {
    private ColumnSelection() {
    }

    /** Throws a one-line error for the first asked column that {@code available} lacks. */
    static void check(List<String> asked, List<String> available) {
        for (String name : asked) {
            if (!available.contains(name)) {
                throw new UsageError("No column '" + name + "' in --columns." + DidYouMean.hint(name, available, "")
                        + " Columns: " + String.join(", ", available) + ".");
            }
        }
    }

    /** The table with only the asked columns, in the asked order; the table itself when none are asked. */
    static Table select(Table table, List<String> asked) {
        if (asked.isEmpty() || table.columnNames().equals(asked)) {
            return table;
        }
        check(asked, table.columnNames());
        Table selected = table.selectColumns(asked.toArray(String[]::new));
        selected.setName(table.name());
        return selected;
    }
}
