package sluice.model;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import sluice.magic.UsageError;
import sluice.pipeline.Step;
import sluice.render.TypeNames;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The last step before a model: the feature columns as numbers. Numeric columns pass through,
 * booleans become 0/1, and text columns become, for linear models, one 0/1 column per level seen in
 * the training rows (one-hot), and for tree models one column holding the level's index (0, 1, …
 * in sorted order), which trees split as well and much faster. A level not seen in training
 * encodes as all zeros (one-hot) or -1 (index): like none of the known levels. {@link #unknown}
 * finds such values for callers that must refuse them (the endpoint).
 *
 * @param features the feature columns, in order
 * @param levels   per feature, the learned levels of a text column, or null for a number or boolean
 * @param oneHot   one-hot columns (true) or level indexes (false) for text features
 */
public record Encoding(List<String> features, List<List<String>> levels, boolean oneHot) implements Step {
    private static final long serialVersionUID = 1L;
    /** A text feature with more levels than this is refused: one-hot would make a column per value. */
    static final int MAX_LEVELS = 200;

    public Encoding {
        features = List.copyOf(features);
        levels = java.util.Collections.unmodifiableList(new ArrayList<>(levels));
    }

    /** An unfitted encoding of {@code features}. */
    public static Encoding of(List<String> features) {
        List<List<String>> none = new ArrayList<>();
        features.forEach(f -> none.add(null));
        return new Encoding(features, none, true);
    }

    /** This encoding with text features as one-hot columns (true) or level indexes (false). */
    public Encoding oneHot(boolean oneHot) {
        return new Encoding(features, levels, oneHot);
    }

    /** How many encoded columns feature {@code f} takes. */
    int width(int f) {
        return levels.get(f) == null || !oneHot ? 1 : levels.get(f).size();
    }

    @Override
    public Encoding fit(Table table) {
        List<List<String>> learned = new ArrayList<>();
        for (String name : features) {
            Column<?> column = column(table, name);
            if (column instanceof StringColumn text) {
                TreeSet<String> seen = new TreeSet<>(text.asSet());
                seen.remove("");
                if (seen.size() > MAX_LEVELS) {
                    throw new UsageError(String.format("Column '%s' has %,d distinct values, too many to encode as "
                            + "categories (at most %d). Leave it out with --exclude %s, or %%clean drop %s.",
                            name, seen.size(), MAX_LEVELS, name, name));
                }
                learned.add(List.copyOf(seen));
            } else if (column instanceof NumericColumn<?> || column instanceof BooleanColumn) {
                learned.add(null);
            } else {
                throw new UsageError("Column '" + name + "' is " + TypeNames.column(column.type())
                        + "; %train uses integer, decimal, boolean and text columns. Leave it out with --exclude " + name
                        + ", or %clean cast it.");
            }
        }
        return new Encoding(features, learned, oneHot);
    }

    /** The names of the encoded columns: a feature, or {@code feature=level} for each level of a text feature. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            if (levels.get(f) == null || !oneHot) {
                names.add(features.get(f));
            } else {
                for (String level : levels.get(f)) {
                    names.add(features.get(f) + "=" + level);
                }
            }
        }
        return names;
    }

    /** The encoded rows of {@code table}; a usage error naming the column when a feature has missing values. */
    public double[][] matrix(Table table) {
        return encoded(table).matrix();
    }

    /** The encoded columns of {@code table}, one array per encoded column; errors as {@link #matrix}. */
    public double[][] columns(Table table) {
        return encoded(table).columns();
    }

    /** The rows of {@code table} encoded, per feature; errors as {@link #matrix}. */
    public Encoded encoded(Table table) {
        int[] widths = java.util.stream.IntStream.range(0, features.size()).map(this::width).toArray();
        return new Encoded(table.rowCount(), sources(table), widths, oneHot);
    }

    /** Per feature, its values as numbers ({@code double[]}), or for a text feature each row's level index ({@code int[]}, -1 unknown). */
    private Object[] sources(Table table) {
        Object[] sources = new Object[features.size()];
        // Feature by feature, each refused as requireComplete refuses it, in the same order.
        for (int f = 0; f < features.size(); f++) {
            Column<?> column = column(table, features.get(f));
            if (levels.get(f) == null && column instanceof NumericColumn<?> numbers) {
                double[] values = numbers.asDoubleArray();
                // NaN is a missing value of every numeric type: counting them here spares a pass through the column.
                for (double value : values) {
                    if (Double.isNaN(value)) {
                        requireComplete(column);
                    }
                }
                sources[f] = values;
                continue;
            }
            requireComplete(column);
            if (levels.get(f) != null) {
                sources[f] = levels((StringColumn) column, levels.get(f));
            } else if (column instanceof BooleanColumn bool) {
                double[] values = new double[bool.size()];
                for (int row = 0; row < values.length; row++) {
                    values[row] = bool.get(row) ? 1 : 0;
                }
                sources[f] = values;
            } else {
                sources[f] = ((NumericColumn<?>) column).asDoubleArray();
            }
        }
        return sources;
    }

    /** A usage error naming the first feature of {@code table} that is absent or has missing values, saying how to fill them. */
    public void requireComplete(Table table) {
        for (String feature : features) {
            requireComplete(column(table, feature));
        }
    }

    private static void requireComplete(Column<?> column) {
        int missing = column.countMissing();
        if (missing > 0) {
            throw new UsageError(String.format("Feature '%s' has %,d missing %s. Fill them first, e.g. "
                    + "%%clean fill %s --with %s, or drop those rows with %%clean drop-missing %s.",
                    column.name(), missing, missing == 1 ? "value" : "values", column.name(),
                    column instanceof NumericColumn<?> ? "median" : "mode", column.name()));
        }
    }

    /**
     * Each row's index in {@code known}, or -1. Looked up once per distinct value through the column's
     * dictionary keys, not once per row by the text.
     */
    private static int[] levels(StringColumn text, List<String> known) {
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int level = 0; level < known.size(); level++) {
            index.put(known.get(level), level);
        }
        tech.tablesaw.columns.strings.DictionaryMap dictionary = text.getDictionary();
        int[] levels = new int[text.size()];
        if (dictionary instanceof tech.tablesaw.columns.strings.ByteDictionaryMap bytes) {
            // Keys of one byte (up to 127 values): the keys' array and a table by key, no hashing per row.
            byte[] keys = bytes.values().elements();
            int[] byByte = new int[256];
            java.util.Arrays.fill(byByte, -2);
            for (int row = 0; row < levels.length; row++) {
                int key = keys[row] + 128;
                if (byByte[key] == -2) {
                    byByte[key] = index.getOrDefault(dictionary.getValueForKey(key - 128), -1);
                }
                levels[row] = byByte[key];
            }
            return levels;
        }
        it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap byKey = new it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap();
        byKey.defaultReturnValue(-2);
        for (int row = 0; row < levels.length; row++) {
            int key = dictionary.getKeyForIndex(row);
            int level = byKey.get(key);
            if (level == -2) {
                level = index.getOrDefault(dictionary.getValueForKey(key), -1);
                byKey.put(key, level);
            }
            levels[row] = level;
        }
        return levels;
    }

    /** A message naming the first value of a text feature that training never saw, or null when all are known. */
    public String unknown(Table table) {
        for (int f = 0; f < features.size(); f++) {
            List<String> known = levels.get(f);
            if (known == null) {
                continue;
            }
            StringColumn text = (StringColumn) column(table, features.get(f));
            for (int row = 0; row < text.size(); row++) {
                String value = text.get(row);
                if (!text.isMissing(row) && java.util.Collections.binarySearch(known, value) < 0) {
                    return "unknown category '" + value + "' for '" + features.get(f) + "'; known: "
                            + String.join(", ", known);
                }
            }
        }
        return null;
    }

    @Override
    public Table apply(Table table) {
        double[][] columns = columns(table);
        List<String> names = names();
        Table encoded = Table.create(table.name());
        for (int c = 0; c < names.size(); c++) {
            encoded.addColumns(DoubleColumn.create(names.get(c), columns[c]));
        }
        return encoded;
    }

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            if (levels.get(f) != null) {
                parts.add(features.get(f) + " (" + String.join(", ", levels.get(f)) + ")");
            }
        }
        return parts.isEmpty() ? "encode " + features.size() + " numeric features as they are"
                : (oneHot ? "encode as one-hot: " : "encode as level indexes: ") + String.join("; ", parts);
    }

    private static Column<?> column(Table table, String name) {
        for (Column<?> column : table.columns()) {
            if (column.name().equals(name)) {
                return column;
            }
        }
        throw new UsageError("No feature column '" + name + "' in the rows to encode.");
    }
}
