package sluice.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.AbstractColumnParser;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.ReadOptions;

/**
 * Column types decided from text the way Tablesaw decides them (the first of date-time, time, date,
 * boolean, integer, long, decimal, text whose parser accepts every value that is not missing), and
 * text turned into a typed column.
 */
final class ColumnInference {
    private ColumnInference() {
    }

    /** A value that does not parse as its column's type, at a 0-based position among the column's values. */
    static final class BadValue extends RuntimeException {
        final int index;
        final String value;
        final ColumnType type;

        BadValue(int index, String value, ColumnType type) {
            super(null, null, false, false);
            this.index = index;
            this.value = value;
            this.type = type;
        }
    }

    /** The type of each column of {@code rows}, which all have {@code width} fields; columns in parallel. */
    static ColumnType[] detect(List<String[]> rows, int width, ReadOptions options) {
        ColumnType[] types = new ColumnType[width];
        AtomicInteger next = new AtomicInteger();
        Runnable detectColumns = () -> {
            for (int c = next.getAndIncrement(); c < width; c = next.getAndIncrement()) {
                Set<String> distinct = new LinkedHashSet<>();
                for (String[] row : rows) {
                    distinct.add(row[c]);
                }
                types[c] = detect(distinct, options);
            }
        };
        ParallelCsvReader.inParallel(Math.min(ParallelCsvReader.THREADS, width), i -> detectColumns);
        return types;
    }

    /**
     * The type of one column's values (text when all are missing): Tablesaw's rule, the first type of
     * {@code options.columnTypesToDetect()} whose parser accepts every value that is not missing. Only
     * distinct values matter, so each is checked once; and a plain number is known to be an integer,
     * long or decimal (and not a boolean) without running those parsers, which is most of the work.
     */
    static ColumnType detect(Collection<String> values, ReadOptions options) {
        List<ColumnType> candidates = new ArrayList<>(options.columnTypesToDetect());
        List<AbstractColumnParser<?>> parsers = new ArrayList<>();
        candidates.forEach(type -> parsers.add(type.customParser(options)));
        AbstractColumnParser<?> missing = ColumnType.STRING.customParser(options);
        boolean present = false;
        for (String value : values instanceof Set<String> ? values : new LinkedHashSet<>(values)) {
            if (missing.isMissing(value)) {
                continue;
            }
            present = true;
            int shape = shape(value);
            for (int i = candidates.size() - 1; i >= 0; i--) {
                if (!accepts(candidates.get(i), parsers.get(i), value, shape)) {
                    candidates.remove(i);
                    parsers.remove(i);
                }
            }
        }
        List<ColumnType> all = options.columnTypesToDetect();
        return present ? candidates.get(0) : all.get(all.size() - 1);
    }

    private static final int OTHER = 0;
    private static final int DECIMAL = 1;
    private static final int INTEGER = 2;

    /** INTEGER for {@code [+-]digits} (at most 18), DECIMAL for other plain decimals with an optional exponent, else OTHER. */
    static int shape(String s) {
        int n = s.length();
        int p = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        int digits = 0;
        while (p < n && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
            p++;
            digits++;
        }
        if (p == n) {
            return digits == 0 ? OTHER : digits <= 18 ? INTEGER : DECIMAL;
        }
        if (s.charAt(p) == '.') {
            p++;
            while (p < n && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
                p++;
                digits++;
            }
        }
        if (digits == 0) {
            return OTHER;
        }
        if (p < n && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            p++;
            if (p < n && (s.charAt(p) == '-' || s.charAt(p) == '+')) {
                p++;
            }
            int exponent = p;
            while (p < n && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
                p++;
            }
            if (p == exponent) {
                return OTHER;
            }
        }
        return p == n ? DECIMAL : OTHER;
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

    /** Whether any value is not missing, so the values say something about the type. */
    static boolean anyPresent(List<String[]> rows, int column, ReadOptions options) {
        AbstractColumnParser<?> parser = ColumnType.STRING.customParser(options);
        for (String[] row : rows) {
            if (!parser.isMissing(row[column])) {
                return true;
            }
        }
        return false;
    }

    /**
     * A column of {@code type} holding {@code values}; a value that does not parse throws {@link BadValue}.
     * @param given whether the user fixed the type: then any value the parser reads is taken, not only
     *              those type detection accepts (1 and 0 in a boolean column)
     */
    static Column<?> build(String name, List<String> values, ColumnType type, boolean given, ReadOptions options) {
        Column<?> column = type.create(name);
        ParsedValues parsed = new ParsedValues(type.customParser(options), given);
        int i = 0;
        for (String value : values) {
            if (parsed.parser.isMissing(value)) {
                column.appendMissing();
            } else {
                Object typed = parsed.get(value);
                if (typed == ParsedValues.UNREADABLE) {
                    throw new BadValue(i, value, type);
                }
                column.appendObj(typed);
            }
            i++;
        }
        return column;
    }
}
