package sluice.kernel;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The cell being run, from its start to its end: while it runs, {@code System.out}, {@code System.err}
 * and {@code System.in} are its streams and displays go to its outputs, and an interrupt stops it.
 */
final class RunningCell {
    private static final long FLUSH_MS = 50;

    private final ShellStart java;
    private final CellOutput out = new CellOutput(System.out);
    private final CellOutput err = new CellOutput(System.err);
    private final CellInput in = new CellInput(this::flush);
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sluice-output");
        t.setDaemon(true);
        return t;
    });
    private final Object lock = new Object();

    private volatile Outputs outputs;
    private volatile int count;
    private volatile Thread thread;
    private volatile boolean interrupted;
    private volatile boolean runningJava;

    /** Makes this JVM's standard streams the running cell's, sent to it every {@value #FLUSH_MS} ms. */
    RunningCell(ShellStart java) {
        this.java = java;
        System.setOut(new PrintStream(out, false, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, false, StandardCharsets.UTF_8));
        System.setIn(in);
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
    }

    /** Starts cell {@code count} on the calling thread, its streams and displays sent to {@code outputs}. */
    void start(Outputs outputs, int count) {
        synchronized (lock) {
            interrupted = false;
            if (java.isDone()) {
                java.get().clearStop();
            }
            thread = Thread.currentThread();
        }
        this.count = count;
        this.outputs = outputs;
        in.attach(outputs);
        out.attach(text -> outputs.stream("stdout", text));
        err.attach(text -> outputs.stream("stderr", text));
    }

    /** Ends the cell: what it printed is sent, and an interrupt that came too late is dropped. */
    void end() {
        System.out.flush();
        System.err.flush();
        out.detach();
        err.detach();
        in.detach();
        outputs = null;
        synchronized (lock) {
            thread = null;
            interrupted = false;
            Thread.interrupted();
        }
    }

    /** Whether a cell is running. */
    boolean isRunning() {
        return thread != null;
    }

    /** The running cell's execution count, for error positions. */
    int count() {
        return count;
    }

    /** Throws {@link CellInterrupted} when the running cell was interrupted. */
    void stopIfInterrupted() throws CellInterrupted {
        if (interrupted) {
            throw new CellInterrupted();
        }
    }

    /** Runs Java of the cell: an interrupt then stops the snippet, never the thread that compiles it. */
    <T> T runningJava(Callable<T> snippet) throws Exception {
        runningJava = true;
        try {
            return snippet.call();
        } finally {
            runningJava = false;
        }
    }

    /** Stops the running cell, if any. */
    void interrupt() {
        // Under the cell lock, so an interrupt that arrives as a cell ends cannot spill into the next.
        synchronized (lock) {
            Thread running = thread;
            if (running == null) {
                return;
            }
            interrupted = true;
            if (java.isDone()) {
                java.get().stop();
            }
            if (!runningJava) {
                // A magic is running on the shell thread; Java snippets have their own thread, and
                // interrupting the shell thread while JShell compiles would break the compiler.
                running.interrupt();
            }
        }
    }

    /** Sends what the cell printed so far. */
    void flush() {
        System.out.flush();
        System.err.flush();
        out.flush();
        err.flush();
    }

    void display(DisplayData data) {
        Outputs cell = outputs;
        if (cell != null) {
            flush();
            cell.display(data);
        }
    }

    void updateDisplay(DisplayData data) {
        Outputs cell = outputs;
        if (cell != null) {
            flush();
            cell.update(data);
        }
    }

    /** A line the user types in answer to {@code prompt}, asked by the running cell's frontend. */
    String input(String prompt, boolean password) {
        Outputs cell = outputs;
        if (cell == null) {
            throw new sluice.magic.UsageError("No input is possible here: no cell is running.");
        }
        flush();
        return cell.input(prompt, password);
    }

    void clearOutput(boolean wait) {
        Outputs cell = outputs;
        if (cell != null) {
            flush();
            cell.clear(wait);
        }
    }

    /** Stops sending output: the kernel is shutting down. */
    void close() {
        flusher.shutdown();
    }
}
