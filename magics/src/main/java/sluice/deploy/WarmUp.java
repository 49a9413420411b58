package sluice.deploy;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
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
import java.util.function.BooleanSupplier;
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
    /** The longest a warm-up may take; in a JVM whose serving path is already compiled it ends after about a second. */
    static final Duration BUDGET = Duration.ofMillis(Long.getLong("sluice.deploy.warmup.ms", 3000));
    private static final Duration SLICE = Duration.ofMillis(100);
    /** The fewest requests after which a quiet JIT ends the warm-up: before them, quiet is the JIT waiting for counts. */
    static final long ENOUGH = 20_000;
    /** As many connections as a load test's (wrk -c16), each with one request at a time, as a client's. */
    private static final int CONNECTIONS = 16;

    /** How the warm-up went: requests answered and how long it took. */
    record Result(long requests, Duration took) {
    }

    private WarmUp() {
    }

    /**
     * Sends {@code body} to {@code model}'s throwaway server until the JIT is quiet or {@link #BUDGET} is spent;
     * called before the endpoint starts, so that no client shares the CPUs with it.
     */
    static Result run(Model model, String body) throws InterruptedException {
        return run(model, body, ENOUGH);
    }

    /**
     * As {@link #run(Model, String)}, but before {@code running} swaps to {@code model}: the endpoint's own
     * requests share the CPUs with a warm-up, so the first quiet slice ends it, and there is none when the
     * endpoint has already answered {@link #ENOUGH} requests with a model of the same algorithm and task (their
     * code is hot; a warm-up beside the live load only slowed its answers: p99 9.6 ms during a swap).
     */
    static Result beforeSwap(Server running, Model model, String body) throws InterruptedException {
        Model served = running.model();
        if (running.answered() >= ENOUGH && served.algorithm().equals(model.algorithm()) && served.task() == model.task()) {
            return new Result(0, Duration.ZERO);
        }
        return run(model, body, 0);
    }

    private static Result run(Model model, String body, long enough) throws InterruptedException {
        long start = System.nanoTime();
        if (BUDGET.isZero()) {
            return new Result(0, Duration.ZERO);
        }
        LongAdder answered = new LongAdder();
        AtomicBoolean done = new AtomicBoolean();
        try (Server server = Server.start(model, new Version("warm-up", Instant.now(), new LongAdder()), Settings.local(0))) {
            byte[] request = request(body);
            List<Thread> senders = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                Thread sender = new Thread(() -> send(server.port(), request, done, answered), "sluice-deploy-warm-up-" + c);
                sender.setDaemon(true);
                sender.start();
                senders.add(sender);
            }
            try {
                waitForQuietJit(start, () -> senders.stream().anyMatch(Thread::isAlive), () -> answered.sum() >= enough);
            } finally {
                done.set(true);
                for (Thread sender : senders) {
                    sender.join(1000);
                }
            }
        }
        return new Result(answered.sum(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** A POST of the JSON {@code body} to /predict, as the bytes sent. */
    static byte[] request(String body) {
        return ("POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Sends {@code request} again and again on one keep-alive connection, as a load test does, until
     * {@code done}; the answers are read in bulk and counted. Anything but a 200 ends the connection: a
     * warm-up that fell short only leaves the JIT more to do. (Reading each answer's head a byte at a
     * time, in code not yet compiled, slowed the client itself.)
     */
    private static void send(int port, byte[] request, AtomicBoolean done, LongAdder answered) {
        byte[] buffer = new byte[8192];
        Answers answers = new Answers();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            while (!done.get()) {
                out.write(request);
                out.flush();
                for (long goal = answers.complete + 1; answers.complete < goal; ) {
                    int n = in.read(buffer);
                    if (n < 0 || !answers.read(buffer, n)) {
                        return;
                    }
                }
                answered.increment();
            }
        } catch (IOException e) {
            // The server stopped, or answered in a way a warm-up does not expect.
        }
    }

    /**
     * Counts the answers in a stream of bytes by the ends of their heads (a blank line; a prediction's
     * JSON has none) and the status lines that say 200; false once an answer says anything else.
     */
    static final class Answers {
        private static final byte[] OK = "HTTP/1.1 200 ".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        long complete;
        private long ok;
        private int inOk;
        private int inEnd;

        boolean read(byte[] bytes, int n) {
            for (int k = 0; k < n; k++) {
                byte b = bytes[k];
                inOk = b == OK[inOk] ? inOk + 1 : b == OK[0] ? 1 : 0;
                if (inOk == OK.length) {
                    ok++;
                    inOk = 0;
                }
                // "\r\n\r\n": after a mismatch the byte can only restart it ("\r") or not.
                inEnd = b == END[inEnd] ? inEnd + 1 : b == '\r' ? 1 : 0;
                if (inEnd == END.length) {
                    complete++;
                    inEnd = 0;
                    if (complete > ok) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /**
     * Returns when a slice passed without compilation (after the first few, and {@code enough} requests), the
     * budget is spent, no connection is left {@code sending} (the sample was refused) or the cell is stopped.
     */
    private static void waitForQuietJit(long start, BooleanSupplier sending, BooleanSupplier enough)
            throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean measurable = jit != null && jit.isCompilationTimeMonitoringSupported();
        long compiled = measurable ? jit.getTotalCompilationTime() : 0;
        long deadline = start + BUDGET.toNanos();
        for (int slice = 1; System.nanoTime() < deadline && sending.getAsBoolean(); slice++) {
            Thread.sleep(SLICE.toMillis());
            if (measurable) {
                long now = jit.getTotalCompilationTime();
                if (slice >= 3 && enough.getAsBoolean() && now - compiled < SLICE.toMillis() / 20) {
                    return;
                }
                compiled = now;
            }
        }
    }
}
