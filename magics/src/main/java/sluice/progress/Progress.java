package sluice.progress;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A progress line for work that takes more than a second (a read, an overview): after the first
 * second it rewrites one line ({@code \r}) with the time so far and, when known, how far the work is.
 */
public final class Progress implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sluice-progress");
        t.setDaemon(true);
        return t;
    });

    private final String label;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final long afterNanos;
    private volatile Supplier<String> detail = () -> "";
    private volatile boolean shown;
    /** The length of the longest line shown, which a later line is padded to. */
    private int longest;
    private boolean closed;
    private final ScheduledFuture<?> ticks;

    /** @param label what is being done, e.g. "reading big.csv" */
    public Progress(String label, PrintStream out) {
        this(label, out, Duration.ofSeconds(1));
    }

    /** As {@link #Progress(String, PrintStream)}, showing the line once the work has taken longer than {@code after}. */
    public Progress(String label, PrintStream out, Duration after) {
        this.label = label;
        this.out = out;
        this.afterNanos = after.toNanos();
        this.ticks = TIMER.scheduleAtFixedRate(this::show, afterNanos, TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
    }

    /** How far the work is, e.g. "7 of 12 columns"; asked each time the line is drawn, empty for nothing. */
    public void detail(Supplier<String> detail) {
        this.detail = detail;
    }

    /** Counts the bytes read through {@code in} from now on; {@code total} is its size when known, else -1. */
    public InputStream track(InputStream in, long total) {
        AtomicLong bytes = new AtomicLong();
        detail(() -> {
            long read = bytes.get();
            return read == 0 ? "" : total > 0
                    ? String.format("%.1f of %.1f MB (%d%%)", read / 1e6, total / 1e6, Math.min(100, read * 100 / total))
                    : String.format("%.1f MB", read / 1e6);
        });
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytes.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, len);
                if (n > 0) {
                    bytes.addAndGet(n);
                }
                return n;
            }
        };
    }

    private synchronized void show() {
        if (closed) {
            return;
        }
        shown = true;
        out.print("\r" + padded(line()));
        out.flush();
    }

    /**
     * {@code line} with spaces after it up to the longest line shown so far: a {@code \r} only moves
     * back to the start, so a shorter line would leave the tail of the last one ("done4 of 5 trees").
     */
    private String padded(String line) {
        String text = line.length() < longest ? line + " ".repeat(longest - line.length()) : line;
        longest = Math.max(longest, line.length());
        return text;
    }

    String line() {
        double seconds = (System.nanoTime() - start) / 1e9;
        String amount = detail.get();
        return String.format("%s: %.0f s%s", label, seconds, amount.isEmpty() ? "" : ", " + amount);
    }

    @Override
    public synchronized void close() {
        closed = true;
        ticks.cancel(false);
        // The last tick may not have come yet: work that outlasted the delay still ends with its line.
        if (shown || System.nanoTime() - start >= afterNanos) {
            out.print("\r" + padded(line() + ", done") + "\n");
            out.flush();
        }
    }
}
