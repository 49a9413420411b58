package sluice.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.AbstractColumnParser;

/**
 * One column's type, found value by value: the first of date-time, time, date, boolean, integer,
 * long, decimal, text whose parser accepts every value that is not missing (text when every value is
 * missing). Values come as Strings or straight from a file's bytes; a plain number is known to be an
 * integer, long or decimal (and not a boolean) without a String or a parser call, and a value no
 * remaining type could reject is not looked at, so most sampled cells cost a few byte comparisons.
 * It also remembers what kinds of values it saw, for {@link #commaVerdict} and {@link #note}.
 */
final class TypeGuess {
    static final int OTHER = 0;
    static final int DECIMAL = 1;
    static final int INTEGER = 2;
    /** An integer of more than 18 digits: maybe a long, maybe beyond 64 bits. */
    static final int LONG_DIGITS = 3;
    /** {@link #commaVerdict}: values like 1,234, which could be 1234 or 1.234. */
    static final int AMBIGUOUS_COMMA = 1;
    /** {@link #commaVerdict}: values like 123,45, which can only be decimals. */
    static final int DECIMAL_COMMA = 2;
    private static final int MAX_REMEMBERED = 1 << 12;
    // kinds of values seen
    private static final int PLAIN_NUMBER = 1;
    private static final int POINT = 2;
    private static final int GROUP_COMMA = 4;
    private static final int COMMA = 8;
    private static final int BIG_INTEGER = 16;
    private static final int SWAPPABLE_DATE = 32;
    private static final int ELSE = 64;

    private final CsvCells cells;
    private final List<ColumnType> all;
    private final List<ColumnType> candidates;
    private final List<AbstractColumnParser<?>> parsers = new ArrayList<>();
    private final AbstractColumnParser<?> missing;
    private final AbstractColumnParser<?> pattern;
    // values already looked at: looking again cannot narrow the types further
    private final Set<String> seen = new HashSet<>();
    private boolean present;
    private int kinds;
    // the first value of each kind, by the kind's bit
    private final String[] examples = new String[7];
    private boolean patternMatched;

    TypeGuess(CsvCells cells) {
        this.cells = cells;
        this.all = cells.readOptions.columnTypesToDetect();
        this.candidates = new ArrayList<>(all);
        candidates.forEach(type -> parsers.add(cells.parser(type)));
        this.missing = ColumnType.STRING.customParser(cells.readOptions);
        ColumnType patterned = cells.dates.patternType();
        this.pattern = patterned == null ? null : cells.parser(patterned, true);
    }

    /** The type that fits every value offered so far. */
    ColumnType type() {
        return present ? candidates.get(0) : all.get(all.size() - 1);
    }

    /** Whether some value offered was not missing. */
    boolean present() {
        return present;
    }

    /** Whether some value looked at matches {@code --date-format}: then the column is read by it, every value. */
    boolean patternMatched() {
        return patternMatched;
    }

    /**
     * 0, or {@link #DECIMAL_COMMA} / {@link #AMBIGUOUS_COMMA} when every value is a plain integer or
     * digits with one comma, and some have the comma: the column holds decimal commas, or is ambiguous.
     */
    int commaVerdict() {
        if ((kinds & (GROUP_COMMA | COMMA)) == 0 || (kinds & ~(PLAIN_NUMBER | GROUP_COMMA | COMMA)) != 0) {
            return 0;
        }
        return (kinds & COMMA) != 0 ? DECIMAL_COMMA : AMBIGUOUS_COMMA;
    }

    /** Whether some decimal has a point: decimal commas elsewhere in the file would make this one's meaning unclear. */
    boolean hasPoint() {
        return (kinds & POINT) != 0;
    }

    /** The first value like 123,45 (for {@link #DECIMAL_COMMA}) or 1,234 (for {@link #AMBIGUOUS_COMMA}). */
    String commaExample(int verdict) {
        return verdict == DECIMAL_COMMA ? examples[bit(COMMA)] : examples[bit(GROUP_COMMA)];
    }

    private static int bit(int kind) {
        return Integer.numberOfTrailingZeros(kind);
    }

