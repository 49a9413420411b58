package sluice.train;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import sluice.magic.DidYouMean;
import sluice.magic.MagicLine;
import sluice.magic.UsageError;
import sluice.model.Algorithm;
import sluice.model.Encoded;
import sluice.model.Encoding;
import sluice.model.Options;
import sluice.model.Task;
import sluice.pipeline.Pipeline;
import sluice.render.TypeNames;
import sluice.session.Session;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The data of one {@code %train}, ready for any algorithm: the raw rows split by a seed, the
 * recorded cleaning steps fitted again on the training rows only (so test rows teach the model
 * nothing), and the training rows encoded as numbers. A cross-validation fold is prepared the same
 * way from the raw training rows ({@link #fold}), so its held-out rows teach it nothing either.
 *
 * @param task     regression or classification
 * @param target   the target column
 * @param raw      the raw rows the split was taken from
 * @param cleaning the recorded steps, fitted on the training rows
 * @param encoding the feature encoding, fitted on the training rows
 * @param train    the cleaned training rows
 * @param test     the cleaned test rows
 * @param y        the training target: numbers, or class indexes into {@code classes}
 * @param classes  the classes, sorted; empty for regression
 * @param rawTrain the raw training rows, which cross-validation folds
 * @param recorded the steps as recorded, which each fold fits again
 * @param labels   for classification, the class of each raw training row (after the replayed steps); else null
 */
record Prepared(Task task, String target, Table raw, Pipeline cleaning, Encoding encoding, Table train, Table test,
                double[] y, List<String> classes, Table rawTrain,
                Pipeline recorded, String[] labels) {

    /** The encoding an algorithm with {@code options} takes. */
    Encoding encoding(Options options) {
        return encoding.oneHot(options.oneHot());
    }

    /** The training rows encoded for an algorithm with {@code options}. */
    Encoded x(Options options) {
        return encoding(options).encoded(train);
    }

    static Prepared of(Session session, TrainOptions options, Algorithm algorithm) {
        Table current = session.table();
        if (current.rowCount() == 0) {
            throw new UsageError("The current table has no rows to train on.");
        }
        String target = options.target;
        Column<?> targetColumn = column(current, target, "target");
        Task task = options.task != null ? options.task : taskOf(targetColumn);
        if (task == Task.REGRESSION && !(targetColumn instanceof NumericColumn<?>)) {
            throw new UsageError("Target '" + target + "' is " + TypeNames.column(targetColumn.type())
                    + ", so it cannot be regressed. Use --task classification, or %clean cast it to decimal.");
        }
        if (algorithm != null && !algorithm.fits(task)) {
            throw new UsageError(algorithm.label() + " does no " + task.label() + "; for " + task.label() + " use "
                    + String.join(", ", Algorithm.labels(task)) + ".");
        }
        if (targetColumn.countMissing() > 0) {
            throw new UsageError(String.format("Target '%s' has %,d missing values. Drop those rows with "
                    + "%%clean drop-missing %s first.", target, targetColumn.countMissing(), target));
        }
        if (task == Task.CLASSIFICATION && targetColumn.unique().size() < 2) {
            throw new UsageError("Target '" + target + "' has only one class ('" + targetColumn.getString(0)
                    + "'); classification needs at least two.");
        }
        List<String> features = features(current, target, options);

        Table raw = session.raw();
        Pipeline recorded = session.pipeline();
        String[] labels = null;
        if (task == Task.CLASSIFICATION) {
            Table replayed = recorded.apply(raw);
            if (replayed.columnNames().contains(target)) {
                labels = strings(replayed.column(target));
            }
        }
        Split split = options.testRows != null ? Split.read(options.testRows, raw.rowCount())
                : options.testSize > 0 ? Split.of(raw.rowCount(), options.testSize, options.seed, labels)
                : new Split(java.util.stream.IntStream.range(0, raw.rowCount()).toArray(), new int[0]);
        return prepare(task, target, raw, recorded, features, labels, split, null);
    }

    /**
     * Cross-validation fold {@code fold} of the raw training rows, prepared as {@link #of} prepares the
     * split: the recorded steps and the encoding are fitted on the fold's training rows only, and its
     * held-out rows are the test rows. The classes stay those of the whole training split, so that
     * class indexes mean the same in every fold.
     */
    Prepared fold(Split fold) {
        return prepare(task, target, rawTrain, recorded, encoding.features(), labels, fold, classes);
    }

    /** Splits {@code raw} (whose rows {@code labels} labels, if given) and prepares it; classes null: from the training rows. */
    private static Prepared prepare(Task task, String target, Table raw, Pipeline recorded, List<String> features,
                                    String[] labels, Split split, List<String> classes) {
        Table rawTrain = Rows.of(raw, split.train());
        Pipeline.Refitted refitted = recorded.refitAndApply(rawTrain);
        Pipeline cleaning = refitted.pipeline();
        Table train = refitted.table();
        Table test = cleaning.applyAll(Rows.of(raw, split.test()));
        if (train.rowCount() < 2) {
            throw new UsageError("Only " + train.rowCount() + " training rows: too few to train on.");
        }
        Encoding encoding = Encoding.of(features).fit(train);
        List<String> known = classes != null ? classes : task == Task.CLASSIFICATION
                ? List.copyOf(new TreeSet<>(java.util.Arrays.asList(strings(train.column(target))))) : List.of();
        String[] trainLabels = labels == null ? null : java.util.Arrays.stream(split.train()).mapToObj(r -> labels[r])
                .toArray(String[]::new);
        return new Prepared(task, target, raw, cleaning, encoding, train, test, y(train.column(target), task, known),
                known, rawTrain, recorded, trainLabels);
    }

    /** The target of {@code rows} as numbers: values for regression, class indexes (-1 if unknown) for classification. */
    double[] y(Table rows) {
        return y(rows.column(target), task, classes);
    }

    private static double[] y(Column<?> column, Task task, List<String> classes) {
        if (task == Task.REGRESSION) {
            return ((NumericColumn<?>) column).asDoubleArray(); // getDouble's values, a double column's by one copy
        }
        double[] y = new double[column.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = java.util.Collections.binarySearch(classes, column.getString(i));
        }
        return y;
    }

    private static Task taskOf(Column<?> target) {
        if (target instanceof NumericColumn<?>) {
            return Task.REGRESSION;
        }
        if (target instanceof StringColumn || target instanceof BooleanColumn) {
            return Task.CLASSIFICATION;
        }
        throw new UsageError("Target '" + target.name() + "' is " + TypeNames.column(target.type())
                + "; %train predicts integer, decimal, text or boolean columns. %clean cast it, or pick another target.");
    }

    private static List<String> features(Table table, String target, TrainOptions options) {
        List<String> asked = MagicLine.commaSeparated(options.features());
        List<String> excluded = MagicLine.commaSeparated(options.exclude());
        excluded.forEach(name -> column(table, name, "column"));
        List<String> features = new ArrayList<>();
        for (String name : asked.isEmpty() ? table.columnNames() : asked) {
            column(table, name, "feature");
            if (name.equals(target)) {
                if (!asked.isEmpty()) {
                    throw new UsageError("'" + target + "' is the target; it cannot also be a feature.");
                }
            } else if (!excluded.contains(name)) {
                features.add(name);
            }
        }
        if (features.isEmpty()) {
            throw new UsageError("No features left to train on: the table has only the target '" + target + "'.");
        }
        return features;
    }

    private static Column<?> column(Table table, String name, String role) {
        if (!table.columnNames().contains(name)) {
            throw new UsageError("No " + role + " column '" + name + "'." + DidYouMean.hint(name, table.columnNames(), ""));
        }
        return table.column(name);
    }

    private static String[] strings(Column<?> column) {
        String[] values = new String[column.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.getString(i);
        }
        return values;
    }
}
