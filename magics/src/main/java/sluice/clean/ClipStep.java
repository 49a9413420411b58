package sluice.clean;

import java.io.Serializable;
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
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code %clean clip COLS --iqr K|--z K|--range lo:hi}: sets values outside bounds to the nearest
 * bound (no row is dropped; missing values stay missing). The bounds are learned at fit, per column:
 * Q1 − K·IQR to Q3 + K·IQR (quartiles interpolated as pandas does), or mean ± K·std (sample
 * standard deviation, as pandas' {@code std()}), or given. An integer column stays integer: its
 * bounds are rounded inwards (2.5 to 3 below, 7.5 to 7 above), which clips every integer exactly as
 * the exact bounds would.
 *
 * @param bounds the learned bounds per column, or null before fitting
 */
public record ClipStep(List<String> columns, Method method, double k, Bounds given, Map<String, Bounds> bounds)
        implements Step {
    private static final long serialVersionUID = 1L;

    /** How the bounds are found. */
    public enum Method {
        IQR, Z, RANGE
    }

    /** Lowest and highest value kept. */
    public record Bounds(double low, double high) implements Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            return "[" + Numbers.format(low) + ", " + Numbers.format(high) + "]";
        }
    }

    public ClipStep {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new UsageError("Name the columns to clip, e.g. %clean clip body_mass_g --iqr 1.5.");
        }
        if (method != Method.RANGE && !(k > 0)) {
            throw new UsageError("--" + method.name().toLowerCase() + " takes a positive number, e.g. --"
                    + method.name().toLowerCase() + (method == Method.IQR ? " 1.5." : " 3."));
        }
        if (method == Method.RANGE && !(given.low() <= given.high())) {
            throw new UsageError("--range " + Numbers.format(given.low()) + ":" + Numbers.format(given.high())
                    + " has its low bound above the high one; give it as low:high.");
        }
        bounds = bounds == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(bounds));
    }

    /** Clip to Q1 − k·IQR … Q3 + k·IQR, learned at fit. */
    public static ClipStep iqr(List<String> columns, double k) {
        return new ClipStep(columns, Method.IQR, k, null, null);
    }

    /** Clip to mean ± k·std, learned at fit. */
    public static ClipStep z(List<String> columns, double k) {
        return new ClipStep(columns, Method.Z, k, null, null);
    }

    /** Clip to the given bounds. */
    public static ClipStep range(List<String> columns, double low, double high) {
        return new ClipStep(columns, Method.RANGE, 0, new Bounds(low, high), null);
    }

    /** Clip to bounds written {@code low:high}, as after {@code --range}. */
    public static ClipStep range(List<String> columns, String lowHigh) {
        int colon = lowHigh.indexOf(':', 1);
        double low;
        double high;
        try {
            low = Double.parseDouble(lowHigh.substring(0, colon).trim());
            high = Double.parseDouble(lowHigh.substring(colon + 1).trim());
        } catch (RuntimeException e) {
            throw new UsageError("Cannot read --range '" + lowHigh + "'; give it as low:high, e.g. --range 0:100.");
        }
        return range(columns, low, high);
    }

    @Override
    public ClipStep fit(Table table) {
        Columns.requireAll(table, columns);
        Map<String, Bounds> learned = new LinkedHashMap<>();
        for (String name : columns) {
            learned.put(name, learn(numeric(table.column(name))));
        }
        return new ClipStep(columns, method, k, given, learned);
    }

    private static NumericColumn<?> numeric(Column<?> column) {
        if (column instanceof NumericColumn<?> numbers) {
            return numbers;
        }
        throw new UsageError("Cannot clip " + Columns.kind(column) + " column '" + column.name()
                + "'; clip works on numeric columns.");
    }

    private Bounds learn(NumericColumn<?> column) {
        if (method == Method.RANGE) {
            return given;
        }
        double[] sorted = Quantiles.sortedValues(column);
        if (sorted.length < 2) {
            throw new UsageError("Cannot clip '" + column.name() + "' by " + method.name().toLowerCase()
                    + ": it has fewer than two values to learn bounds from; use --range lo:hi.");
        }
        if (method == Method.IQR) {
            double q1 = Quantiles.quantile(sorted, 0.25);
            double q3 = Quantiles.quantile(sorted, 0.75);
            return new Bounds(q1 - k * (q3 - q1), q3 + k * (q3 - q1));
        }
        double mean = 0;
        for (double value : sorted) {
            mean += value;
        }
        mean /= sorted.length;
        double squares = 0;
        for (double value : sorted) {
            squares += (value - mean) * (value - mean);
        }
        double std = Math.sqrt(squares / (sorted.length - 1));
        return new Bounds(mean - k * std, mean + k * std);
    }

    @Override
    public Table apply(Table table) {
        if (bounds == null) {
            throw new IllegalStateException("fit the clip step before applying it");
        }
        Columns.requireAll(table, columns);
        Map<String, Column<?>> clipped = new HashMap<>();
        for (String name : columns) {
            clipped.put(name, clip(numeric(table.column(name)), bounds.get(name)));
        }
        return Columns.replacing(table, clipped);
    }

    private static Column<?> clip(NumericColumn<?> column, Bounds bounds) {
        double low = bounds.low();
        double high = bounds.high();
        boolean whole = column instanceof IntColumn || column instanceof LongColumn || column instanceof ShortColumn;
        if (whole) {
            low = Math.ceil(low);
            high = Math.floor(high);
        }
        int size = column.size();
        if (column instanceof IntColumn ints) {
            IntColumn out = ints.copy();
            for (int i = 0; i < size; i++) {
                if (!ints.isMissing(i)) {
                    out.set(i, (int) Math.min(high, Math.max(low, ints.getInt(i))));
                }
            }
            return out;
        }
        if (column instanceof LongColumn longs) {
            LongColumn out = longs.copy();
            for (int i = 0; i < size; i++) {
                if (!longs.isMissing(i)) {
                    out.set(i, (long) Math.min(high, Math.max(low, longs.getLong(i))));
                }
            }
            return out;
        }
        if (column instanceof ShortColumn shorts) {
            ShortColumn out = shorts.copy();
            for (int i = 0; i < size; i++) {
                if (!shorts.isMissing(i)) {
                    out.set(i, (short) Math.min(high, Math.max(low, shorts.getShort(i))));
                }
            }
            return out;
        }
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = column.isMissing(i) ? Double.NaN : Math.min(high, Math.max(low, column.getDouble(i)));
        }
        return DoubleColumn.create(column.name(), out);
    }

    @Override
    public String describe() {
        String how = switch (method) {
            case IQR -> " (IQR × " + Numbers.format(k) + ")";
            case Z -> " (mean ± " + Numbers.format(k) + " std)";
            case RANGE -> "";
        };
        if (bounds == null) {
            return "clip " + Columns.join(columns) + (method == Method.RANGE ? " to " + given : how);
        }
        List<String> parts = new ArrayList<>();
        for (String name : columns) {
            parts.add(name + " to " + bounds.get(name));
        }
        return "clip " + String.join(", ", parts) + how;
    }
}
