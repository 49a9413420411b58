package sluice.kernel;

import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import io.github.spencerpark.jupyter.messages.request.KernelInfoRequest;
import io.github.spencerpark.jupyter.messages.request.ShutdownRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * A Jupyter client's first requests, sent over ZeroMQ on loopback to {@code kernel}: kernel_info, two
 * cells, shutdown. {@code warmup} runs it so that the class archive {@code install} records also holds
 * what a kernel loads before its first reply (ZeroMQ, HMAC signing, the JSON of the messages): some
 * 400 classes that a fresh kernel would otherwise read from the jar and verify.
 */
final class ProtocolRoundTrip {
    private ProtocolRoundTrip() {
    }

    static void run(SluiceKernel kernel) throws Exception {
        KernelConnectionProperties props = KernelConnectionProperties.parse(connectionJson());
        SluiceConnection connection = new SluiceConnection(props);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        ZMQ.Context context = ZMQ.context(1);
        try (Client shell = new Client(context, props.createHMACGenerator(), props.getShellPort())) {
            shell.request(MessageType.KERNEL_INFO_REQUEST, new KernelInfoRequest());
            for (String cell : new String[] {"1 + 1", "%lsmagic"}) {
                shell.request(MessageType.EXECUTE_REQUEST, new ExecuteRequest(cell, false, true, Map.of(), false, true));
            }
            shell.request(MessageType.SHUTDOWN_REQUEST, ShutdownRequest.SHUTDOWN);
        } finally {
            connection.waitUntilClose();
            context.close();
        }
    }

    private static String connectionJson() throws IOException {
        StringBuilder json = new StringBuilder("{\"transport\": \"tcp\", \"ip\": \"127.0.0.1\", ");
        for (String channel : new String[] {"shell", "iopub", "stdin", "control", "hb"}) {
            json.append('"').append(channel).append("_port\": ").append(freePort()).append(", ");
        }
        return json.append("\"signature_scheme\": \"hmac-sha256\", \"key\": \"").append(UUID.randomUUID()).append("\"}").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The client's end of the shell channel: a request, then its reply. */
    private static final class Client extends JupyterSocket implements AutoCloseable {
        private final String session = UUID.randomUUID().toString();

        Client(ZMQ.Context context, HMACGenerator hmac, int port) {
            super(context, SocketType.DEALER, hmac, Logger.getLogger(ProtocolRoundTrip.class.getName()));
            setReceiveTimeOut(60_000);
            connect(formatAddress("tcp", "127.0.0.1", port));
        }

        <T> void request(MessageType<T> type, T content) {
            sendMessage(new Message<>(new Header<>(session, type), content));
            if (readMessage() == null) {
                throw new IllegalStateException("the kernel did not answer " + type.getName() + " within 60 s");
            }
        }

        @Override
        public void bind(KernelConnectionProperties connection) {
            throw new UnsupportedOperationException("a client connects");
        }
    }
}
