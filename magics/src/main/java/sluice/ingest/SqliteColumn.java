package sluice.ingest;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import sluice.magic.UsageError;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * One column of a SQLite result, gathered value by value: SQLite stores each value with its own
 * kind (integer, real, text, blob) whatever the column's declared type, so the column's type follows
 * the values it holds, with the declared type deciding only booleans, dates and decimals. Integers
 * among reals read as reals when exact; numbers among text are refused, never turned into one another.
 */
final class SqliteColumn {
    private enum Kind { NONE, INTEGER, REAL, TEXT, BLOB }

    /** Integers past 2^53 have no exact double. */
    private static final long EXACT_IN_DOUBLE = 1L << 53;

    private final String name;
    private final String declared;
    private final boolean decimal;
    private Kind kind = Kind.NONE;
    private int leadingMissing;
    private final LongArrayList longs = new LongArrayList();
    private final DoubleArrayList doubles = new DoubleArrayList();
    private final List<String> texts = new ArrayList<>();
    private final BitSet missing = new BitSet();

    /**
     * @param declared the declared type ({@code INTEGER}, {@code DECIMAL(10,2)}, {@code DATE}, …), lower case
     * @param scale    the declared scale, which makes a {@code DECIMAL(10,2)} of whole numbers decimal still
     */
    SqliteColumn(String name, String declared, int scale) {
        this.name = name;
        this.declared = declared;
        this.decimal = declared.contains("real") || declared.contains("floa") || declared.contains("doub") || scale > 0;
    }

    /** Appends the value of row {@code row} (from 1), as {@code getObject} gives it: Integer, Long, Double, String, byte[] or null. */
    void add(Object value, int row) {
        int index = row - 1;
        if (value == null) {
            if (kind == Kind.NONE) {
                leadingMissing++;
            } else {
                missing.set(index);
                switch (kind) {
                    case INTEGER -> longs.add(0);
                    case REAL -> doubles.add(Double.NaN);
                    default -> texts.add(null);
                }
            }
            return;
        }
        Kind arriving = value instanceof Integer || value instanceof Long ? Kind.INTEGER
                : value instanceof Double || value instanceof Float ? Kind.REAL
                : value instanceof byte[] ? Kind.BLOB : Kind.TEXT;
        if (kind == Kind.NONE) {
            begin(arriving);
        } else if (kind == Kind.INTEGER && arriving == Kind.REAL) {
            for (int i = 0; i < longs.size(); i++) {
                doubles.add(missing.get(i) ? Double.NaN : exact(longs.getLong(i), i + 1));
            }
            longs.clear();
            kind = Kind.REAL;
        } else if (kind != arriving && !(kind == Kind.REAL && arriving == Kind.INTEGER)) {
            throw new UsageError("SQLite column '" + name + "' holds " + plural(kind) + " and " + plural(arriving) + " (row "
                    + String.format("%,d", row) + ": " + shown(value) + "). Read one kind in a --query, e.g. SELECT CAST("
                    + name + " AS TEXT) AS " + name + " or CAST(" + name + " AS REAL) AS " + name + ".");
        }
        switch (kind) {
            case INTEGER -> longs.add(((Number) value).longValue());
            case REAL -> doubles.add(value instanceof Double || value instanceof Float
                    ? ((Number) value).doubleValue() : exact(((Number) value).longValue(), row));
            case BLOB -> texts.add("X'" + HexFormat.of().withUpperCase().formatHex((byte[]) value) + "'");
            default -> texts.add(value.toString());
        }
    }

    private void begin(Kind first) {
        kind = first;
        for (int i = 0; i < leadingMissing; i++) {
            missing.set(i);
            switch (kind) {
                case INTEGER -> longs.add(0);
                case REAL -> doubles.add(Double.NaN);
                default -> texts.add(null);
            }
        }
    }

