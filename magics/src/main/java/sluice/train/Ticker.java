package sluice.train;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A progress line for training that takes more than a second: each second it rewrites one line
 * ({@code \r}) with the time so far and what is being done ("fold 2 of 5", "60 of 100 trees").
 */
final class Ticker implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sluice-train-progress");
        t.setDaemon(true);
        return t;
    });

    private final String label;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final ScheduledFuture<?> ticks;
    private volatile String stage = "";
    private volatile String detail = "";
    private volatile boolean shown;

    Ticker(String label, PrintStream out) {
        this.label = label;
        this.out = out;
        this.ticks = TIMER.scheduleAtFixedRate(this::show, 1, 1, TimeUnit.SECONDS);
    }

    /** What is being done now, e.g. "fitting random-forest" or "fold 2 of 5". */
    void stage(String stage) {
        this.stage = stage;
        this.detail = "";
    }

    /** A detail of the current stage, e.g. "60 of 100 trees". */
    void detail(String detail) {
        this.detail = detail;
    }

    private synchronized void show() {
        shown = true;
        out.print("\r" + line() + "   ");
        out.flush();
    }

    private String line() {
        return String.format("%s: %.0f s%s%s", label, (System.nanoTime() - start) / 1e9,
                stage.isEmpty() ? "" : ", " + stage, detail.isEmpty() ? "" : " (" + detail + ")");
    }

    @Override
    public synchronized void close() {
        ticks.cancel(false);
        if (shown) {
            out.print("\r" + String.format("%s: done in %.1f s", label, (System.nanoTime() - start) / 1e9) + "          \n");
            out.flush();
        }
    }
}
