package sluice.ingest;

import java.util.List;
import java.util.Map;

/**
 * What {@code %ingest} was asked to read, checked and normalised: the source, the table name to keep
 * it under, and the reading options that apply to its kind of source.
 *
 * @param separator  field separator, or null to detect it
 * @param header     whether the first row holds the column names, or null to detect it
 * @param missing    extra tokens that mean "missing", besides the defaults
 * @param types      column types the user fixed by name (integer, decimal, boolean, date, date-time, text)
 * @param limit      rows to read at most, or null for all
 * @param query      SQL to run, for a JDBC source
 * @param table      table to read, for a JDBC source
 * @param passwordEnv environment variable holding the database password
 * @param password   the database password typed at {@code --password-prompt}, or null; never shown
 * @param columns    the columns to keep, in this order; empty for all
 * @param sheet      for an Excel workbook, the sheet by name or 1-based position; null for the first
 * @param decimal    decimal mark of delimited text ('.' or ','), or null for '.' with decimal commas detected
 * @param thousands  thousands separator of delimited text, or null for none
 * @param dateFormat java.time pattern for date or date-time columns, or null for the detected forms
 * @param encoding   charset name of text files, or null to detect it
 */
public record IngestOptions(String source, Character separator, Boolean header, List<String> missing,
                            Map<String, String> types, Integer limit, String query, String table, String passwordEnv,
                            String password, List<String> columns, String sheet, Character decimal, Character thousands, String dateFormat,
                            String encoding) {

    /** Tokens read as missing in every text source. */
    public static final List<String> DEFAULT_MISSING = List.of("", "NA", "NaN", "null", "NULL", "N/A");

    public IngestOptions {
        missing = List.copyOf(missing);
        types = Map.copyOf(types);
        columns = List.copyOf(columns);
    }

    /** These options with only {@code kept} as --columns (empty for all) and {@code rows} as --limit (null for all). */
    IngestOptions with(List<String> kept, Integer rows) {
        return new IngestOptions(source, separator, header, missing, types, rows, query, table, passwordEnv, password, kept,
                sheet, decimal, thousands, dateFormat, encoding);
    }

    /** As a record prints itself, but without the typed password. */
    @Override
    public String toString() {
        return "IngestOptions[source=" + Secrets.mask(source) + (password == null ? "" : ", password=***") + "]";
    }

    /** Default and extra missing-value tokens together. */
    public String[] missingTokens() {
        return java.util.stream.Stream.concat(DEFAULT_MISSING.stream(), missing.stream()).distinct().toArray(String[]::new);
    }
}
