package sluice.ingest;

import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.AbstractColumnParser;
import tech.tablesaw.io.ReadOptions;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * How a file's cells read: their charset, which tokens mean missing, and Tablesaw's parser for each
 * column type (the one source of truth for what a value means once it is not a plain number).
 */
final class CsvCells {
    final Charset charset;
    /** How the file writes numbers (decimal mark, thousands separator). */
    final Numerals numerals;
    final ReadOptions readOptions;
    /** Whether some missing token looks like a number, so numbers must be checked against the tokens first. */
    final boolean numericMissing;
    private final byte[][] tokens;
    // cheap rejection before comparing bytes: the first bytes and the longest length of the tokens
    private final boolean[] firstBytes = new boolean[256];
    private final int longest;

    CsvCells(Charset charset, String[] missingTokens) {
        this(charset, missingTokens, Numerals.PLAIN);
    }

    CsvCells(Charset charset, String[] missingTokens, Numerals numerals) {
        this.charset = charset;
        this.numerals = numerals;
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

    static CsvCells utf8(String[] missingTokens) {
        return new CsvCells(StandardCharsets.UTF_8, missingTokens);
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

    AbstractColumnParser<?> parser(ColumnType type) {
        return numerals.parser(type, readOptions);
    }
}