    /** What the report should say about the column when it is text for a reason the user may fix, or null. */
    String note(String column) {
        if (type() != ColumnType.STRING) {
            return null;
        }
        if (kinds == BIG_INTEGER || kinds == (BIG_INTEGER | PLAIN_NUMBER)) {
            return "Column '" + column + "' holds integers beyond what 64 bits hold (like '" + examples[bit(BIG_INTEGER)] + "'): kept as text, every digit exact.";
        }
        if (kinds == SWAPPABLE_DATE) {
            return "Column '" + column + "' looks like dates whose day and month could be either way round (like '"
                    + examples[bit(SWAPPABLE_DATE)] + "'): kept as text. Give --date-format dd/MM/yyyy or --date-format MM/dd/yyyy to read it as dates.";
        }
        return null;
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
        byte[] ascii = Numerals.ascii(value);
        int shape = cells.numerals.shape(ascii, 0, ascii.length);
        boolean fitsInt = shape == INTEGER && fitsInt(cells.numerals.parseLong(ascii, 0, ascii.length));
        addNumberKind(shape, ascii, 0, ascii.length);
        if (needsLook(shape, fitsInt)) {
            look(value, shape);
        }
    }

    /** Offers a field of a delimited file (in the tokenizer's terms) that is not a missing token. */
    void offer(byte[] b, int start, int end, int flags, CsvCells cells) {
        present = true;
        int shape = (flags & CsvTokenizer.RAW) != 0 ? OTHER : cells.numerals.shape(b, start, end);
        boolean fitsInt = shape == INTEGER && fitsInt(cells.numerals.parseLong(b, start, end));
        addNumberKind(shape, b, start, end);
        if (needsLook(shape, fitsInt)) {
            String value = cells.text(b, start, end, flags);
            if (!seen.contains(value)) {
                look(value, shape);
            }
        }
    }

    /** Notes the kind of a number (a value that is not one is sorted by {@link #look}). */
    private void addNumberKind(int shape, byte[] b, int start, int end) {
        if (shape == INTEGER) {
            kinds |= PLAIN_NUMBER;
        } else if (shape == DECIMAL) {
            kinds |= PLAIN_NUMBER;
            for (int i = start; i < end; i++) {
                if (b[i] == cells.numerals.decimal()) {
                    kinds |= POINT;
                    break;
                }
            }
        } else if (shape == LONG_DIGITS) {
            String value = new String(b, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
            add(cells.parser(ColumnType.LONG).canParse(value) ? PLAIN_NUMBER : BIG_INTEGER, value);
        }
    }

    private void add(int kind, String value) {
        if (examples[bit(kind)] == null) {
            examples[bit(kind)] = value;
        }
        kinds |= kind;
    }

    /** Whether some remaining type might reject a value of this shape, or needs its text to decide. */
    private boolean needsLook(int shape, boolean fitsInt) {
        // once some value is plain text, the kinds say nothing more
        if ((pattern != null && !patternMatched) || (shape == OTHER && (kinds & ELSE) == 0)) {
            return true;
        }
        for (ColumnType type : candidates) {
            boolean acceptsUnseen = type == ColumnType.STRING
                    || ((shape == DECIMAL || shape == INTEGER) && type == ColumnType.DOUBLE)
                    || (shape == INTEGER && type == ColumnType.LONG)
                    || (fitsInt && type == ColumnType.INTEGER);
            if (!acceptsUnseen) {
                return true;
            }
        }
        return false;
    }

    private static boolean fitsInt(long number) {
        return number != FastNumbers.NOT_A_LONG && number == (int) number && number != Integer.MIN_VALUE;
    }

    private void look(String value, int shape) {
        if (seen.size() >= MAX_REMEMBERED) {
            seen.clear();
        }
        seen.add(value);
        if (shape == OTHER) {
            add(otherKind(value), value);
        }
        if (pattern != null && !patternMatched && pattern.canParse(value)) {
            patternMatched = true;
        }
        narrow(value, shape);
    }

    private int otherKind(String value) {
        byte[] ascii = Numerals.ascii(value);
        int comma = cells.commaCheck ? Numerals.commaKind(ascii, 0, ascii.length) : 0;
        return comma == Numerals.DECIMAL_COMMA ? COMMA : comma == Numerals.GROUP_COMMA ? GROUP_COMMA
                : DateFormats.looksAmbiguous(value) ? SWAPPABLE_DATE : ELSE;
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
        if (shape == INTEGER || shape == DECIMAL) {
            if (type == ColumnType.DOUBLE || type == ColumnType.STRING) {
                return true;
            }
            if (type == ColumnType.BOOLEAN) {
                return false;
            }
            if (shape == INTEGER && type == ColumnType.LONG) {
                return true;
            }
        }
        return parser.canParse(value);
    }

    /** {@link #INTEGER}, {@link #LONG_DIGITS} or {@link #DECIMAL} for a plain number, else {@link #OTHER}. */
    static int shape(String s) {
        byte[] ascii = Numerals.ascii(s);
        return FastNumbers.shape(ascii, 0, ascii.length);
    }
}
