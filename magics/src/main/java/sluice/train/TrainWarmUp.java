package sluice.train;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import sluice.magic.Magics;
import sluice.session.Session;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The first {@code %train} of a JVM runs its learners interpreted while the JIT compiles them: a
 * random forest on scikit-learn's diabetes rows took 0.12 s in a fresh JVM and 0.02 s after twenty fits.
 * {@link #run} trains every algorithm once on a small made-up table in a session of its own, so
 * that a kernel can do that while its user ingests and looks at the data.
 */
public final class TrainWarmUp {
    private static final AtomicBoolean DONE = new AtomicBoolean();
    /** Enough rows and trees for the JIT to compile the split search, and few enough to take about a second. */
    private static final int ROWS = 400;

    private TrainWarmUp() {
    }

    /**
     * Trains each algorithm once per JVM, for regression and for classification, and returns the
     * {@code %train} lines run (none on a later call). It stops before the next line once
     * {@code busy} says a cell runs, not to take a core from it. A failure is ignored: the user's own
     * first {@code %train} does the same work and reports its own errors.
     */
    public static List<String> run(BooleanSupplier busy) {
        if (!DONE.compareAndSet(false, true)) {
            return List.of();
        }
        Session scratch = new Session();
        scratch.setTable(table(new Random(7)));
        Magics magics = new Magics().add("train", Magics.Kind.LINE,
                () -> new TrainMagic(scratch, new PrintStream(OutputStream.nullOutputStream())));
        List<String> lines = List.of(
                "train linear --target y", "train random-forest --target y", "train gradient-boosting --target y",
                "train tree --target y", "train logistic --target label", "train random-forest --target label --exclude y",
                "train gradient-boosting --target label --exclude y");
        List<String> run = new ArrayList<>();
        try {
            for (String line : lines) {
                if (busy.getAsBoolean()) {
                    break;
                }
                magics.run(Magics.Kind.LINE, line, null);
                run.add(line);
            }
        } catch (Exception | LinkageError e) {
            // Nothing to tell: the user's first %train runs the same code and reports its own errors.
        }
        return run;
    }

    /** Five numbers, a category, a target that depends on them with noise, and a class label from the target. */
    private static Table table(Random random) {
        DoubleColumn[] x = new DoubleColumn[5];
        for (int j = 0; j < x.length; j++) {
            x[j] = DoubleColumn.create("x" + j, random.doubles(ROWS).map(v -> v * 10).toArray());
        }
        StringColumn level = StringColumn.create("level");
        DoubleColumn y = DoubleColumn.create("y");
        StringColumn label = StringColumn.create("label");
        for (int i = 0; i < ROWS; i++) {
            int l = random.nextInt(4);
            level.append("l" + l);
            double value = 3 * x[0].get(i) - 2 * x[1].get(i) * x[2].get(i) / 10 + l + random.nextGaussian();
            y.append(value);
            label.append(value > 10 ? "high" : value > 0 ? "mid" : "low");
        }
        return Table.create("warm-up").addColumns(x).addColumns(level, y, label);
    }
}
