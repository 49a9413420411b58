package sluice.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.AbstractColumnParser;
import tech.tablesaw.io.ReadOptions;

/**
 * One column's type, found value by value by Tablesaw's rule: the first type of
 * {@code columnTypesToDetect()} whose parser accepts every value that is not missing (text when
 * every value is missing). Values come as Strings or straight from a file's bytes; a plain number
 * is known to be an integer, long or decimal (and not a boolean) without a String or a parser call,
 * and a value no remaining type could reject is not looked at, so most sampled cells cost a few
 * byte comparisons.
 */
final class TypeGuess {
    static final int OTHER = 0;
    static final int DECIMAL = 1;
    static final int INTEGER = 2;
    private static final int MAX_REMEMBERED = 1 << 12;

    private final ReadOptions options;
    /** Whether plain-looking numbers may be judged by their bytes (a decimal point, not a comma). */
    private final boolean plainPoint;
    private final List<ColumnType> candidates;
    private final List<AbstractColumnParser<?>> parsers = new ArrayList<>();
    private final AbstractColumnParser<?> missing;
    // values already looked at: looking again cannot narrow the types further
    private final Set<String> seen = new HashSet<>();
    private boolean present;

    TypeGuess(ReadOptions options) {
        this(options, Numerals.PLAIN);
    }

    TypeGuess(ReadOptions options, Numerals numerals) {
        this.options = options;
        this.plainPoint = numerals.plainPoint();
        this.candidates = new ArrayList<>(options.columnTypesToDetect());
        candidates.forEach(type -> parsers.add(numerals.parser(type, options)));
        this.missing = ColumnType.STRING.customParser(options);
    }

    /** The type that fits every value offered so far. */
    ColumnType type() {
        List<ColumnType> all = options.columnTypesToDetect();
        return present ? candidates.get(0) : all.get(all.size() - 1);
    }

    /** Whether some value offered was not missing. */
    boolean present() {
        return present;
    }

    /** Offers a value; null, empty and missing tokens say nothing about the type. */
    void offer(String value) {
        if (value == null || value.isEmpty() || missing.isMissing(value)) {
            return;
        }
        present = true;
        if (seen.contains(value)) {
            return;
        }
        int shape = plainPoint ? shape(value) : OTHER;
        boolean fitsInt = shape == INTEGER && value.length() <= 11 && fitsInt(Long.parseLong(value));
        if (needsLook(shape, fitsInt)) {
            look(value, shape);
        }
    }

    /** Offers a field of a delimited file (in the tokenizer's terms) that is not a missing token. */
    void offer(byte[] b, int start, int end, int flags, CsvCells cells) {
        present = true;
        int shape = (flags & CsvTokenizer.RAW) != 0 || !plainPoint ? OTHER : FastNumbers.shape(b, start, end);
        boolean fitsInt = shape == INTEGER && fitsInt(FastNumbers.parseLong(b, start, end));
        if (needsLook(shape, fitsInt)) {
            String value = cells.text(b, start, end, flags);
            if (!seen.contains(value)) {
                look(value, shape);
            }
        }
    }

    /** Whether some remaining type might reject a value of this shape, or needs its text to decide. */
    private boolean needsLook(int shape, boolean fitsInt) {
        for (ColumnType type : candidates) {
            boolean acceptsUnseen = type == ColumnType.STRING
                    || (shape != OTHER && type == ColumnType.DOUBLE)
                    || (shape == INTEGER && type == ColumnType.LONG)
                    || (fitsInt && type == ColumnType.INTEGER);
            if (!acceptsUnseen) {
                return true;
            }
        }
        return false;
    }

    private static boolean fitsInt(long number) {
        return number != FastNumbers.NOT_A_LONG && number == (int) number;
    }

    private void look(String value, int shape) {
        if (seen.size() >= MAX_REMEMBERED) {
            seen.clear();
        }
        seen.add(value);
        narrow(value, shape);
    }

    private void narrow(String value, int shape) {
        for (int i = candidates.size() - 1; i >= 0; i--) {
            if (!accepts(candidates.get(i), parsers.get(i), value, shape)) {
                candidates.remove(i);
                parsers.remove(i);
            }
        }
    }

    /** What {@code parser.canParse(value)} answers, found without the parser for plain numbers. */
    private static boolean accepts(ColumnType type, AbstractColumnParser<?> parser, String value, int shape) {
        if (shape != OTHER) {
            if (type == ColumnType.DOUBLE || type == ColumnType.STRING) {
                return true;
            }
            if (type == ColumnType.BOOLEAN) {
                return false;
            }
            if (shape == INTEGER && type == ColumnType.LONG) {
                return true;
            }
            if (shape == INTEGER && type == ColumnType.INTEGER && value.length() <= 10) {
                long number = Long.parseLong(value);
                return number == (int) number;
            }
        }
        return parser.canParse(value);
    }

    /** INTEGER for {@code [+-]digits} (at most 18), DECIMAL for other plain decimals with an optional exponent, else OTHER. */
    static int shape(String s) {
        byte[] ascii = new byte[s.length()];
        for (int i = 0; i < ascii.length; i++) {
            char c = s.charAt(i);
            ascii[i] = c < 128 ? (byte) c : (byte) '#';
        }
        return FastNumbers.shape(ascii, 0, ascii.length);
    }
}
