package sluice.clean;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import sluice.magic.UsageError;
import sluice.pipeline.Step;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code %clean cast COLS --to category|integer|decimal|text|date|boolean}: converts columns, in new
 * rows too. Values that do not convert stop the cast with their count and a few examples; an integer
 * cast never rounds (1.5 is an error). Dates are ISO ({@code 2024-01-31}); booleans read
 * true/false, yes/no and 1/0.
 *
 * <p>A category column is a text column whose levels (sorted distinct values) are learned at fit.
 * On new rows a value outside those levels is kept as it is, not blanked: the cast cannot know
 * whether it is a typo or a new kind, and whoever encodes it for a model ({@code %train}, the
 * prediction endpoint) decides, with {@link #levels()} at hand.
 *
 * @param levels the learned levels per column for a category cast, or null (not fitted, or another target)
 */
public record CastStep(List<String> columns, To to, Map<String, List<String>> levels) implements Step {
    private static final long serialVersionUID = 1L;

    /**
     * The types a column can be cast to, labelled in the words {@code %ingest} and the table view use. The constants
     * keep their first names, which saved models hold and {@code --to} still reads (int, double, string).
     */
    public enum To {
        CATEGORY, INT, DOUBLE, STRING, DATE, BOOLEAN;

        public String label() {
            return switch (this) {
                case INT -> "integer";
                case DOUBLE -> "decimal";
                case STRING -> "text";
                default -> name().toLowerCase(Locale.ROOT);
            };
        }

        /** The target as the user writes it after {@code --to}. */
        @Override
        public String toString() {
            return label();
        }
    }

    public CastStep {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new UsageError("Name the columns to cast, e.g. %clean cast species --to category.");
        }
        levels = levels == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    }

    /** An unfitted cast of {@code columns} to {@code to}. */
    public CastStep(List<String> columns, To to) {
        this(columns, to, null);
    }

    @Override
    public CastStep fit(Table table) {
        Columns.requireAll(table, columns);
        Map<String, List<String>> learned = new LinkedHashMap<>();
        for (String name : columns) {
            Column<?> column = table.column(name);
            if (to == To.CATEGORY) {
                learned.put(name, levelsOf(column));
            } else if (!(column instanceof StringColumn && to == To.STRING)) {
                convert(column);
            }
        }
        return new CastStep(columns, to, to == To.CATEGORY ? learned : null);
    }

    private static List<String> levelsOf(Column<?> column) {
        if (column instanceof StringColumn text) {
            TreeSet<String> distinct = new TreeSet<>(text.unique().asList());
            distinct.remove("");
            return List.copyOf(distinct);
        }
        TreeSet<Object> distinct = new TreeSet<>();
        for (int i = 0; i < column.size(); i++) {
            if (!column.isMissing(i)) {
                distinct.add(column.get(i));
            }
        }
        return distinct.stream().map(CastStep::text).toList();
    }

    @Override
    public Table apply(Table table) {
        if (to == To.CATEGORY && levels == null) {
            throw new IllegalStateException("fit the category cast before applying it");
        }
        Columns.requireAll(table, columns);
        Map<String, Column<?>> cast = new HashMap<>();
        for (String name : columns) {
            cast.put(name, convert(table.column(name)));
        }
        return Columns.replacing(table, cast);
    }

    private Column<?> convert(Column<?> column) {
        return switch (to) {
            case CATEGORY, STRING -> toText(column);
            case INT -> toInt(column);
            case DOUBLE -> toDouble(column);
            case DATE -> toDate(column);
            case BOOLEAN -> toBoolean(column);
        };
    }

    private static StringColumn toText(Column<?> column) {
        if (column instanceof StringColumn text) {
            return text; // already text; steps never change columns in place, so it can be shared
        }
        StringColumn out = StringColumn.create(column.name());
        for (int i = 0; i < column.size(); i++) {
            if (column.isMissing(i)) {
                out.appendMissing();
            } else {
                out.append(text(column.get(i)));
            }
        }
        return out;
    }

    /** A value as text: whole doubles without ".0", so 3750.0 becomes the level "3750". */
    static String text(Object value) {
        if (value instanceof Double number && number == Math.rint(number) && Math.abs(number) < 1e15) {
            return Long.toString(number.longValue());
        }
        return String.valueOf(value);
    }

    private IntColumn toInt(Column<?> column) {
        requireFrom(column, column instanceof NumericColumn<?> || column instanceof StringColumn
                || column instanceof BooleanColumn);
        if (column instanceof IntColumn ints) {
            return ints.copy();
        }
        IntColumn out = IntColumn.create(column.name());
        CastFailures failures = new CastFailures();
        for (int i = 0; i < column.size(); i++) {
            if (column.isMissing(i)) {
                out.appendMissing();
                continue;
            }
            Integer value = column instanceof NumericColumn<?> numbers ? wholeInt(numbers.getDouble(i))
                    : column instanceof BooleanColumn booleans ? Integer.valueOf(booleans.get(i) ? 1 : 0)
                    : parseInt(column.getString(i));
            if (value == null) {
                failures.add(column.get(i));
                out.appendMissing();
            } else {
                out.append(value);
            }
        }
        failures.check(column.name(), To.INT);
        return out;
    }

    private static Integer wholeInt(double value) {
        return value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE ? (int) value : null;
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private DoubleColumn toDouble(Column<?> column) {
        requireFrom(column, column instanceof NumericColumn<?> || column instanceof StringColumn
                || column instanceof BooleanColumn);
        double[] out = new double[column.size()];
        CastFailures failures = new CastFailures();
        for (int i = 0; i < out.length; i++) {
            if (column.isMissing(i)) {
                out[i] = Double.NaN;
            } else if (column instanceof NumericColumn<?> numbers) {
                out[i] = numbers.getDouble(i);
            } else if (column instanceof BooleanColumn booleans) {
                out[i] = booleans.get(i) ? 1 : 0;
            } else {
                try {
                    out[i] = Double.parseDouble(column.getString(i).trim());
                } catch (NumberFormatException e) {
                    failures.add(column.get(i));
                }
            }
        }
        failures.check(column.name(), To.DOUBLE);
        return DoubleColumn.create(column.name(), out);
    }

    private DateColumn toDate(Column<?> column) {
        requireFrom(column, column instanceof DateColumn || column instanceof DateTimeColumn
                || column instanceof StringColumn);
        if (column instanceof DateColumn dates) {
            return dates.copy();
        }
        DateColumn out = DateColumn.create(column.name());
        CastFailures failures = new CastFailures();
        for (int i = 0; i < column.size(); i++) {
            if (column.isMissing(i)) {
                out.appendMissing();
            } else if (column instanceof DateTimeColumn times) {
                out.append(times.get(i).toLocalDate());
            } else {
                try {
                    out.append(LocalDate.parse(column.getString(i).trim()));
                } catch (DateTimeParseException e) {
                    failures.add(column.get(i));
                    out.appendMissing();
                }
            }
        }
        failures.check(column.name(), To.DATE);
        return out;
    }

    private BooleanColumn toBoolean(Column<?> column) {
        requireFrom(column, column instanceof BooleanColumn || column instanceof NumericColumn<?>
                || column instanceof StringColumn);
        if (column instanceof BooleanColumn booleans) {
            return booleans.copy();
        }
        BooleanColumn out = BooleanColumn.create(column.name());
        CastFailures failures = new CastFailures();
        for (int i = 0; i < column.size(); i++) {
            if (column.isMissing(i)) {
                out.appendMissing();
                continue;
            }
            String value = column instanceof NumericColumn<?> numbers
                    ? Double.toString(numbers.getDouble(i)) : column.getString(i).trim().toLowerCase(Locale.ROOT);
            switch (value) {
                case "true", "yes", "1", "1.0" -> out.append(true);
                case "false", "no", "0", "0.0" -> out.append(false);
                default -> {
                    failures.add(column.get(i));
                    out.appendMissing();
                }
            }
        }
        failures.check(column.name(), To.BOOLEAN);
        return out;
    }

    private void requireFrom(Column<?> column, boolean possible) {
        if (!possible) {
            throw new UsageError("Cannot cast " + Columns.kind(column) + " column '" + column.name() + "' to "
                    + to.label() + ".");
        }
    }

    @Override
    public String describe() {
        String text = "cast " + Columns.join(columns) + " to " + to.label();
        if (levels == null) {
            return text;
        }
        List<String> counts = columns.stream().map(c -> String.valueOf(levels.get(c).size())).toList();
        return text + " (" + String.join(", ", counts) + " levels)";
    }
}
