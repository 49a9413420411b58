package sluice.clean;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sluice.magic.UsageError;
import sluice.pipeline.Step;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code %clean fill COLS --with mean|median|mode|zero|VALUE}: fills missing values with a value
 * learned once per column (a mean, a median, the most frequent value) or given by the user.
 *
 * <p>Numeric columns take any rule; text, boolean and date columns take {@code mode} or a value.
 * A mean or median makes an integer column a decimal one (as pandas turns an integer column with
 * gaps into floats): 43.92 cannot be stored in an integer column without changing it, and the type
 * must not depend on which rows the step is fitted on. An integer column filled with {@code zero},
 * its mode or a whole number stays integer; a float column becomes a double one. A mode tie goes to
 * the smallest value, as pandas' {@code mode()[0]} does.
 *
 * @param values the learned value per column (Double for numeric columns), or null before fitting
 */
public record FillStep(List<String> columns, String rule, Map<String, Object> values) implements Step {
    private static final long serialVersionUID = 1L;

    public FillStep {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new UsageError("Name the columns to fill, or use --all.");
        }
        if (rule == null || rule.isEmpty()) {
            throw new UsageError("Say what to fill with: --with mean, median, mode, zero or a value.");
        }
        values = values == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** An unfitted fill of {@code columns} with {@code rule}: mean, median, mode, zero or a literal value. */
    public FillStep(List<String> columns, String rule) {
        this(columns, rule, null);
    }