    private double exact(long value, int row) {
        if (Math.abs(value) > EXACT_IN_DOUBLE) {
            throw new UsageError("SQLite column '" + name + "' holds reals and integers, and row " + String.format("%,d", row)
                    + "'s " + value + " has no exact real. Read it as text in a --query: SELECT CAST(" + name + " AS TEXT) AS " + name + ".");
        }
        return value;
    }

    Column<?> build() {
        return switch (kind) {
            case NONE -> empty();
            case INTEGER -> integers();
            case REAL -> DoubleColumn.create(name, doubles.toDoubleArray());
            case TEXT -> texts();
            case BLOB -> strings();
        };
    }

    /** Only missing values, or no rows: the declared type decides. */
    private Column<?> empty() {
        Column<?> column = declared.startsWith("bool") ? BooleanColumn.create(name)
                : declared.equals("date") ? DateColumn.create(name)
                : declared.contains("datetime") || declared.contains("timestamp") ? DateTimeColumn.create(name)
                : decimal || declared.contains("dec") || declared.contains("num") ? DoubleColumn.create(name)
                : declared.contains("int") ? IntColumn.create(name) : StringColumn.create(name);
        for (int i = 0; i < leadingMissing; i++) {
            column.appendMissing();
        }
        return column;
    }

    private Column<?> integers() {
        long[] values = longs.toLongArray();
        boolean truth = declared.startsWith("bool");
        boolean narrow = true;
        for (int i = 0; i < values.length; i++) {
            if (!missing.get(i)) {
                long v = values[i];
                truth &= v == 0 || v == 1;
                narrow &= v > Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
                if (v == Long.MIN_VALUE) {
                    throw new UsageError("SQLite column '" + name + "', row " + String.format("%,d", i + 1) + ": " + v
                            + " is the one 64-bit integer a table cannot hold (it marks missing values). Read it as text in a --query: SELECT CAST("
                            + name + " AS TEXT) AS " + name + ".");
                }
            }
        }
        Column<?> column = truth ? BooleanColumn.create(name) : decimal ? DoubleColumn.create(name)
                : narrow ? IntColumn.create(name) : LongColumn.create(name);
        for (int i = 0; i < values.length; i++) {
            if (missing.get(i)) {
                column.appendMissing();
            } else if (column instanceof BooleanColumn c) {
                c.append(values[i] == 1);
            } else if (column instanceof DoubleColumn c) {
                c.append(exact(values[i], i + 1));
            } else if (column instanceof IntColumn c) {
                c.append((int) values[i]);
            } else {
                ((LongColumn) column).append(values[i]);
            }
        }
        return column;
    }

    /** Text, or dates and date-times when the column is declared so and every value is one (ISO, as SQLite's date functions write them). */
    private Column<?> texts() {
        boolean date = declared.equals("date");
        boolean dateTime = declared.contains("datetime") || declared.contains("timestamp");
        try {
            if (date) {
                DateColumn column = DateColumn.create(name);
                texts.forEach(t -> column.append(t == null ? null : LocalDate.parse(t)));
                return column;
            }
            if (dateTime) {
                DateTimeColumn column = DateTimeColumn.create(name);
                texts.forEach(t -> column.append(t == null ? null : LocalDateTime.parse(t.replace(' ', 'T'))));
                return column;
            }
        } catch (DateTimeParseException notAllDates) {
            // Some value is no ISO date: the column is what SQLite holds, text.
        }
        return strings();
    }

    private StringColumn strings() {
        StringColumn column = StringColumn.create(name);
        texts.forEach(t -> {
            if (t == null) {
                column.appendMissing();
            } else {
                column.append(t);
            }
        });
        return column;
    }

    private static String plural(Kind kind) {
        return switch (kind) {
            case INTEGER, REAL -> "numbers";
            case TEXT -> "text";
            case BLOB -> "blobs";
            case NONE -> "nothing";
        };
    }

    private static String shown(Object value) {
        return value instanceof String s ? "'" + s + "'" : value instanceof byte[] ? "a blob" : value.toString();
    }
}
