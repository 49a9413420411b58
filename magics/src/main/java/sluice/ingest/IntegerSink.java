package sluice.ingest;

import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.columns.AbstractColumnParser;
import tech.tablesaw.columns.Column;

/** Whole numbers into a {@code long[]}, built as an IntColumn or LongColumn; plain digits parsed from bytes. */
final class IntegerSink extends ColumnSink {
    private final CsvCells cells;
    private final AbstractColumnParser<?> parser;
    private final boolean asInt;
    private final long missing;
    private long[] data;
    private int size;

    IntegerSink(CsvCells cells, ColumnType type, int capacity) {
        this.cells = cells;
        this.parser = cells.parser(type);
        this.asInt = type == ColumnType.INTEGER;
        this.missing = asInt ? Integer.MIN_VALUE : Long.MIN_VALUE;
        this.data = new long[Math.max(16, capacity)];
    }

    @Override
    boolean add(byte[] b, int start, int end, int flags) {
        if (size == data.length) {
            data = Arrays.copyOf(data, grown(size));
        }
        if (flags != CsvTokenizer.RAW && !cells.numericMissing) {
            long value = cells.numerals.parseLong(b, start, end);
            if (value != FastNumbers.NOT_A_LONG && (!asInt || (value == (int) value && value != Integer.MIN_VALUE))) {
                data[size++] = value;
                return true;
            }
        }
        if (cells.isMissing(b, start, end, flags)) {
            data[size++] = missing;
            return true;
        }
        String text = cells.text(b, start, end, flags);
        if (!parser.canParse(text)) {
            return false;
        }
        data[size++] = asInt ? parser.parseInt(text) : parser.parseLong(text);
        return true;
    }

    @Override
    int size() {
        return size;
    }

    @Override
    Column<?> build(String name, List<ColumnSink> parts) {
        int total = parts.stream().mapToInt(ColumnSink::size).sum();
        if (asInt) {
            int[] all = new int[total];
            int at = 0;
            for (ColumnSink part : parts) {
                IntegerSink sink = (IntegerSink) part;
                for (int i = 0; i < sink.size; i++) {
                    all[at++] = (int) sink.data[i];
                }
                sink.data = null;
            }
            return IntColumn.create(name, all);
        }
        long[] all = new long[total];
        int at = 0;
        for (ColumnSink part : parts) {
            IntegerSink sink = (IntegerSink) part;
            System.arraycopy(sink.data, 0, all, at, sink.size);
            at += sink.size;
            sink.data = null;
        }
        return LongColumn.create(name, all);
    }
}
