package sluice.ingest;

import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import sluice.magic.UsageError;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.columns.Column;

/**
 * The cells of {@link JdbcColumns} that need a check to stay right: an unsigned bigint or a wide
 * {@code decimal(p, 0)} must fit 64 bits, a wide decimal with a fraction must come back from a double
 * as written, and MariaDB's {@code tinyint(1)} booleans must hold 0 or 1. Anything else is refused
 * with the row and value, never rounded.
 */
final class ExactCells {
    /** Every decimal of up to 15 significant digits comes back from the nearest double as written. */
    private static final int DOUBLE_DIGITS = 15;

    private ExactCells() {
    }

    /** The checked reader for column {@code i}, or null when the plain one is right. */
    static JdbcColumns.Cell cell(Column<?> column, int i, ResultSetMetaData meta) throws SQLException {
        int type = meta.getColumnType(i);
        String name = column.name();
        boolean decimal = type == Types.DECIMAL || type == Types.NUMERIC;
        if (column instanceof LongColumn c && (type == Types.BIGINT && !meta.isSigned(i) || decimal && meta.getPrecision(i) > 18)) {
            return rows -> {
                BigDecimal v = rows.getBigDecimal(i);
                if (v == null) {
                    c.appendMissing();
                    return;
                }
                try {
                    long exact = v.longValueExact();
                    if (exact == Long.MIN_VALUE) {
                        throw JdbcColumns.keptForMissing(name, c.size() + 1, exact);
                    }
                    c.append(exact);
                } catch (ArithmeticException e) {
                    throw refused(name, c.size() + 1, v.toPlainString(), "does not fit a 64-bit integer");
                }
            };
        }
        if (column instanceof DoubleColumn c && decimal && meta.getPrecision(i) > DOUBLE_DIGITS) {
            return rows -> {
                BigDecimal v = rows.getBigDecimal(i);
                if (v == null) {
                    c.appendMissing();
                    return;
                }
                double d = v.doubleValue();
                if (v.stripTrailingZeros().precision() > DOUBLE_DIGITS && (Double.isInfinite(d)
                        || new BigDecimal(Double.toString(d)).compareTo(v) != 0)) {
                    throw refused(name, c.size() + 1, v.toPlainString(), "has more digits than a decimal column holds");
                }
                c.append(d);
            };
        }
        if (column instanceof BooleanColumn c && "BOOLEAN".equals(meta.getColumnTypeName(i))) {
            // MariaDB's BOOLEAN is tinyint(1), which holds -128 to 127: only 0 and 1 are truth values.
            return rows -> {
                int v = rows.getInt(i);
                if (rows.wasNull()) {
                    c.appendMissing();
                } else if (v == 0 || v == 1) {
                    c.append(v == 1);
                } else {
                    throw refused(name, c.size() + 1, Integer.toString(v), "is neither 0 nor 1 in a boolean column");
                }
            };
        }
        return null;
    }

    static UsageError refused(String column, int row, String value, String problem) {
        return new UsageError("Column '" + column + "', row " + String.format("%,d", row) + ": " + value + " " + problem
                + ". Read it as text: --query \"SELECT CAST(" + column + " AS VARCHAR(100)) AS " + column + ", … FROM …\".");
    }
}
