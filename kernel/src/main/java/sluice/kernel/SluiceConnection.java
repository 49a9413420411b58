package sluice.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.publish.PublishStatus;
import java.security.GeneralSecurityException;
import org.zeromq.ZMQ;

/** The base kernel's connection, with shell and control channels that answer without polling delay. */
final class SluiceConnection extends JupyterConnection {
    private final KernelConnectionProperties props;
    private final ZMQ.Context context = ZMQ.context(1);
    private final ShellLoop shellLoop;
    private final ShellLoop controlLoop;
    private volatile boolean closed;

    SluiceConnection(KernelConnectionProperties props) throws GeneralSecurityException {
        super(props);
        this.props = props;
        this.shellLoop = new ShellLoop(context, props.createHMACGenerator(), false, this);
        this.controlLoop = new ShellLoop(context, props.createHMACGenerator(), true, this);
    }

    /** Runs {@code action} whenever the shell channel has no request waiting. */
    void onShellDrained(Runnable action) {
        shellLoop.onDrained(action);
    }

    @Override
    public void connect() {
        heartbeat.bind(props);
        iopub.bind(props);
        stdin.bind(props);
        controlLoop.bind(props);
        shellLoop.bind(props);
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        shellLoop.close();
        controlLoop.close();
        super.close();
        context.close();
    }

    @Override
    public void waitUntilClose() {
        shellLoop.waitUntilClose();
        controlLoop.waitUntilClose();
    }
}
