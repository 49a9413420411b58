package sluice.ingest;

import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.columns.AbstractColumnParser;
import tech.tablesaw.columns.Column;

/** Decimal values into a {@code double[]}: plain numbers parsed from bytes, the rest by {@link NumberParser}. */
final class DoubleSink extends ColumnSink {
    private final CsvCells cells;
    private final AbstractColumnParser<?> parser;
    private double[] data;
    private int size;

    DoubleSink(CsvCells cells, int capacity) {
        this.cells = cells;
        this.parser = cells.parser(ColumnType.DOUBLE);
        this.data = new double[Math.max(16, capacity)];
    }

    @Override
    boolean add(byte[] b, int start, int end, int flags) {
        if (size == data.length) {
            data = Arrays.copyOf(data, grown(size));
        }
        if (flags != CsvTokenizer.RAW && !cells.numericMissing) {
            double value = cells.numerals.parseDouble(b, start, end);
            if (!Double.isNaN(value)) {
                data[size++] = value;
                return true;
            }
        }
        if (cells.isMissing(b, start, end, flags)) {
            data[size++] = Double.NaN;
            return true;
        }
        String text = cells.text(b, start, end, flags);
        if (!parser.canParse(text)) {
            return false;
        }
        data[size++] = parser.parseDouble(text);
        return true;
    }

    @Override
    int size() {
        return size;
    }

    @Override
    Column<?> build(String name, List<ColumnSink> parts) {
        double[] all = new double[parts.stream().mapToInt(ColumnSink::size).sum()];
        int at = 0;
        for (ColumnSink part : parts) {
            DoubleSink sink = (DoubleSink) part;
            System.arraycopy(sink.data, 0, all, at, sink.size);
            at += sink.size;
            sink.data = null;
        }
        return DoubleColumn.create(name, all);
    }
}
