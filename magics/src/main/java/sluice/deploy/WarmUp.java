package sluice.deploy;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import sluice.model.Model;

/**
 * The serving path made hot before an endpoint is handed over. A fresh JVM answers its first
 * thousands of requests interpreted while the JIT compiles Jetty's, Javalin's, Jackson's and the
 * model's code on the same cores as the load, so a load test started right after {@code %deploy}
 * saw a tenth of the warm throughput and a p99 of tens of milliseconds. A throwaway server on a free
 * loopback port, with its own counters (the endpoint's metrics and status count only real
 * requests), answers the sample request until the JIT has gone quiet or the budget is spent. It
 * shares the model, and so the code the JIT compiles, with the endpoint.
 */
final class WarmUp {
    /** The longest a warm-up may take; in a JVM whose serving path is already compiled it ends after a third of a second. */
    static final Duration BUDGET = Duration.ofMillis(Long.getLong("sluice.deploy.warmup.ms", 3000));
    private static final Duration SLICE = Duration.ofMillis(100);
    private static final int CONNECTIONS = 4;

    /** How the warm-up went: requests answered and how long it took. */
    record Result(long requests, Duration took) {
    }

    private WarmUp() {
    }

    /**
     * Sends {@code body} to {@code model}'s throwaway server until the JIT is quiet or {@link #BUDGET} is spent;
     * called before the endpoint starts or swaps, so that no client shares the CPUs with it.
     */
    static Result run(Model model, String body) throws InterruptedException {
        long start = System.nanoTime();
        if (BUDGET.isZero()) {
            return new Result(0, Duration.ZERO);
        }
        LongAdder answered = new LongAdder();
        AtomicBoolean done = new AtomicBoolean();
        try (Server server = Server.start(model, new Version("warm-up", Instant.now(), new LongAdder()), Settings.local(0))) {
            byte[] request = ("POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
            List<Thread> senders = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                Thread sender = new Thread(() -> send(server.port(), request, done, answered), "sluice-deploy-warm-up-" + c);
                sender.setDaemon(true);
                sender.start();
                senders.add(sender);
            }
            try {
                waitForQuietJit(start, () -> senders.stream().anyMatch(Thread::isAlive));
            } finally {
                done.set(true);
                for (Thread sender : senders) {
                    sender.join(1000);
                }
            }
        }
        return new Result(answered.sum(), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Sends {@code request} again and again on one keep-alive connection, as a load test does, until
     * {@code done}; each answer is read to its end (the server gives every answer a Content-Length).
     * Anything but a 200 ends the connection: a warm-up that fell short only leaves the JIT more to do.
     */
    private static void send(int port, byte[] request, AtomicBoolean done, LongAdder answered) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            while (!done.get()) {
                out.write(request);
                out.flush();
                int length = contentLength(in);
                if (length < 0) {
                    return;
                }
                in.skipNBytes(length);
                answered.increment();
            }
        } catch (IOException e) {
            // The server stopped, or answered in a way a warm-up does not expect.
        }
    }

    /** Reads an answer's head and returns its Content-Length, or -1 when it is not a 200 or has none. */
    private static int contentLength(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        boolean first = true;
        boolean ok = false;
        int length = -1;
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b != '\n') {
                line.append((char) b);
                continue;
            }
            String header = line.toString().strip();
            line.setLength(0);
            if (first) {
                ok = header.startsWith("HTTP/1.1 200 ");
                first = false;
            } else if (header.isEmpty()) {
                return ok ? length : -1;
            } else if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).strip());
            }
        }
        throw new IOException("the connection closed");
    }

    /**
     * Returns when a slice passed without compilation (after the first few), the budget is spent, no connection is
     * left {@code sending} (the sample was refused) or the cell is stopped.
     */
    private static void waitForQuietJit(long start, java.util.function.BooleanSupplier sending) throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean measurable = jit != null && jit.isCompilationTimeMonitoringSupported();
        long compiled = measurable ? jit.getTotalCompilationTime() : 0;
        long deadline = start + BUDGET.toNanos();
        for (int slice = 1; System.nanoTime() < deadline && sending.getAsBoolean(); slice++) {
            Thread.sleep(SLICE.toMillis());
            if (measurable) {
                long now = jit.getTotalCompilationTime();
                if (slice >= 3 && now - compiled < SLICE.toMillis() / 20) {
                    return;
                }
                compiled = now;
            }
        }
    }
}
