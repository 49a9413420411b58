package sluice.ingest;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.AbstractColumnParser;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.ColumnTypeDetector;
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
     * The type of one column's values (text when all are missing). Only distinct values matter to the
     * answer, so each is checked once: a column of a million dates parses its few hundred days.
     */
    static ColumnType detect(Collection<String> values, ReadOptions options) {
        Iterator<String> each = (values instanceof Set<String> ? values : new LinkedHashSet<>(values)).iterator();
        Iterator<String[]> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return each.hasNext();
            }

            @Override
            public String[] next() {
                return new String[] {each.next()};
            }
        };
        ColumnType[] types = new ColumnTypeDetector(options.columnTypesToDetect()).detectColumnTypes(rows, options);
        return types.length == 0 ? ColumnType.STRING : types[0];
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
