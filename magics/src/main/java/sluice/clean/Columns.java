package sluice.clean;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import sluice.magic.DidYouMean;
import sluice.magic.UsageError;
import sluice.render.TypeNames;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The column checks and table rebuilding the cleaning steps share. */
final class Columns {
    private Columns() {
    }

    /** Fails with the closest existing name unless every one of {@code names} is a column of {@code table}. */
    static void requireAll(Table table, List<String> names) {
        List<String> present = table.columnNames();
        for (String name : names) {
            if (!present.contains(name)) {
                throw new UsageError("No column '" + name + "'." + DidYouMean.hint(name, present, ""));
            }
        }
    }

    /** {@code names} without repeats, in the order given; an empty list means every column of {@code table}. */
    static List<String> orAll(Table table, List<String> names) {
        return names.isEmpty() ? table.columnNames() : List.copyOf(new LinkedHashSet<>(names));
    }

    static boolean isNumeric(Column<?> column) {
        return column instanceof NumericColumn<?>;
    }

    /** "text", "boolean", "date": how a column's type reads in a message, in the words %ingest and the table view use. */
    static String kind(Column<?> column) {
        return TypeNames.of(column.type());
    }

    /**
     * A new table with {@code replaced} columns in place of those of the same name and the others as
     * they are. Steps never change a column in place, so tables before and after a step can share
     * the columns it left alone; copying them made a step on a million rows several times slower.
     */
    static Table replacing(Table table, Map<String, Column<?>> replaced) {
        List<Column<?>> columns = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            Column<?> swap = replaced.get(column.name());
            columns.add(swap != null ? swap : column);
        }
        return Table.create(table.name(), columns);
    }

    /** The names joined with ", ", for descriptions: "species, island". */
    static String join(List<String> names) {
        return String.join(", ", names);
    }
}
