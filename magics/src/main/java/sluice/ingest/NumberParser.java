package sluice.ingest;

import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.AbstractColumnParser;

/**
 * Integers, longs and decimals as {@link Numerals} write them, and nothing else: unlike Tablesaw's
 * parsers it keeps commas (1,5 is not 15), and reads no 5%, 1.0 as an integer, 0x10, 1d or Infinity.
 * An integer beyond 64 bits is no decimal either: a double would round it. The smallest int (long)
 * is no int (long): Tablesaw's columns use it for missing.
 */
final class NumberParser extends AbstractColumnParser<Object> {
    private final ColumnType type;
    private final Numerals numerals;

    NumberParser(ColumnType type, Numerals numerals, List<String> missing) {
        super(type);
        this.type = type;
        this.numerals = numerals;
        this.missingValueStrings = missing;
    }

    @Override
    public boolean canParse(String s) {
        return isMissing(s) || value(s) != null;
    }

    @Override
    public Object parse(String s) {
        return isMissing(s) ? null : value(s);
    }

    @Override
    public int parseInt(String s) {
        return (Integer) value(s);
    }

    @Override
    public long parseLong(String s) {
        return (Long) value(s);
    }

    @Override
    public double parseDouble(String s) {
        return (Double) value(s);
    }

    /** The Integer, Long or Double the text is, or null. */
    private Object value(String text) {
        String plain = numerals.plain(text);
        if (plain == null) {
            return null;
        }
        int shape = TypeGuess.shape(plain);
        if (type == ColumnType.DOUBLE) {
            if (shape == TypeGuess.LONG_DIGITS && longValue(plain) == null) {
                return null;
            }
            return Double.parseDouble(plain);
        }
        if (shape != TypeGuess.INTEGER && shape != TypeGuess.LONG_DIGITS) {
            return null;
        }
        // the smallest int and long mean "missing" in Tablesaw's columns, so they do not fit
        Long value = longValue(plain);
        if (value == null || value == Long.MIN_VALUE) {
            return null;
        }
        if (type == ColumnType.LONG) {
            return value;
        }
        return value == value.intValue() && value != Integer.MIN_VALUE ? Integer.valueOf(value.intValue()) : null;
    }

    private static Long longValue(String plain) {
        try {
            return Long.parseLong(plain);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
