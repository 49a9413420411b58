package sluice.ingest;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.TimeColumn;
import tech.tablesaw.columns.Column;

/**
 * Reads a JDBC result into Tablesaw columns of matching types, one row at a time as the driver
 * streams them, so only the columns and one fetch of rows are ever held. Tablesaw's own
 * {@code Table.read().db} reads a timestamp as an instant, a {@code numeric(10,2)} as a float,
 * and fails on types it does not know; here anything without a closer match is read as text.
 */
final class JdbcColumns {
    private JdbcColumns() {
    }

    /** Reads at most {@code limit} rows of {@code rows} into a table called {@code name}. */
    static Table read(ResultSet rows, String name, long limit) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int width = meta.getColumnCount();
        Table table = Table.create(name);
        Cell[] cells = new Cell[width];
        Set<String> names = new HashSet<>();
        for (int i = 1; i <= width; i++) {
            Column<?> column = type(meta, i).create(unique(meta.getColumnLabel(i), names));
            table.addColumns(column);
            cells[i - 1] = cell(table, column, i, meta);
        }
        for (long row = 0; row < limit && rows.next(); row++) {
            for (Cell cell : cells) {
                cell.read(rows);
            }
        }
        return table;
    }

    /** The column type for column {@code i}: integer, bigint, numeric, real/double, boolean, text, date, timestamp. */
    static ColumnType type(ResultSetMetaData meta, int i) throws SQLException {
        int precision = meta.getPrecision(i);
        int scale = meta.getScale(i);
        String typeName = String.valueOf(meta.getColumnTypeName(i)).toLowerCase();
        return switch (meta.getColumnType(i)) {
            case Types.BOOLEAN -> ColumnType.BOOLEAN;
            // PostgreSQL's bool is a BIT of precision 1, like bit(1); a longer or unsized bit string is text
            case Types.BIT -> typeName.startsWith("bool") || precision == 1 ? ColumnType.BOOLEAN : ColumnType.STRING;
            case Types.TINYINT, Types.SMALLINT -> ColumnType.INTEGER;
            case Types.INTEGER -> meta.isSigned(i) ? ColumnType.INTEGER : ColumnType.LONG;
            // an unsigned bigint (MariaDB's) past 2^63 is refused by the cell, not rounded
            case Types.BIGINT -> ColumnType.LONG;
            // numeric(p, 0) holds whole numbers (past 18 digits checked by the cell); unconstrained numeric
            // reports precision 0 and may hold fractions
            case Types.NUMERIC, Types.DECIMAL -> scale != 0 || precision <= 0 ? ColumnType.DOUBLE
                    : precision <= 9 ? ColumnType.INTEGER : ColumnType.LONG;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> ColumnType.DOUBLE;
            case Types.DATE -> ColumnType.LOCAL_DATE;
            case Types.TIME -> typeName.contains("tz") || typeName.contains("zone") ? ColumnType.STRING : ColumnType.LOCAL_TIME;
            case Types.TIMESTAMP -> typeName.contains("tz") || typeName.contains("zone") ? ColumnType.INSTANT : ColumnType.LOCAL_DATE_TIME;
            case Types.TIMESTAMP_WITH_TIMEZONE -> ColumnType.INSTANT;
            default -> ColumnType.STRING;
        };
    }

    /** Tablesaw's integer columns keep their smallest value to mean missing: a 64-bit one cannot widen further. */
    static sluice.magic.UsageError keptForMissing(String column, int row, long value) {
        return ExactCells.refused(column, row, Long.toString(value), "is the value a 64-bit integer column keeps for missing");
    }

    /**
     * An integer column that turns into a 64-bit one when a value is -2^31, which Tablesaw's
     * IntColumn keeps for missing, so that the value is read as it is and not as a gap.
     */
    private static final class IntCell implements Cell {
        private final Table table;
        private final int index;
        private IntColumn ints;
        private LongColumn longs;

        IntCell(Table table, IntColumn ints, int index) {
            this.table = table;
            this.ints = ints;
            this.index = index;
        }

        @Override
        public void read(ResultSet rows) throws SQLException {
            if (longs != null) {
                long v = rows.getLong(index);
                if (rows.wasNull()) {
                    longs.appendMissing();
                } else {
                    longs.append(v);
                }
                return;
            }
            int v = rows.getInt(index);
            if (rows.wasNull()) {
                ints.appendMissing();
            } else if (v == Integer.MIN_VALUE) {
                longs = LongColumn.create(ints.name());
                for (int row = 0; row < ints.size(); row++) {
                    if (ints.isMissing(row)) {
                        longs.appendMissing();
                    } else {
                        longs.append(ints.getInt(row));
                    }
                }
                table.replaceColumn(ints.name(), longs);
                longs.append(v);
                ints = null;
            } else {
                ints.append(v);
            }
        }
    }

    /** How one cell of a column is read from the current row and appended. */
    interface Cell {
        void read(ResultSet rows) throws SQLException;
    }

    private static Cell cell(Table table, Column<?> column, int i, ResultSetMetaData meta) throws SQLException {
        Cell exact = ExactCells.cell(column, i, meta);
        if (exact != null) {
            return exact;
        }
        if (column instanceof IntColumn c) {
            return new IntCell(table, c, i);
        }
        if (column instanceof LongColumn c) {
            return rows -> {
                long v = rows.getLong(i);
                if (rows.wasNull()) {
                    c.appendMissing();
                } else if (v == Long.MIN_VALUE) {
                    throw keptForMissing(c.name(), c.size() + 1, v);
                } else {
                    c.append(v);
                }
            };
        }
        if (column instanceof DoubleColumn c) {
            return rows -> {
                double v = rows.getDouble(i);
                if (rows.wasNull()) {
                    c.appendMissing();
                } else {
                    c.append(v);
                }
            };
        }
        if (column instanceof BooleanColumn c) {
            return rows -> {
                boolean v = rows.getBoolean(i);
                if (rows.wasNull()) {
                    c.appendMissing();
                } else {
                    c.append(v);
                }
            };
        }
        if (column instanceof DateColumn c) {
            return rows -> c.append(finite(rows.getObject(i, LocalDate.class)));
        }
        if (column instanceof DateTimeColumn c) {
            return rows -> c.append(finite(rows.getObject(i, LocalDateTime.class)));
        }
        if (column instanceof InstantColumn c) {
            return rows -> {
                OffsetDateTime v = rows.getObject(i, OffsetDateTime.class);
                c.append(v == null || v.getYear() < -9999 || v.getYear() > 9999 ? null : v.toInstant());
            };
        }
        if (column instanceof TimeColumn c) {
            return rows -> c.append(rows.getObject(i, LocalTime.class));
        }
        StringColumn c = (StringColumn) column;
        return rows -> {
            String v = rows.getString(i);
            if (v == null) {
                c.appendMissing();
            } else {
                c.append(v);
            }
        };
    }

    /** PostgreSQL's {@code infinity} arrives as the largest date; Tablesaw cannot hold it, so it reads as missing. */
    private static LocalDate finite(LocalDate date) {
        return date == null || date.getYear() < -9999 || date.getYear() > 9999 ? null : date;
    }

    private static LocalDateTime finite(LocalDateTime time) {
        return time == null || time.getYear() < -9999 || time.getYear() > 9999 ? null : time;
    }

    /** {@code SELECT a.id, b.id} gives two columns called id; the second becomes id_2. */
    static String unique(String label, Set<String> taken) {
        String base = label == null || label.isBlank() ? "column" : label;
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase()); n++) {
            name = base + "_" + n;
        }
        return name;
    }
}
