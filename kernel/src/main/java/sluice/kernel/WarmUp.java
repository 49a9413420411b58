package sluice.kernel;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import tech.tablesaw.api.Table;

/**
 * What a session's first requests would otherwise wait for, done in the background beforehand:
 * Tablesaw's reader scan, the readers a first {@code %ingest} loads, the Maven resolver and the learners
 * once JShell has started, and the chart classes once the first cell has replied.
 */
final class WarmUp {
    private static final long IDLE_MS = 200;

    private final BooleanSupplier cellRunning;
    /** Read and written on the shell thread only. */
    private boolean chartsWarm;

    private WarmUp(BooleanSupplier cellRunning) {
        this.cellRunning = cellRunning;
    }

    /**
     * Tablesaw's first use registers its readers with a scan of the whole jar (0.7 s in a fresh JVM),
     * and the first %ingest loads the CSV and Parquet readers: done side by side once JShell has
     * started and no cell has run for a moment (not to slow either: a first `1 + 1` sent at start
     * replies 0.09 s sooner than with the scan started at once), they are ready about 1.5 s after the
     * kernel first answers, before a first %ingest typed after a second or two. Then every learner is
     * trained once, so that the first %train does not wait for the JIT (0.75 s against 0.15 s); not
     * once the user has trained (the JIT is warm for what they use, and an endpoint may be under load).
     * None of it once an endpoint is {@code serving}: cells run one after another (Run All) leave the
     * kernel idle only after their %deploy, and the readers' and the resolver's warm-up then took the
     * CPUs from a load test's first seconds (p99 34 ms, against 2.5 ms in the next ten).
     */
    static WarmUp start(ShellStart java, BooleanSupplier cellRunning, BooleanSupplier trained, BooleanSupplier serving) {
        WarmUp warmUp = new WarmUp(cellRunning);
        java.then(() -> daemon(() -> warmUp.whenIdle(() -> {
            if (serving.getAsBoolean()) {
                return;
            }
            daemon(() -> Table.create("warm-up"));
            sluice.ingest.ReaderWarmUp.run();
            if (!serving.getAsBoolean()) {
                sluice.dependencies.ResolverWarmUp.run();
            }
            sluice.train.TrainWarmUp.run(() -> cellRunning.getAsBoolean() || trained.getAsBoolean() || serving.getAsBoolean());
        })));
        return warmUp;
    }

    /**
     * Called as each cell replies: the first chart loads AWT and JFreeChart, so that is done while the
     * user reads the first result, not while a later cell competes for the CPU.
     */
    void cellReplied() {
        if (!chartsWarm) {
            chartsWarm = true;
            daemon(sluice.render.ChartView::warmUp);
        }
    }

    /** Runs {@code task} once no cell has run for {@value #IDLE_MS} ms (on the calling thread). */
    private void whenIdle(Runnable task) {
        long idleSince = System.nanoTime();
        while (cellRunning.getAsBoolean() || System.nanoTime() - idleSince < TimeUnit.MILLISECONDS.toNanos(IDLE_MS)) {
            if (cellRunning.getAsBoolean()) {
                idleSince = System.nanoTime();
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
        task.run();
    }

    /** Runs {@code task} on a daemon thread of its own, which never keeps the JVM from exiting. */
    static void daemon(Runnable task) {
        Thread thread = new Thread(task, "sluice-start");
        thread.setDaemon(true);
        thread.start();
    }
}
