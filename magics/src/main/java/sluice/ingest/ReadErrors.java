package sluice.ingest;

import sluice.magic.UsageError;

/**
 * Reading failures as one line that says where (file and line, or record for JSON), which column,
 * which value, and what to do. Lines are the file's physical lines, counted from 1 with the header,
 * so an editor's "go to line" lands on the row.
 */
final class ReadErrors {
    private static final int SHOWN = 60;

    private ReadErrors() {
    }

    /** The trouble that stopped a stretch of a delimited file, found at {@code line}. */
    static UsageError of(CsvPart part, String file, long line, ParallelCsvReader.Plan plan, boolean header, CsvCells cells) {
        String where = file + " line " + line;
        return switch (part.trouble) {
            case UNCLOSED_QUOTE -> unclosedQuote(file, line);
            case FIELD_COUNT -> fieldCount(where, part.troubleFields, plan.columns(), part.troubleColumn, part.troubleValue, header);
            case BAD_VALUE -> badValue(where, plan.columns().get(part.troubleColumn), part.troubleValue,
                    cells.describe(plan.types()[part.troubleColumn]));
        };
    }

    static UsageError unclosedQuote(String file, long line) {
        return new UsageError(file + " line " + line + ": a quoted field opens here and never closes."
                + " Look for a stray \" in that row.");
    }

    static UsageError fieldCount(String where, int found, java.util.List<String> columns, int column, String value,
                                 boolean header) {
        String expected = columns.size() + (header ? " columns in the header" : " fields in the first row");
        if (found > columns.size()) {
            return new UsageError(where + ": " + found + " fields where there are " + expected + "; the first extra value is "
                    + shown(value) + ". Quote values that hold the separator, or check --sep.");
        }
        return new UsageError(where + ": " + found + (found == 1 ? " field" : " fields") + " where there are " + expected
                + "; no value for column '" + columns.get(column) + "'. Fill the row (an empty field is a missing value), or check --sep.");
    }

    /**
     * A value that does not parse as its column's type; {@code where} is e.g. "a.csv line 7" or "a.json record 3",
     * {@code type} as {@link CsvCells#describe} puts it.
     */
    static UsageError badValue(String where, String column, String value, String type) {
        return new UsageError(where + ", column '" + column + "': " + shown(value) + " is not " + type
                + ". Fix the value, read the column as text with --types " + column + "=text, or add the token to --missing.");
    }

    private static String shown(String value) {
        if (value == null) {
            return "''";
        }
        String flat = value.replace("\n", "\\n").replace("\r", "\\r");
        return "'" + (flat.length() > SHOWN ? flat.substring(0, SHOWN) + "…" : flat) + "'";
    }
}
