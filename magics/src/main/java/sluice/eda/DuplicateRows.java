package sluice.eda;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * How many rows repeat an earlier row in every column, as {@code %clean dedupe} would drop them
 * (missing values count as equal). One hash per row, built column by column over primitive data,
 * then one pass through an open-addressing table; rows are compared only when their hashes match.
 */
final class DuplicateRows {
    private static final int CHUNK = 1 << 16;

    private DuplicateRows() {
    }

    static int count(Table table) {
        int rows = table.rowCount();
        List<Column<?>> columns = table.columns();
        long[] hashes = new long[rows];
        IntStream.range(0, (rows + CHUNK - 1) / CHUNK).parallel().forEach(chunk -> {
            int from = chunk * CHUNK;
            int to = Math.min(rows, from + CHUNK);
            for (Column<?> column : columns) {
                hash(column, hashes, from, to);
            }
        });
        int capacity = Integer.highestOneBit(Math.max(4, rows) * 2 - 1) << 1;
        int mask = capacity - 1;
        int[] slots = new int[capacity];
        int duplicates = 0;
        for (int row = 0; row < rows; row++) {
            long h = hashes[row];
            int slot = (int) NumberStats.mix(h) & mask;
            while (true) {
                int stored = slots[slot];
                if (stored == 0) {
                    slots[slot] = row + 1;
                    break;
                }
                if (hashes[stored - 1] == h && same(columns, stored - 1, row)) {
                    duplicates++;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return duplicates;
    }

    private static void hash(Column<?> column, long[] hashes, int from, int to) {
        if (column instanceof DoubleColumn doubles) {
            for (int row = from; row < to; row++) {
                hashes[row] = next(hashes[row], Double.doubleToLongBits(doubles.getDouble(row)));
            }
        } else if (column instanceof IntColumn ints) {
            for (int row = from; row < to; row++) {
                hashes[row] = next(hashes[row], ints.getInt(row));
            }
        } else if (column instanceof StringColumn strings) {
            var dictionary = strings.getDictionary();
            for (int row = from; row < to; row++) {
                hashes[row] = next(hashes[row], dictionary.getKeyAtIndex(row));
            }
        } else {
            for (int row = from; row < to; row++) {
                hashes[row] = next(hashes[row], Objects.hashCode(value(column, row)));
            }
        }
    }

    private static long next(long hash, long value) {
        return (hash ^ NumberStats.mix(value)) * 0x9E3779B97F4A7C15L;
    }

    /** Equal as {@code %clean dedupe} sees them: missing equals missing, values by {@code equals}. */
    private static boolean same(List<Column<?>> columns, int a, int b) {
        for (Column<?> column : columns) {
            if (!Objects.equals(value(column, a), value(column, b))) {
                return false;
            }
        }
        return true;
    }

    private static Object value(Column<?> column, int row) {
        return column.isMissing(row) ? null : column.get(row);
    }
}
