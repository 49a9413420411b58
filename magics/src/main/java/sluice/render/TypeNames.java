package sluice.render;

import tech.tablesaw.api.ColumnType;

/**
 * The words for column types that every output, error and document uses: integer, decimal, text, boolean,
 * date, date-time and time ({@code %ingest --types} and {@code %clean cast --to} read them, with a few old
 * aliases). Tablesaw's own names (DOUBLE, LOCAL_DATE, STRING) are never shown.
 */
public final class TypeNames {
    private TypeNames() {
    }

    public static String of(ColumnType type) {
        return switch (type.name()) {
            case "INTEGER", "LONG", "SHORT" -> "integer";
            case "DOUBLE", "FLOAT" -> "decimal";
            case "BOOLEAN" -> "boolean";
            case "LOCAL_DATE" -> "date";
            case "LOCAL_DATE_TIME", "INSTANT" -> "date-time";
            case "LOCAL_TIME" -> "time";
            case "STRING", "TEXT" -> "text";
            default -> type.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** "an integer column", "a date column": a column of {@code type}, for messages. */
    public static String column(ColumnType type) {
        String word = of(type);
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word + " column";
    }

    /** The word for a Tablesaw type named as {@link ColumnType#name()} gives it (how a saved model holds it). */
    public static String of(String tablesawName) {
        return of(ColumnType.valueOf(tablesawName));
    }
}
