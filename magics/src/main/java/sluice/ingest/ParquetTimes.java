package sluice.ingest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.BitSet;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.TimeColumn;
import tech.tablesaw.columns.Column;

/**
 * Parquet dates, times and timestamps (also the legacy int96 ones of Spark and Impala) as Tablesaw date,
 * time and date-time columns, timestamps in UTC. Tablesaw keeps milliseconds: a column with finer
 * values is read as ISO text, which keeps every digit.
 */
final class ParquetTimes extends ParquetColumn {
    enum Kind { DATE, TIME, TIMESTAMP, INT96 }

    /** Julian day number of 1970-01-01, the epoch of int96 timestamps' day count. */
    private static final long JULIAN_EPOCH_DAY = 2_440_588L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private final Kind kind;
    /** Nanoseconds in one unit of the stored value (1 for nanos, 1000 for micros, …). */
    private final long unit;
    /** Epoch day (date), nanosecond of the day (time) or epoch second (timestamps). */
    private final long[] values;
    private final int[] nanos;
    private final BitSet missing = new BitSet();
    private boolean finerThanMillis;
    private int size;

    ParquetTimes(String name, String file, int rows, Kind kind, long unit) {
        super(name, file);
        this.kind = kind;
        this.unit = unit;
        values = new long[rows];
        nanos = kind == Kind.TIMESTAMP || kind == Kind.INT96 ? new int[rows] : null;
    }

    @Override
    void read(ColumnReader reader, int rows, ColumnChunkMetaData chunk) {
        int max = reader.getDescriptor().getMaxDefinitionLevel();
        boolean int32 = reader.getDescriptor().getPrimitiveType().getPrimitiveTypeName()
                == org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
        for (int i = 0; i < rows; i++, size++) {
            if (!present(reader, max)) {
                missing.set(size);
            } else if (kind == Kind.INT96) {
                int96(reader.getBinary().toByteBuffer());
            } else {
                long raw = int32 ? reader.getInteger() : reader.getLong();
                switch (kind) {
                    case DATE -> values[size] = raw;
                    case TIME -> time(raw);
                    default -> timestamp(raw);
                }
            }
            reader.consume();
        }
    }

    private void time(long raw) {
        long nanoOfDay = raw * unit;
        values[size] = nanoOfDay;
        finerThanMillis |= nanoOfDay % NANOS_PER_MILLI != 0;
    }

    private void timestamp(long raw) {
        long perSecond = NANOS_PER_SECOND / unit;
        values[size] = Math.floorDiv(raw, perSecond);
        int nano = (int) (Math.floorMod(raw, perSecond) * unit);
        nanos[size] = nano;
        finerThanMillis |= nano % NANOS_PER_MILLI != 0;
    }

    /** 8 bytes of nanosecond of the day, then 4 of Julian day, both little-endian. */
    private void int96(ByteBuffer bytes) {
        ByteBuffer little = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long nanoOfDay = little.getLong();
        long day = little.getInt() - JULIAN_EPOCH_DAY;
        values[size] = day * 86_400 + Math.floorDiv(nanoOfDay, NANOS_PER_SECOND);
        int nano = (int) Math.floorMod(nanoOfDay, NANOS_PER_SECOND);
        nanos[size] = nano;
        finerThanMillis |= nano % NANOS_PER_MILLI != 0;
    }

    @Override
    Column<?> build() {
        if (kind == Kind.DATE) {
            DateColumn column = DateColumn.create(name);
            for (int i = 0; i < size; i++) {
                if (missing.get(i)) {
                    column.appendMissing();
                } else {
                    column.append(LocalDate.ofEpochDay(values[i]));
                }
            }
            return column;
        }
        Column<?> column = finerThanMillis ? StringColumn.create(name)
                : kind == Kind.TIME ? TimeColumn.create(name) : DateTimeColumn.create(name);
        for (int i = 0; i < size; i++) {
            if (missing.get(i)) {
                column.appendMissing();
                continue;
            }
            Object value = kind == Kind.TIME ? LocalTime.ofNanoOfDay(values[i])
                    : LocalDateTime.ofEpochSecond(values[i], nanos[i], ZoneOffset.UTC);
            if (finerThanMillis) {
                ((StringColumn) column).append(value.toString());
            } else {
                column.appendObj(value);
            }
        }
        return column;
    }
}
