package sluice.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import sluice.magic.UsageError;
import sluice.pipeline.Pipeline;
import sluice.render.TypeNames;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A trained model as one object: the cleaning steps fitted on the training rows, the encoding, the
 * Smile model, the input schema, the test metrics, the seed and the library versions. It predicts
 * from raw rows (as read, before cleaning) and saves to one file that {@link #load} reads back.
 */
public final class Model implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String MAGIC = "sluice-model/1";

    /**
     * One raw column a prediction needs.
     *
     * @param name       its name in the raw rows
     * @param type       its type in the words %ingest shows: integer, decimal, text, boolean, date, date-time, …
     * @param categories for text, the values seen in training (others are unknown), else empty
     */
    public record Input(String name, String type, List<String> categories) implements Serializable {
    }

    private final Algorithm algorithm;
    private final Task task;
    private final String target;
    private final Pipeline cleaning;
    private final Encoding encoding;
    private final Learner learner;
    private final List<String> classes;
    private final Map<String, String> rawTypes;
    private final Map<String, String> settings;
    private final long seed;
    private final Map<String, Double> metrics;
    private final Map<String, String> versions;

    /** A model of {@code learner} fitted on {@code raw}; {@code versions} are the libraries' at training time. */
    public Model(Algorithm algorithm, Task task, String target, Pipeline cleaning, Encoding encoding, Learner learner,
                 List<String> classes, Table raw, Map<String, String> settings, long seed, Map<String, Double> metrics,
                 Map<String, String> versions) {
        this.algorithm = algorithm;
        this.task = task;
        this.target = target;
        this.cleaning = cleaning;
        this.encoding = encoding;
        this.learner = learner;
        this.classes = List.copyOf(classes);
        this.rawTypes = new LinkedHashMap<>();
        raw.columns().forEach(c -> rawTypes.put(c.name(), c.type().name()));
        this.settings = new LinkedHashMap<>(settings);
        this.seed = seed;
        this.metrics = new LinkedHashMap<>(metrics);
        this.versions = new LinkedHashMap<>(versions);
    }

    public String algorithm() {
        return algorithm.label();
    }

    public Task task() {
        return task;
    }

    public String target() {
        return target;
    }

    /** The feature columns, as named after cleaning, in training order. */
    public List<String> features() {
        return encoding.features();
    }

    /** The classes a classifier tells apart, in the order of its probabilities; empty for regression. */
    public List<String> classes() {
        return classes;
    }

    /** The cleaning steps fitted on the training rows, then the encoding: what runs on raw rows before the model. */
    public Pipeline pipeline() {
        return cleaning.with(encoding);
    }

    /**
     * The raw columns a prediction needs, one per feature, in feature order: their names before
     * cleaning (a rename is followed back), types and, for text, the known values.
     */
    public List<Input> inputs() {
        List<Input> inputs = new ArrayList<>();
        for (int f = 0; f < features().size(); f++) {
            String feature = features().get(f);
            String source = cleaning.sourceOf(feature);
            String name = source == null || !rawTypes.containsKey(source) ? feature : source;
            List<String> levels = encoding.levels().get(f);
            inputs.add(new Input(name, TypeNames.of(rawTypes.getOrDefault(name, "DOUBLE")), levels == null ? List.of() : levels));
        }
        return inputs;
    }

    /** Every column of the raw rows the model was trained from, with its Tablesaw type. */
    public Map<String, ColumnType> rawColumns() {
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        rawTypes.forEach((name, type) -> columns.put(name, ColumnType.valueOf(type)));
        return columns;
    }

    public Map<String, String> settings() {
        return java.util.Collections.unmodifiableMap(settings);
    }

    public long seed() {
        return seed;
    }

    /** The metrics on the test rows at training time (on the training rows when there was no test split). */
    public Map<String, Double> metrics() {
        return java.util.Collections.unmodifiableMap(metrics);
    }

    /** Sluice, Java, Tablesaw, Smile and Javalin versions at training time. */
    public Map<String, String> versions() {
        return java.util.Collections.unmodifiableMap(versions);
    }

    /** Importance per feature (summed over a text feature's levels) for tree models, else null. */
    public Map<String, Double> importance() {
        double[] encoded = learner.importance();
        if (encoded == null) {
            return null;
        }
        Map<String, Double> byFeature = new LinkedHashMap<>();
        int at = 0;
        for (int f = 0; f < features().size(); f++) {
            int width = encoding.width(f);
            double sum = 0;
            for (int i = 0; i < width; i++) {
                sum += encoded[at + i];
            }
            byFeature.put(features().get(f), sum);
            at += width;
        }
        return byFeature;
    }

    /**
     * The underlying model, for what Sluice does not wrap: Sluice's {@link DecisionTree} for a tree (Smile's for
     * one saved before Sluice grew its own), Sluice's {@link Forest}, XGBoost's
     * {@code Booster} for boosting (a copy of its own), Sluice's for the linear models.
     */
    public Object smile() {
        return learner.smile();
    }

    /**
     * Predicts raw rows, as read: missing raw columns (the target, say) are added empty, the fitted
     * cleaning steps run, then the model. A text value not seen in training encodes as none of the
     * known levels.
     */
    public Predictions predict(Table raw) {
        return predictCleaned(clean(raw));
    }

    /** As {@link #predict}, but a text value not seen in training is an error naming the column and value. */
    public Predictions predictStrict(Table raw) {
        Table cleaned = clean(raw);
        String unknown = encoding.unknown(cleaned);
        if (unknown != null) {
            throw new UsageError(unknown);
        }
        return predictCleaned(cleaned);
    }

    /** Predicts rows already cleaned by {@link #pipeline()}'s cleaning steps. */
    public Predictions predictCleaned(Table cleaned) {
        Encoded x = encoding.encoded(cleaned);
        if (task == Task.REGRESSION) {
            return new Predictions(task, classes, learner.regress(x), null, null);
        }
        double[][] probabilities = new double[x.rows()][classes.size()];
        int[] index = learner.classify(x, probabilities);
        String[] labels = new String[x.rows()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = classes.get(index[i]);
        }
        return new Predictions(task, classes, null, labels, probabilities);
    }

    /**
     * The raw rows with every raw column (missing ones added empty), cleaned. Rows with all of them in order (the
     * endpoint's) are not copied first: the copy cost the endpoint more allocation than reading the request.
     */
    private Table clean(Table raw) {
        if (hasRawColumns(raw)) {
            return cleaning.apply(raw);
        }
        List<String> present = raw.columnNames();
        Table full = Table.create(raw.name());
        for (Map.Entry<String, ColumnType> entry : rawColumns().entrySet()) {
            String name = entry.getKey();
            if (present.contains(name)) {
                full.addColumns(raw.column(name));
            } else {
                Column<?> empty = entry.getValue().create(name);
                for (int row = 0; row < raw.rowCount(); row++) {
                    empty.appendMissing();
                }
                full.addColumns(empty);
            }
        }
        return cleaning.apply(full);
    }

    /** Whether {@code raw}'s columns are the raw columns of the training rows, with their names, types and order. */
    private boolean hasRawColumns(Table raw) {
        if (raw.columnCount() != rawTypes.size()) {
            return false;
        }
        int i = 0;
        for (Map.Entry<String, String> entry : rawTypes.entrySet()) {
            Column<?> column = raw.column(i++);
            if (!column.name().equals(entry.getKey()) || !column.type().name().equals(entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Writes this model to {@code file} (gzip-compressed Java serialization, with a header). */
    public void save(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path partial = Files.createTempFile(parent, ".model", ".part");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
            write(out);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes the bytes {@link #save} puts in a file to {@code out}, and closes it. */
    public void write(OutputStream out) throws IOException {
        try (ObjectOutputStream objects = new ObjectOutputStream(new GZIPOutputStream(out))) {
            objects.writeUTF(MAGIC);
            objects.writeObject(this);
        }
    }

    /**
     * Reads a model {@link #save} wrote. Only classes of Sluice, Smile, Tablesaw and the JDK are
     * accepted, so a crafted file cannot make the reader build arbitrary objects.
     */
    public static Model load(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)));
             ObjectInputStream objects = new ObjectInputStream(in)) {
            objects.setObjectInputFilter(ObjectInputFilter.Config.createFilter(
                    "sluice.**;smile.**;tech.tablesaw.**;java.**;it.unimi.dsi.fastutil.**;!*"));
            if (!MAGIC.equals(objects.readUTF())) {
                throw new UsageError("'" + file + "' is not a Sluice model file. Save one with %deploy save FILE.");
            }
            return (Model) objects.readObject();
        } catch (NoSuchFileException e) {
            throw new UsageError("No model file '" + file + "'.");
        } catch (java.util.zip.ZipException | java.io.StreamCorruptedException | java.io.EOFException
                 | java.io.UTFDataFormatException e) {
            throw new UsageError("'" + file + "' is not a Sluice model file. Save one with %deploy save FILE.");
        } catch (InvalidClassException | ClassNotFoundException e) {
            throw new UsageError("'" + file + "' was saved by another version of Sluice and cannot be read: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return algorithm.label() + " " + task.label() + " of " + target + " on " + features().size() + " features "
                + metrics;
    }
}
