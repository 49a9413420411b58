package sluice.ingest;

import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.Column;

/**
 * One column's values from one stretch of a file, taken straight from the tokenizer's byte spans.
 * Stretches are read in parallel and joined in file order by {@link #build}.
 */
abstract class ColumnSink {

    /**
     * The sink for a column of {@code type}; a null type keeps the raw text to decide the type later.
     * @param given whether the user fixed the type (else it was inferred)
     */
    static ColumnSink of(ColumnType type, boolean given, CsvCells cells, int capacity) {
        if (type == null) {
            return new TextSink(cells, capacity);
        }
        if (type == ColumnType.DOUBLE) {
            return new DoubleSink(cells, capacity);
        }
        if (type == ColumnType.INTEGER || type == ColumnType.LONG) {
            return new IntegerSink(cells, type, capacity);
        }
        if (type == ColumnType.STRING) {
            return new StringSink(cells, capacity);
        }
        return new ParsedSink(cells, type, given);
    }

    /** Adds one value; false when it does not fit the column's type (nothing is added then). */
    abstract boolean add(byte[] b, int start, int end, int flags);

    /** Values added so far. */
    abstract int size();

    /** The column holding the values of {@code parts} (sinks of this same kind) in order. */
    abstract Column<?> build(String name, List<ColumnSink> parts);

    static int grown(int size) {
        return Math.max(16, size + (size >> 1));
    }

    /** Counts values and keeps none: for columns a second pass does not need. */
    static final class Skip extends ColumnSink {
        private int size;

        @Override
        boolean add(byte[] b, int start, int end, int flags) {
            size++;
            return true;
        }

        @Override
        int size() {
            return size;
        }

        @Override
        Column<?> build(String name, List<ColumnSink> parts) {
            throw new IllegalStateException("a skipped column has no values");
        }
    }
}
