package sluice.train;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * that a kernel can do that while its user ingests and looks at the data. The linear model, whose
 * work is passes over the rows (split, cleaning, encoding, its sums, scoring), is trained on enough
 * rows for the JIT to compile those loops, after a fill step, as most notebooks have one: the first
 * linear fit on 160,000 rows took about 0.25 s in a fresh JVM and 0.05 s once warm.
 */
public final class TrainWarmUp {
    private static final AtomicBoolean DONE = new AtomicBoolean();
    /** Enough rows and trees for the JIT to compile the split search, and few enough to take about a second. */
    private static final int ROWS = 400;
    /** Rows enough that a forest's small nodes have rows far apart in a feature's order, which it sorts by comparing. */
    private static final int PIXEL_ROWS = 1_500;
    /** Enough rows for the JIT to compile the linear model's loops over the rows, which run once per fit. */
    private static final int LINEAR_ROWS = 60_000;

    private TrainWarmUp() {
    }

    /**
     * Trains each algorithm once per JVM, for regression and for classification, and returns the
     * lines run (none on a later call). It stops before the next line once
     * {@code busy} says a cell runs, not to take a core from it. A failure is ignored: the user's own
     * first {@code %train} does the same work and reports its own errors.
     */
    public static List<String> run(BooleanSupplier busy) {
        if (!DONE.compareAndSet(false, true)) {
            return List.of();
        }
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Session large = new Session();
        large.setTable(withGaps(table(new Random(8), LINEAR_ROWS)));
        Magics linear = new Magics().add("clean", Magics.Kind.LINE, () -> new sluice.clean.CleanMagic(large))
                .add("train", Magics.Kind.LINE, () -> new TrainMagic(large, quiet));
        Session small = new Session();
        small.setTable(table(new Random(7), ROWS));
        Magics others = new Magics().add("train", Magics.Kind.LINE, () -> new TrainMagic(small, quiet));
        Session wide = new Session();
        wide.setTable(pixels(new Random(9), PIXEL_ROWS));
        Magics pixels = new Magics().add("train", Magics.Kind.LINE, () -> new TrainMagic(wide, quiet));
        Map<String, Magics> lines = new LinkedHashMap<>();
        lines.put("clean fill --all --with mean", linear);
        lines.put("train linear --target y --exclude label", linear);
        lines.put("train linear --target y --exclude label --seed 1", linear);
        for (String line : List.of("train random-forest --target y", "train gradient-boosting --target y",
                "train tree --target y", "train logistic --target label", "train random-forest --target label --exclude y",
                "train gradient-boosting --target label --exclude y")) {
            lines.put(line, others);
        }
        lines.put("train random-forest --target digit", pixels);
        // The linear fit again once the others have been compiled: while the JIT's queue was long, the fits
        // before left most of their loops compiled for profiling only (C1), not optimized (C2).
        lines.put("train linear --target y --exclude label --seed 2", linear);
        lines.put("train linear --target y --exclude label --seed 3", linear);
        List<String> run = new ArrayList<>();
        try {
            for (Map.Entry<String, Magics> line : lines.entrySet()) {
                if (busy.getAsBoolean()) {
                    break;
                }
                line.getValue().run(Magics.Kind.LINE, line.getKey(), null);
                run.add(line.getKey());
            }
        } catch (Exception | LinkageError e) {
            // Nothing to tell: the user's first %train runs the same code and reports its own errors.
        }
        return run;
    }

    /** Five numbers, a category, a target that depends on them with noise, and a class label from the target. */
    private static Table table(Random random, int rows) {
        DoubleColumn[] x = new DoubleColumn[5];
        for (int j = 0; j < x.length; j++) {
            x[j] = DoubleColumn.create("x" + j, random.doubles(rows).map(v -> v * 10).toArray());
        }
        StringColumn level = StringColumn.create("level");
        DoubleColumn y = DoubleColumn.create("y");
        StringColumn label = StringColumn.create("label");
        for (int i = 0; i < rows; i++) {
            int l = random.nextInt(4);
            level.append("l" + l);
            double value = 3 * x[0].get(i) - 2 * x[1].get(i) * x[2].get(i) / 10 + l + random.nextGaussian();
            y.append(value);
            label.append(value > 10 ? "high" : value > 0 ? "mid" : "low");
        }
        return Table.create("warm-up").addColumns(x).addColumns(level, y, label);
    }

    /**
     * An image as digits' is: 32 pixels of whole numbers 0 to 16, the border always 0, some pixels
     * mostly 0, and the ink's total weight, of many values; a digit that some of them decide. A
     * classifier's forest draws few of many features there, counting the values of some and sorting
     * the rows of others; constant features are skipped. Each is a path the JIT compiles only once
     * it has run: one the warm-up never took cost digits' first forest 0.1 s of running interpreted.
     */
    private static Table pixels(Random random, int rows) {
        DoubleColumn[] x = new DoubleColumn[32];
        for (int j = 0; j < x.length; j++) {
            int border = j;
            x[j] = DoubleColumn.create("p" + j, random.ints(rows, 0, 17)
                    .map(v -> border < 4 || border < 12 && v < 15 ? 0 : v).asDoubleStream().toArray());
        }
        DoubleColumn ink = DoubleColumn.create("ink", random.doubles(rows).toArray());
        StringColumn digit = StringColumn.create("digit");
        for (int i = 0; i < rows; i++) {
            digit.append("d" + (int) (x[13].get(i) + x[20].get(i) + 3 * ink.get(i) + random.nextInt(4)) % 10);
        }
        return Table.create("pixels").addColumns(x).addColumns(ink, digit);
    }

    /** {@code table} with every tenth value of x0 missing and x1 as whole numbers: a fill has work, on both types. */
    private static Table withGaps(Table table) {
        DoubleColumn x0 = table.doubleColumn("x0");
        for (int i = 0; i < x0.size(); i += 10) {
            x0.setMissing(i);
        }
        table.replaceColumn("x1", table.doubleColumn("x1").asIntColumn());
        return table;
    }
}
