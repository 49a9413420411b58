package sluice.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * One value appended to a typed column, from JSON or from a CSV cell: numbers where training had
 * numbers, text where it had text, with no silent coercion ({@code "0.7"} in JSON is not a number).
 * {@code null} (an empty CSV cell) is a missing value, which the model's fitted steps may fill; NaN
 * and Infinity are refused.
 */
final class Values {
    private Values() {
    }

    /**
     * A value refused, with a message that does not yet say where: the caller knows the place
     * ({@code records[0].carat}, {@code line 7, carat}) and builds it only when a value is refused.
     */
    static final class Rejected extends RuntimeException {
        Rejected(String message) {
            super(message, null, false, false);
        }
    }

    /** Appends {@code value}, or throws {@link Rejected}. */
    static void append(Column<?> column, Served.Field field, JsonNode value) {
        if (value.isNull()) {
            column.appendMissing();
            return;
        }
        if (column instanceof DoubleColumn d) {
            d.append(number(value));
        } else if (column instanceof FloatColumn f) {
            f.append((float) number(value));
        } else if (column instanceof IntColumn i) {
            i.append((int) integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE));
        } else if (column instanceof LongColumn l) {
            l.append(integer(value, Long.MIN_VALUE, Long.MAX_VALUE));
        } else if (column instanceof ShortColumn s) {
            s.append((short) integer(value, Short.MIN_VALUE, Short.MAX_VALUE));
        } else if (column instanceof BooleanColumn b) {
            if (!value.isBoolean()) {
                throw new Rejected("expected true or false, got " + PredictRequest.kind(value));
            }
            b.append(value.booleanValue());
        } else if (value.isTextual()) {
            appendText(column, field, value.textValue(), PredictRequest.kind(value));
        } else {
            throw new Rejected("expected " + expected(column, field) + ", got " + PredictRequest.kind(value));
        }
    }

    /**
     * Appends one CSV cell: {@code null} (an empty cell) is missing; numbers, whole numbers, true or
     * false and ISO dates are read as JSON would hold them, and anything else is refused.
     */
    static void appendCell(Column<?> column, Served.Field field, String cell) {
        if (cell == null) {
            column.appendMissing();
        } else if (column instanceof DoubleColumn d) {
            d.append(number(cell));
        } else if (column instanceof FloatColumn f) {
            f.append((float) number(cell));
        } else if (column instanceof IntColumn i) {
            i.append((int) integer(cell, Integer.MIN_VALUE, Integer.MAX_VALUE));
        } else if (column instanceof LongColumn l) {
            l.append(integer(cell, Long.MIN_VALUE, Long.MAX_VALUE));
        } else if (column instanceof ShortColumn s) {
            s.append((short) integer(cell, Short.MIN_VALUE, Short.MAX_VALUE));
        } else if (column instanceof BooleanColumn b) {
            if (!cell.equalsIgnoreCase("true") && !cell.equalsIgnoreCase("false")) {
                throw new Rejected("expected true or false, got " + quote(cell));
            }
            b.append(cell.equalsIgnoreCase("true"));
        } else {
            appendText(column, field, cell, quote(cell));
        }
    }

    /** Text into a text, date or date-time column; {@code shown} is how the value reads in a message. */
    private static void appendText(Column<?> column, Served.Field field, String text, String shown) {
        try {
            if (column instanceof StringColumn s) {
                s.append(text);
            } else if (column instanceof DateColumn d) {
                d.append(LocalDate.parse(text));
            } else if (column instanceof DateTimeColumn d) {
                d.append(LocalDateTime.parse(text));
            } else {
                column.appendCell(text);
            }
        } catch (DateTimeParseException e) {
            throw new Rejected("expected " + expected(column, field) + ", got " + shown);
        } catch (RuntimeException e) {
            throw new Rejected("not a valid " + field.kind() + ": " + shown);
        }
    }

    private static String expected(Column<?> column, Served.Field field) {
        if (column instanceof DateColumn) {
            return "a date such as \"2024-01-31\"";
        }
        if (column instanceof DateTimeColumn) {
            return "a date-time such as \"2024-01-31T12:00\"";
        }
        return "text" + (field.categories().isEmpty() ? "" : " (one of " + String.join(", ", field.categories()) + ")");
    }

    private static double number(JsonNode value) {
        return number(value, "a decimal number");
    }

    /** A finite JSON number; {@code what} names the column's type in messages ("a decimal number", "an integer"). */
    private static double number(JsonNode value, String what) {
        if (!value.isNumber()) {
            throw new Rejected("expected " + what + ", got " + PredictRequest.kind(value));
        }
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
            throw new Rejected("expected a finite number, got " + value.asText());
        }
        return d;
    }

    private static long integer(JsonNode value, long min, long max) {
        double d = number(value, "an integer");
        if (d != Math.rint(d) || d < min || d > max) {
            throw new Rejected("expected an integer between " + min + " and " + max + ", got " + value.asText());
        }
        return value.isIntegralNumber() ? value.longValue() : (long) d;
    }

    /**
     * A decimal number as JSON writes one ({@code -1.5e3}); refused are the other spellings
     * {@link Double#parseDouble} takes ({@code NaN}, {@code Infinity}, {@code 0x1p3}, {@code 2d}).
     */
    private static double number(String cell) {
        return number(cell, "a decimal number");
    }

    private static double number(String cell, String what) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                throw new Rejected("expected " + what + ", got " + quote(cell));
            }
        }
        double d;
        try {
            d = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new Rejected("expected " + what + ", got " + quote(cell));
        }
        if (!Double.isFinite(d)) {
            throw new Rejected("expected a finite number, got " + cell);
        }
        return d;
    }

    /** A whole number, written as one ({@code 181}) or as JSON may write it ({@code 181.0}, {@code 1.81e2}). */
    private static long integer(String cell, long min, long max) {
        try {
            long whole = Long.parseLong(cell);
            if (whole >= min && whole <= max) {
                return whole;
            }
        } catch (NumberFormatException e) {
            // not written as a plain whole number: read as a decimal below
        }
        double d = number(cell, "an integer");
        if (d != Math.rint(d) || d < min || d > max) {
            throw new Rejected("expected an integer between " + min + " and " + max + ", got " + cell);
        }
        return (long) d;
    }

    /** "\"abc\"", cut at 40 characters. */
    static String quote(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "\"" + shown + "\"";
    }
}
