package sluice.ingest;

import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.AbstractColumnParser;
import tech.tablesaw.io.ReadOptions;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * How a file's cells read: their charset, which tokens mean missing, how numbers and dates are written,
 * and the parser for each column type (the one source of truth for what a value means once it is not
 * a plain number): {@link NumberParser} and {@link DateFormats} for numbers and dates, Tablesaw's for
 * booleans and times. It also collects the notes the report shows about columns.
 */
final class CsvCells {
    final Charset charset;
    final ReadOptions readOptions;
    final Numerals numerals;
    final DateFormats dates;
    /** Whether values like 123,45 are to be looked for: the user named no decimal mark or thousands separator. */
    final boolean commaCheck;
    /** A note per column name, for the report; filled from several threads. */
    final Map<String, String> notes = new ConcurrentHashMap<>();
    private final List<String> missing;
    /** Whether some missing token looks like a number, so numbers must be checked against the tokens first. */
    final boolean numericMissing;
    private final byte[][] tokens;
    // cheap rejection before comparing bytes: the first bytes and the longest length of the tokens
    private final boolean[] firstBytes = new boolean[256];
    private final int longest;

    CsvCells(Charset charset, String[] missingTokens, Numerals numerals, DateFormats dates, boolean commaCheck) {
        this.charset = charset;
        this.numerals = numerals;
        this.dates = dates;
        this.commaCheck = commaCheck;
        this.missing = List.of(missingTokens);
        this.readOptions = CsvReadOptions.builder(new StringReader(""))
                .missingValueIndicator(missingTokens)
                .sample(false)
                .build();
        this.tokens = Arrays.stream(missingTokens).filter(t -> !t.isEmpty())
                .map(t -> t.getBytes(charset)).toArray(byte[][]::new);
        for (byte[] token : tokens) {
            firstBytes[token[0] & 0xFF] = true;
        }
        this.longest = Arrays.stream(tokens).mapToInt(t -> t.length).max().orElse(0);
        this.numericMissing = Arrays.stream(tokens)
                .anyMatch(t -> !Double.isNaN(FastNumbers.parseDouble(t, 0, t.length)));
    }

    /** The cells of a file in {@code charset} read with the user's options (missing tokens, --decimal, --thousands, --date-format). */
    static CsvCells of(Charset charset, IngestOptions options) {
        Numerals numerals = new Numerals(options.decimal() == null ? '.' : options.decimal(), options.thousands());
        return new CsvCells(charset, options.missingTokens(), numerals, new DateFormats(options.dateFormat()),
                options.decimal() == null && options.thousands() == null);
    }

    static CsvCells utf8(String[] missingTokens) {
        return new CsvCells(StandardCharsets.UTF_8, missingTokens, Numerals.PLAIN, new DateFormats(null), true);
    }

    /** The same cells with numbers written as {@code other} says. */
    CsvCells with(Numerals other, boolean check) {
        return new CsvCells(charset, missing.toArray(String[]::new), other, dates, check);
    }

    /** Whether the span is empty or one of the missing tokens. */
    boolean isMissing(byte[] b, int start, int end, int flags) {
        int length = end - start;
        if (length == 0) {
            return true;
        }
        if ((flags & CsvTokenizer.RAW) != 0) {
            return parser(ColumnType.STRING).isMissing(text(b, start, end, flags));
        }
        if (length > longest || !firstBytes[b[start] & 0xFF]) {
            return false;
        }
        for (byte[] token : tokens) {
            if (token.length == length && Arrays.equals(b, start, end, token, 0, length)) {
                return true;
            }
        }
        return false;
    }

    String text(byte[] b, int start, int end, int flags) {
        return CsvTokenizer.decode(b, start, end, flags, charset);
    }

    /** The parser type detection uses for {@code type}. */
    AbstractColumnParser<?> parser(ColumnType type) {
        return parser(type, false);
    }

    /** @param given whether the user fixed the column's type (then a date column reads by --date-format, if given) */
    AbstractColumnParser<?> parser(ColumnType type, boolean given) {
        if (type == ColumnType.INTEGER || type == ColumnType.LONG || type == ColumnType.DOUBLE) {
            return new NumberParser(type, numerals, missing);
        }
        if (type == ColumnType.LOCAL_DATE || type == ColumnType.LOCAL_DATE_TIME) {
            return dates.parser(type, given, missing);
        }
        return type.customParser(readOptions);
    }

    /** The type with its article for messages; a date type read by --date-format says so. */
    String describe(ColumnType type) {
        return dates.pattern != null && type == dates.patternType()
                ? ColumnTypes.describe(type).replaceFirst(" \\(like .*\\)", "") + " in --date-format " + dates.pattern
                : ColumnTypes.describe(type);
    }
}
