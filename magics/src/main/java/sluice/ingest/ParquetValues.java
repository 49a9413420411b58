package sluice.ingest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.UUID;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/** The {@link ParquetColumn} readers of numbers, booleans and text; dates and times are {@link ParquetTimes}. */
final class ParquetValues {
    private ParquetValues() {
    }

    /** int32 (and narrower ints): an IntColumn, or a LongColumn when a value is Integer.MIN_VALUE, which IntColumn keeps for missing. */
    static final class Ints extends ParquetColumn {
        private final int[] data;
        private final BitSet missing = new BitSet();
        private boolean minSeen;
        private int size;

        Ints(String name, String file, int rows) {
            super(name, file);
            data = new int[rows];
        }

        @Override
        void read(ColumnReader reader, int rows, ColumnChunkMetaData chunk) {
            int max = reader.getDescriptor().getMaxDefinitionLevel();
            for (int i = 0; i < rows; i++, size++) {
                if (present(reader, max)) {
                    int value = reader.getInteger();
                    minSeen |= value == Integer.MIN_VALUE;
                    data[size] = value;
                } else {
                    data[size] = Integer.MIN_VALUE;
                    missing.set(size);
                }
                reader.consume();
            }
        }

        @Override
        Column<?> build() {
            if (!minSeen) {
                return IntColumn.create(name, data);
            }
            long[] wide = new long[size];
            for (int i = 0; i < size; i++) {
                wide[i] = missing.get(i) ? Long.MIN_VALUE : data[i];
            }
            return LongColumn.create(name, wide);
        }
    }

    /** int64, and unsigned ints that need 64 bits: a LongColumn, refusing the one value it keeps for missing. */
    static final class Longs extends ParquetColumn {
        enum Kind { INT64, UINT32, UINT64 }

        private final Kind kind;
        private final long[] data;
        private int size;

        Longs(String name, String file, int rows, Kind kind) {
            super(name, file);
            this.kind = kind;
            data = new long[rows];
        }

        @Override
        void read(ColumnReader reader, int rows, ColumnChunkMetaData chunk) {
            int max = reader.getDescriptor().getMaxDefinitionLevel();
            for (int i = 0; i < rows; i++, size++) {
                if (!present(reader, max)) {
                    data[size] = Long.MIN_VALUE;
                } else if (kind == Kind.UINT32) {
                    data[size] = Integer.toUnsignedLong(reader.getInteger());
                } else {
                    long value = reader.getLong();
                    if (kind == Kind.UINT64 && value < 0) {
                        throw unholdable(file, name, Long.toUnsignedString(value), "above the largest 64-bit integer Sluice holds");
                    }
                    if (value == Long.MIN_VALUE) {
                        throw unholdable(file, name, Long.toString(value), "the one 64-bit integer that Sluice keeps to mean missing");
                    }
                    data[size] = value;
                }
                reader.consume();
            }
        }

        @Override
        Column<?> build() {
            return LongColumn.create(name, data);
        }
    }

    /** double, float and decimal: a DoubleColumn; NaN is missing, as the token NaN is in a CSV file. */
    static final class Doubles extends ParquetColumn {
        enum Kind { DOUBLE, FLOAT, DECIMAL }

        /** Up to 15 significant digits, every decimal comes back from the nearest double unchanged. */
        private static final int EXACT_DIGITS = 15;
        private final Kind kind;
        private final int scale;
        private final boolean alwaysExact;
        private final double[] data;
        /** The exact values, kept while some could turn the column into text. */
        private final BigDecimal[] exact;
        private boolean inexact;
        private int size;

        Doubles(String name, String file, int rows, Kind kind) {
            this(name, file, rows, kind, 0, true);
        }

        private Doubles(String name, String file, int rows, Kind kind, int scale, boolean alwaysExact) {
            super(name, file);
            this.kind = kind;
            this.scale = scale;
            this.alwaysExact = alwaysExact;
            data = new double[rows];
            exact = alwaysExact ? null : new BigDecimal[rows];
        }

        static Doubles decimal(String name, String file, int rows, DecimalLogicalTypeAnnotation decimal) {
            return new Doubles(name, file, rows, Kind.DECIMAL, decimal.getScale(), decimal.getPrecision() <= EXACT_DIGITS);
        }

