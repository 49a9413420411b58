package sluice.ingest;

import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import sluice.magic.UsageError;
import tech.tablesaw.columns.Column;

/**
 * One flat Parquet column read into a Tablesaw column, typed as the CSV reader types text: whole numbers
 * as integer (int, or long when they need it), floating and decimal numbers as decimal, boolean, date,
 * timestamp as date-time, strings as text, nulls as missing. A value Sluice cannot hold exactly (a
 * timestamp finer than a millisecond, a decimal a double cannot hold) turns its column into text.
 */
abstract class ParquetColumn {
    final String name;
    final String file;

    ParquetColumn(String name, String file) {
        this.name = name;
        this.file = file;
    }

    /**
     * Reads the next {@code rows} values from {@code reader}, a flat (unrepeated) column.
     * @param chunk the column chunk's metadata in this row group (its encodings)
     */
    abstract void read(ColumnReader reader, int rows, ColumnChunkMetaData chunk);

    abstract Column<?> build();

    /** Whether the reader's current value is there (not null). */
    static boolean present(ColumnReader reader, int maxDefinition) {
        return reader.getCurrentDefinitionLevel() == maxDefinition;
    }

    /**
     * The reader for a top-level field of the schema.
     * @param rows how many rows will be read, to size the arrays once
     */
    static ParquetColumn of(Type field, String file, int rows) {
        String name = field.getName();
        if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
            LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
            String kind = logical != null ? logical.toString().toLowerCase() : field.isPrimitive() ? "repeated" : "struct";
            throw unsupported(file, name, "a nested " + kind + " column");
        }
        PrimitiveType type = field.asPrimitiveType();
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        switch (type.getPrimitiveTypeName()) {
            case BOOLEAN:
                return new ParquetValues.Booleans(name, file, rows);
            case FLOAT:
                return new ParquetValues.Doubles(name, file, rows, ParquetValues.Doubles.Kind.FLOAT);
            case DOUBLE:
                return new ParquetValues.Doubles(name, file, rows, ParquetValues.Doubles.Kind.DOUBLE);
            case INT96:
                return new ParquetTimes(name, file, rows, ParquetTimes.Kind.INT96, 0);
            case INT32:
                return int32(type, logical, file, rows);
            case INT64:
                return int64(type, logical, file, rows);
            default:
                return bytes(type, logical, file, rows);
        }
    }

    private static ParquetColumn int32(PrimitiveType type, LogicalTypeAnnotation logical, String file, int rows) {
        String name = type.getName();
        if (logical == null || logical instanceof IntLogicalTypeAnnotation i && (i.isSigned() || i.getBitWidth() < 32)) {
            return new ParquetValues.Ints(name, file, rows);
        }
        if (logical instanceof IntLogicalTypeAnnotation) {
            return new ParquetValues.Longs(name, file, rows, ParquetValues.Longs.Kind.UINT32);
        }
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return new ParquetTimes(name, file, rows, ParquetTimes.Kind.DATE, 0);
        }
        if (logical instanceof TimeLogicalTypeAnnotation time) {
            return new ParquetTimes(name, file, rows, ParquetTimes.Kind.TIME, unitNanos(time.getUnit()));
        }
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
            return ParquetValues.Doubles.decimal(name, file, rows, decimal);
        }
        throw unsupported(file, name, describe(type));
    }

    private static ParquetColumn int64(PrimitiveType type, LogicalTypeAnnotation logical, String file, int rows) {
        String name = type.getName();
        if (logical == null || logical instanceof IntLogicalTypeAnnotation i && i.isSigned()) {
            return new ParquetValues.Longs(name, file, rows, ParquetValues.Longs.Kind.INT64);
        }
        if (logical instanceof IntLogicalTypeAnnotation) {
            return new ParquetValues.Longs(name, file, rows, ParquetValues.Longs.Kind.UINT64);
        }
        if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
            return new ParquetTimes(name, file, rows, ParquetTimes.Kind.TIMESTAMP, unitNanos(timestamp.getUnit()));
        }
        if (logical instanceof TimeLogicalTypeAnnotation time) {
            return new ParquetTimes(name, file, rows, ParquetTimes.Kind.TIME, unitNanos(time.getUnit()));
        }
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
            return ParquetValues.Doubles.decimal(name, file, rows, decimal);
        }
        throw unsupported(file, name, describe(type));
    }

    private static ParquetColumn bytes(PrimitiveType type, LogicalTypeAnnotation logical, String file, int rows) {
        String name = type.getName();
        boolean fixed = type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
            return ParquetValues.Doubles.decimal(name, file, rows, decimal);
        }
        if (logical instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
            return new ParquetValues.Texts(name, file, rows, ParquetValues.Texts.Kind.UUID);
        }
        if (!fixed && (logical == null || logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation)) {
            // Unannotated binary is how older Spark and Impala wrote strings; bytes that are not UTF-8 are refused when met.
            return new ParquetValues.Texts(name, file, rows, logical == null ? ParquetValues.Texts.Kind.BYTES : ParquetValues.Texts.Kind.UTF8);
        }
        throw unsupported(file, name, describe(type));
    }

    private static long unitNanos(LogicalTypeAnnotation.TimeUnit unit) {
        return switch (unit) {
            case MILLIS -> 1_000_000L;
            case MICROS -> 1_000L;
            case NANOS -> 1L;
        };
    }

    private static String describe(PrimitiveType type) {
        String physical = type.getPrimitiveTypeName().name().toLowerCase();
        if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
            physical = "fixed_len_byte_array(" + type.getTypeLength() + ")";
        }
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        return "Parquet type " + physical + (logical == null ? "" : " " + logical);
    }

    static UsageError unsupported(String file, String column, String what) {
        return new UsageError(file + " column '" + column + "' is " + what
                + ", which Sluice does not read; name the other columns with --columns to read those.");
    }

    /** A value that cannot be held without changing it. */
    static UsageError unholdable(String file, String column, String value, String why) {
        return new UsageError(file + " column '" + column + "' holds " + value + ", " + why
                + "; leave the column out with --columns or write it as text.");
    }
}
