package sluice.ingest;

import java.util.Collection;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.AbstractColumnParser;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.ReadOptions;

/**
 * Column types decided from text by {@link TypeGuess} (the first of date-time, time, date, boolean,
 * integer, long, decimal, text whose parser accepts every value that is not missing), and text turned
 * into a typed column.
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

    /** The type of each column of {@code rows}, which all have {@code width} fields. */
    static ColumnType[] detect(List<String[]> rows, int width, CsvCells cells) {
        ColumnType[] types = new ColumnType[width];
        for (int c = 0; c < width; c++) {
            TypeGuess guess = new TypeGuess(cells);
            for (String[] row : rows) {
                guess.offer(row[c]);
            }
            types[c] = guess.type();
        }
        return types;
    }

    /** The type of one column's values (text when all are missing), by {@link TypeGuess}. */
    static ColumnType detect(Collection<String> values, CsvCells cells) {
        return guess(values, cells).type();
    }

    static TypeGuess guess(Collection<String> values, CsvCells cells) {
        TypeGuess guess = new TypeGuess(cells);
        values.forEach(guess::offer);
        return guess;
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
    static Column<?> build(String name, List<String> values, ColumnType type, boolean given, CsvCells cells) {
        Column<?> column = type.create(name);
        ParsedValues parsed = new ParsedValues(cells.parser(type, given), given);
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
