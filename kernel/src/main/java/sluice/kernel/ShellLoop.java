package sluice.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import java.util.logging.Level;
import org.zeromq.ZMQ;

/**
 * A shell or control channel that waits on its socket instead of polling it every 50 ms as the
 * base kernel's channel does, so a request is handled as soon as it arrives.
 */
final class ShellLoop extends ShellChannel {
    private static final int POLL_MS = 200;

    private final boolean control;
    private final JupyterConnection connection;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile Runnable onDrained = () -> { };

    ShellLoop(ZMQ.Context context, HMACGenerator hmac, boolean control, JupyterConnection connection) {
        super(context, hmac, control, connection);
        this.control = control;
        this.connection = connection;
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        bind(formatAddress(props.getTransport(), props.getIp(), control ? props.getControlPort() : props.getShellPort()));
        running = true;
        thread = new Thread(this::loop, control ? "sluice-control" : "sluice-shell");
        thread.start();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void loop() {
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        while (running) {
            if (poller.poll(0) <= 0) {
                onDrained.run();
                if (poller.poll(POLL_MS) <= 0) {
                    continue;
                }
            }
            Message message;
            try {
                message = readMessage();
            } catch (RuntimeException | OutOfMemoryError e) {
                logger.log(Level.WARNING, "Dropped a message that could not be read: " + e);
                continue;
            }
            if (message == null) {
                break;
            }
            ShellHandler handler = connection.getHandler(message.getHeader().getType());
            if (handler == null) {
                logger.log(Level.INFO, "No handler for " + message.getHeader().getType().getName());
                continue;
            }
            ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
            try {
                handler.handle(env, message);
            } catch (Exception | OutOfMemoryError e) {
                // A cell that filled the heap can fail the handler outside the cell too; the loop must live on.
                logger.log(Level.SEVERE, "Failed handling " + message.getHeader().getType().getName(), e);
            } finally {
                env.resolveDeferrals();
                Thread.interrupted();
            }
            if (env.isMarkedForShutdown()) {
                connection.close();
            }
        }
        poller.close();
    }

    /** Called whenever no request is waiting on the socket. */
    void onDrained(Runnable action) {
        this.onDrained = action;
    }

    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(POLL_MS * 2L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Thread t = thread;
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
