package sluice.kernel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * JShell on its way: started at launch on a thread of its own, since building it is most of the
 * kernel's start-up, and waited for where a cell or an editing request first needs it.
 */
final class ShellStart {
    private final CompletableFuture<JavaShell> shell;

    private ShellStart(CompletableFuture<JavaShell> shell) {
        this.shell = shell;
    }

    /** Starts JShell now, on a daemon thread. */
    static ShellStart begin() {
        return new ShellStart(CompletableFuture.supplyAsync(JavaShell::new, WarmUp::daemon));
    }

    /** JShell, once it has started; waits for it until then. */
    JavaShell get() {
        try {
            return shell.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while JShell was starting.", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("JShell failed to start: " + e.getCause(), e.getCause());
        }
    }

    /** Whether JShell has started (or failed to): {@link #get} would not wait. */
    boolean isDone() {
        return shell.isDone();
    }

    /** Runs {@code task} once JShell has started, on the thread that started it. */
    void then(Runnable task) {
        shell.thenRun(task);
    }
}
