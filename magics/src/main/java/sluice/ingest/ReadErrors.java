package sluice.ingest;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sluice.magic.UsageError;
import tech.tablesaw.io.AddCellToColumnException;
import tech.tablesaw.io.ColumnIndexOutOfBoundsException;

/** Tablesaw's reading failures, restated as one line that names the file, line, column and value. */
final class ReadErrors {
    private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']*)[\"']");
    private static final Pattern COUNTS = Pattern.compile("contains (\\d+) columns\\. (\\d+) expected");

    private ReadErrors() {
    }

    /**
     * @param header whether the file's first line is a header, so data row numbers shift by one
     */
    static RuntimeException explain(RuntimeException e, Path file, boolean header) {
        String name = file.getFileName().toString();
        int headerLines = header ? 1 : 0;
        if (e instanceof ColumnIndexOutOfBoundsException bounds) {
            long line = bounds.getRowNumber() + 1 + headerLines;
            return new UsageError(name + " line " + line + ": found " + bounds.getLine().length
                    + " fields where the first row has fewer. Fix the row, or check the separator (--sep).");
        }
        if (e instanceof AddCellToColumnException cell) {
            long line = cell.getRowNumber() + headerLines;
            String cause = cell.getCause() == null ? "" : String.valueOf(cell.getCause().getMessage());
            Matcher counts = COUNTS.matcher(cause);
            if (counts.find()) {
                return new UsageError(name + " line " + line + ": found " + counts.group(1) + " fields, expected "
                        + counts.group(2) + ". Fix the row, or check the separator (--sep).");
            }
            Matcher value = QUOTED.matcher(cause);
            String shown = value.find() ? "'" + value.group(1) + "'" : "a value";
            return new UsageError(name + " line " + line + ", column '" + cell.getColumnName() + "': " + shown
                    + " does not fit the column's type. Read it as text with --types " + cell.getColumnName()
                    + "=text, or add the token to --missing.");
        }
        return e;
    }
}