        @Override
        void read(ColumnReader reader, int rows, ColumnChunkMetaData chunk) {
            int max = reader.getDescriptor().getMaxDefinitionLevel();
            PrimitiveTypeName type = reader.getDescriptor().getPrimitiveType().getPrimitiveTypeName();
            for (int i = 0; i < rows; i++, size++) {
                if (!present(reader, max)) {
                    data[size] = Double.NaN;
                } else if (kind == Kind.DOUBLE) {
                    data[size] = reader.getDouble();
                } else if (kind == Kind.FLOAT) {
                    // A float holds about 7 digits; its shortest decimal is the number that was written (0.1, not 0.10000000149).
                    data[size] = Double.parseDouble(Float.toString(reader.getFloat()));
                } else {
                    decimal(reader, type);
                }
                reader.consume();
            }
        }

        private void decimal(ColumnReader reader, PrimitiveTypeName type) {
            BigDecimal value = switch (type) {
                case INT32 -> BigDecimal.valueOf(reader.getInteger(), scale);
                case INT64 -> BigDecimal.valueOf(reader.getLong(), scale);
                default -> new BigDecimal(new BigInteger(reader.getBinary().getBytes()), scale);
            };
            double d = value.doubleValue();
            data[size] = d;
            if (!alwaysExact) {
                exact[size] = value;
                int digits = value.stripTrailingZeros().precision();
                inexact |= digits > EXACT_DIGITS
                        && new BigDecimal(d).round(new MathContext(digits)).compareTo(value) != 0;
            }
        }

        @Override
        Column<?> build() {
            if (!inexact) {
                return DoubleColumn.create(name, data);
            }
            // More digits than a double holds: the exact digits as text rather than a nearby number.
            StringColumn text = StringColumn.create(name);
            for (int i = 0; i < size; i++) {
                if (exact[i] == null) {
                    text.appendMissing();
                } else {
                    text.append(exact[i].toPlainString());
                }
            }
            return text;
        }
    }

    /** boolean. */
    static final class Booleans extends ParquetColumn {
        private final BooleanColumn column;

        Booleans(String name, String file, int rows) {
            super(name, file);
            column = BooleanColumn.create(name);
        }

        @Override
        void read(ColumnReader reader, int rows, ColumnChunkMetaData chunk) {
            int max = reader.getDescriptor().getMaxDefinitionLevel();
            for (int i = 0; i < rows; i++) {
                if (present(reader, max)) {
                    column.append(reader.getBoolean());
                } else {
                    column.appendMissing();
                }
                reader.consume();
            }
        }

        @Override
        Column<?> build() {
            return column;
        }
    }

    /** Strings, enums, JSON, UUIDs and unannotated binary that is UTF-8: a StringColumn. */
    static final class Texts extends ParquetColumn {
        enum Kind { UTF8, BYTES, UUID }

        private final Kind kind;
        private final StringColumn column;

        Texts(String name, String file, int rows, Kind kind) {
            super(name, file);
            this.kind = kind;
            column = StringColumn.create(name);
        }

        @Override
        void read(ColumnReader reader, int rows, ColumnChunkMetaData chunk) {
            int max = reader.getDescriptor().getMaxDefinitionLevel();
            EncodingStats encodings = chunk.getEncodingStats();
            // When every page of the chunk is dictionary-coded, each distinct string is decoded once.
            String[] decoded = encodings != null && encodings.hasDictionaryPages() && !encodings.hasNonDictionaryEncodedPages()
                    ? new String[256] : null;
            for (int i = 0; i < rows; i++) {
                if (!present(reader, max)) {
                    column.appendMissing();
                } else if (decoded == null) {
                    column.append(text(reader.getBinary()));
                } else {
                    int id = reader.getCurrentValueDictionaryID();
                    if (id >= decoded.length) {
                        decoded = Arrays.copyOf(decoded, Math.max(id + 1, decoded.length * 2));
                    }
                    String value = decoded[id];
                    if (value == null) {
                        value = decoded[id] = text(reader.getBinary());
                    }
                    column.append(value);
                }
                reader.consume();
            }
        }

        private String text(Binary value) {
            return switch (kind) {
                case UTF8 -> value.toStringUsingUTF8();
                case UUID -> uuid(value.toByteBuffer());
                case BYTES -> strictUtf8(value);
            };
        }

        private static String uuid(ByteBuffer bytes) {
            ByteBuffer big = bytes.duplicate().order(ByteOrder.BIG_ENDIAN);
            return new UUID(big.getLong(), big.getLong()).toString();
        }

        private String strictUtf8(Binary value) {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(value.toByteBuffer()).toString();
            } catch (CharacterCodingException e) {
                throw unsupported(file, name, "binary data that is not UTF-8 text");
            }
        }

        @Override
        Column<?> build() {
            return column;
        }
    }
}
