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
 * One JSON value appended to a typed column: numbers where training had numbers, text where it had
 * text, with no silent coercion ({@code "0.7"} is not a number). {@code null} is a missing value,
 * which the model's fitted steps may fill; NaN and Infinity are refused.
 */
final class Values {
    private Values() {
    }

    static void append(Column<?> column, Served.Field field, JsonNode value, String at) {
        if (value.isNull()) {
            column.appendMissing();
            return;
        }
        if (column instanceof DoubleColumn d) {
            d.append(number(value, at));
        } else if (column instanceof FloatColumn f) {
            f.append((float) number(value, at));
        } else if (column instanceof IntColumn i) {
            i.append((int) integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE, at));
        } else if (column instanceof LongColumn l) {
            l.append(integer(value, Long.MIN_VALUE, Long.MAX_VALUE, at));
        } else if (column instanceof ShortColumn s) {
            s.append((short) integer(value, Short.MIN_VALUE, Short.MAX_VALUE, at));
        } else if (column instanceof BooleanColumn b) {
            if (!value.isBoolean()) {
                throw BadRequest.at(at, "expected true or false, got " + PredictRequest.kind(value));
            }
            b.append(value.booleanValue());
        } else if (column instanceof StringColumn s) {
            s.append(text(value, field, at));
        } else if (column instanceof DateColumn d) {
            d.append(Values.<LocalDate>parsed(value, at, "a date such as \"2024-01-31\"", LocalDate::parse));
        } else if (column instanceof DateTimeColumn d) {
            d.append(Values.<LocalDateTime>parsed(value, at, "a date-time such as \"2024-01-31T12:00\"", LocalDateTime::parse));
        } else {
            String text = text(value, field, at);
            try {
                column.appendCell(text);
            } catch (RuntimeException e) {
                throw BadRequest.at(at, "not a valid " + field.kind() + ": " + PredictRequest.kind(value));
            }
        }
    }

    private static double number(JsonNode value, String at) {
        if (!value.isNumber()) {
            throw BadRequest.at(at, "expected a number, got " + PredictRequest.kind(value));
        }
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
            throw BadRequest.at(at, "expected a finite number, got " + value.asText());
        }
        return d;
    }

    private static long integer(JsonNode value, long min, long max, String at) {
        double d = number(value, at);
        if (d != Math.rint(d) || d < min || d > max) {
            throw BadRequest.at(at, "expected a whole number between " + min + " and " + max + ", got " + value.asText());
        }
        return value.isIntegralNumber() ? value.longValue() : (long) d;
    }

    private static String text(JsonNode value, Served.Field field, String at) {
        if (!value.isTextual()) {
            String known = field.categories().isEmpty() ? "" : " (one of " + String.join(", ", field.categories()) + ")";
            throw BadRequest.at(at, "expected text" + known + ", got " + PredictRequest.kind(value));
        }
        return value.textValue();
    }

    private static <T> T parsed(JsonNode value, String at, String expected, java.util.function.Function<String, T> parse) {
        if (!value.isTextual()) {
            throw BadRequest.at(at, "expected " + expected + ", got " + PredictRequest.kind(value));
        }
        try {
            return parse.apply(value.textValue());
        } catch (DateTimeParseException e) {
            throw BadRequest.at(at, "expected " + expected + ", got " + PredictRequest.kind(value));
        }
    }
}
