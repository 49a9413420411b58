package sluice.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress line for reads that take more than a second: after the first second it rewrites one
 * line ({@code \r}) with the time so far and, when known, how much has been read.
 */
final class Progress implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sluice-progress");
        t.setDaemon(true);
        return t;
    });

    private final String label;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final AtomicLong bytes = new AtomicLong();
    private volatile long totalBytes = -1;
    private volatile boolean shown;
    private final ScheduledFuture<?> ticks;

    Progress(String label, PrintStream out) {
        this.label = label;
        this.out = out;
        this.ticks = TIMER.scheduleAtFixedRate(this::show, 1, 1, TimeUnit.SECONDS);
    }

    /** Counts the bytes read through {@code in} from now on; {@code total} is its size when known, else -1. */
    InputStream track(InputStream in, long total) {
        totalBytes = total;
        bytes.set(0);
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

    private void show() {
        shown = true;
        out.print("\r" + line());
        out.flush();
    }

    String line() {
        double seconds = (System.nanoTime() - start) / 1e9;
        long read = bytes.get();
        String amount = read == 0 ? "" : totalBytes > 0
                ? String.format(", %.1f of %.1f MB (%d%%)", read / 1e6, totalBytes / 1e6, Math.min(100, read * 100 / totalBytes))
                : String.format(", %.1f MB", read / 1e6);
        return String.format("reading %s: %.0f s%s", label, seconds, amount);
    }

    @Override
    public void close() {
        ticks.cancel(false);
        if (shown) {
            out.print("\r" + line() + ", done\n");
            out.flush();
        }
    }
}
