package sluice.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sluice.magic.DidYouMean;
import sluice.magic.UsageError;
import sluice.render.TypeNames;
import tech.tablesaw.api.ColumnType;

/**
 * The column type names users write in {@code --types col=type}, mapped to Tablesaw's types: the words every output
 * uses ({@link TypeNames}) and old or other names (int, long, double, string, category, datetime), which are read but never suggested.
 */
final class ColumnTypes {
    private static final Map<String, ColumnType> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("integer", ColumnType.INTEGER);
        NAMES.put("int", ColumnType.INTEGER);
        NAMES.put("long", ColumnType.LONG);
        NAMES.put("decimal", ColumnType.DOUBLE);
        NAMES.put("double", ColumnType.DOUBLE);
        NAMES.put("boolean", ColumnType.BOOLEAN);
        NAMES.put("date", ColumnType.LOCAL_DATE);
        NAMES.put("date-time", ColumnType.LOCAL_DATE_TIME);
        NAMES.put("datetime", ColumnType.LOCAL_DATE_TIME);
        NAMES.put("text", ColumnType.STRING);
        NAMES.put("string", ColumnType.STRING);
        NAMES.put("category", ColumnType.STRING);
    }

    private ColumnTypes() {
    }

    /** The type with its article, for messages: "an integer", "a date-time". */
    static String describe(ColumnType type) {
        if (type == ColumnType.INTEGER || type == ColumnType.LONG) {
            return "an integer";
        }
        if (type == ColumnType.DOUBLE || type == ColumnType.FLOAT) {
            return "a decimal number";
        }
        if (type == ColumnType.BOOLEAN) {
            return "a boolean (true/false)";
        }
        if (type == ColumnType.LOCAL_DATE) {
            return "a date (like 2024-01-31)";
        }
        if (type == ColumnType.LOCAL_DATE_TIME) {
            return "a date-time (like 2024-01-31T13:45:00)";
        }
        if (type == ColumnType.LOCAL_TIME) {
            return "a time (like 13:45:00)";
        }
        return "a " + TypeNames.of(type) + " value";
    }

    static ColumnType parse(String column, String name) {
        ColumnType type = NAMES.get(name.toLowerCase());
        if (type == null) {
            throw new UsageError("Unknown type '" + name + "' for column '" + column + "'."
                    + DidYouMean.closest(name, NAMES.keySet()).map(c -> " Did you mean '" + TypeNames.of(NAMES.get(c)) + "'?").orElse("")
                    + " Types: integer, decimal, boolean, date, date-time, text.");
        }
        return type;
    }

    /** The user's {@code col=type} map resolved against the real column names (with did-you-mean). */
    static Map<String, ColumnType> resolve(Map<String, String> types, List<String> columns) {
        Map<String, ColumnType> resolved = new LinkedHashMap<>();
        types.forEach((column, type) -> {
            if (!columns.contains(column)) {
                throw new UsageError("No column '" + column + "' in --types." + DidYouMean.hint(column, columns, "")
                        + " Columns: " + String.join(", ", columns) + ".");
            }
            resolved.put(column, parse(column, type));
        });
        return resolved;
    }
}