    /** The numeric columns of {@code table}, in order: those {@code --all} fills with mean, median or zero. */
    public static List<String> numericColumns(Table table) {
        List<String> names = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            if (Columns.isNumeric(column)) {
                names.add(column.name());
            }
        }
        return names;
    }

    /** Whether {@code rule} is one that only numeric columns take (mean, median, zero). */
    public static boolean isNumericRule(String rule) {
        String named = rule.toLowerCase();
        return named.equals("mean") || named.equals("median") || named.equals("zero");
    }

    @Override
    public FillStep fit(Table table) {
        Columns.requireAll(table, columns);
        Map<String, Object> learned = new LinkedHashMap<>();
        for (String name : columns) {
            learned.put(name, learn(table.column(name)));
        }
        return new FillStep(columns, rule, learned);
    }

    private Object learn(Column<?> column) {
        String named = rule.toLowerCase();
        if (column instanceof NumericColumn<?> numbers) {
            return switch (named) {
                case "mean" -> mean(numbers);
                case "median" -> median(numbers);
                case "zero" -> 0.0;
                case "mode" -> ((Number) mode(column)).doubleValue();
                default -> parseNumber(column.name());
            };
        }
        if (named.equals("mean") || named.equals("median") || named.equals("zero")) {
            throw new UsageError("Cannot fill " + Columns.kind(column) + " column '" + column.name() + "' with "
                    + named + "; use --with mode or a value.");
        }
        if (named.equals("mode")) {
            return mode(column);
        }
        if (column instanceof StringColumn) {
            return rule;
        }
        return parseValue(column);
    }

    private Double parseNumber(String name) {
        try {
            return Double.parseDouble(rule.trim());
        } catch (NumberFormatException e) {
            throw new UsageError("Cannot fill numeric column '" + name + "' with '" + rule
                    + "'; use --with mean, median, mode, zero or a number.");
        }
    }

    private Object parseValue(Column<?> column) {
        Column<?> probe = column.emptyCopy();
        try {
            probe.appendCell(rule);
        } catch (RuntimeException e) {
            probe.appendMissing();
        }
        if (probe.isMissing(0)) {
            throw new UsageError("Cannot fill " + Columns.kind(column) + " column '" + column.name() + "' with '"
                    + rule + "'; use --with mode or a " + Columns.kind(column) + " value.");
        }
        return probe.get(0);
    }

    private static double mean(NumericColumn<?> column) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < column.size(); i++) {
            double value = column.getDouble(i); // NaN where missing, as in fillNumbers
            if (!Double.isNaN(value)) {
                sum += value;
                count++;
            }
        }
        requireValues(column, count, "mean");
        return sum / count;
    }

    private static double median(NumericColumn<?> column) {
        double[] sorted = Quantiles.sortedValues(column);
        requireValues(column, sorted.length, "median");
        return Quantiles.quantile(sorted, 0.5);
    }

    private static Object mode(Column<?> column) {
        Map<Object, Integer> counts = new HashMap<>();
        for (int i = 0; i < column.size(); i++) {
            if (!column.isMissing(i)) {
                counts.merge(column.get(i), 1, Integer::sum);
            }
        }
        requireValues(column, counts.size(), "mode");
        Object best = null;
        int bestCount = 0;
        for (Map.Entry<Object, Integer> entry : counts.entrySet()) {
            int count = entry.getValue();
            if (count > bestCount || count == bestCount && smaller(entry.getKey(), best)) {
                best = entry.getKey();
                bestCount = count;
            }
        }
        return best;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean smaller(Object a, Object b) {
        return a instanceof Comparable comparable && comparable.compareTo(b) < 0;
    }

    private static void requireValues(Column<?> column, int count, String what) {
        if (count == 0) {
            throw new UsageError("Cannot fill '" + column.name() + "' with its " + what
                    + ": it has no values to learn from; use --with a value.");
        }
    }

    @Override
    public Table apply(Table table) {
        if (values == null) {
            throw new IllegalStateException("fit the fill step before applying it");
        }
        Columns.requireAll(table, columns);
        Map<String, Column<?>> filled = new HashMap<>();
        for (String name : columns) {
            filled.put(name, fill(table.column(name), values.get(name)));
        }
        return Columns.replacing(table, filled);
    }

    private Column<?> fill(Column<?> column, Object value) {
        if (value instanceof Double number) {
            if (!(column instanceof NumericColumn<?> numbers)) {
                throw new UsageError("Column '" + column.name() + "' is " + Columns.kind(column)
                        + " here but was numeric when the fill was learned; cast it first.");
            }
            return fillNumbers(numbers, number);
        }
        if (Columns.isNumeric(column)) {
            throw new UsageError("Column '" + column.name() + "' is numeric here but was "
                    + "not when the fill was learned; cast it first.");
        }
        @SuppressWarnings("unchecked")
        Column<Object> copy = (Column<Object>) column.copy();
        try {
            copy.set(copy.isMissing(), value);
        } catch (ClassCastException e) {
            throw new UsageError("Column '" + column.name() + "' is " + Columns.kind(column)
                    + " here, unlike when the fill was learned; cast it first.");
        }
        return copy;
    }

    private Column<?> fillNumbers(NumericColumn<?> column, double value) {
        boolean whole = value == Math.rint(value) && !isMeanOrMedian();
        if (whole && column instanceof IntColumn ints && Math.abs(value) <= Integer.MAX_VALUE) {
            return ints.copy().set(ints.isMissing(), (int) value);
        }
        if (whole && column instanceof LongColumn longs && Math.abs(value) < Long.MAX_VALUE) {
            return longs.copy().set(longs.isMissing(), (long) value);
        }
        if (whole && column instanceof ShortColumn shorts && Math.abs(value) <= Short.MAX_VALUE) {
            return shorts.copy().set(shorts.isMissing(), (short) value);
        }
        // Tablesaw's asDoubleArray gives NaN for the missing values of every numeric type (getDouble does),
        // so no row needs asking isMissing.
        double[] out = column.asDoubleArray();
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(out[i])) {
                out[i] = value;
            }
        }
        return DoubleColumn.create(column.name(), out);
    }

    private boolean isMeanOrMedian() {
        String named = rule.toLowerCase();
        return named.equals("mean") || named.equals("median");
    }

    /** The learned value of {@code column} as reports show it: "mean 43.92", "mode 'male'", "0", "'unknown'". */
    public String valueText(String column) {
        Object value = values == null ? null : values.get(column);
        String named = rule.toLowerCase();
        String shown = value == null ? ""
                : value instanceof Double number ? Numbers.format(number)
                : value instanceof String text ? "'" + text + "'"
                : value.toString();
        return switch (named) {
            case "mean", "median", "mode" -> (named + " " + shown).strip();
            case "zero" -> "0";
            default -> value == null || value instanceof String ? "'" + rule + "'" : rule;
        };
    }

    @Override
    public String describe() {
        if (values == null) {
            return "fill " + Columns.join(columns) + " with " + rule;
        }
        List<String> parts = new ArrayList<>();
        for (String name : columns) {
            parts.add(name + " with " + valueText(name));
        }
        return "fill " + String.join(", ", parts);
    }
}
