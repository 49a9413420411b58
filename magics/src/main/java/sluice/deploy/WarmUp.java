package sluice.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
    /**
     * The longest a warm-up may take unless {@code --warm-up} says otherwise. It ends earlier once the JIT is quiet:
     * after 11 to 17 s in a fresh JVM on 2 cores, 1 to 2 s in one whose serving path is compiled.
     */
    static final Duration BUDGET = Duration.ofMillis(Long.getLong("sluice.deploy.warmup.ms", 30_000));
    private static final Duration SLICE = Duration.ofMillis(100);
    /** Slices over which the compiler threads must have been nearly idle (a tenth of one core) to call the JIT quiet. */
    private static final int QUIET_SLICES = 5;
    /** The fewest requests after which a quiet JIT ends the warm-up: before them, quiet is the JIT waiting for counts. */
    static final long ENOUGH = 20_000;
    /** As many connections as a load test's (wrk -c16), each with one request at a time, as a client's. */
    private static final int CONNECTIONS = 16;
    /** Requests on one connection before the warm-up closes it and opens another. */
    private static final int PER_CONNECTION = 500;
    /** The connections of the warm-up's first phase. */
    private static final int FEW = 2;

    /** How the warm-up went: requests answered and how long it took. */
    record Result(long requests, Duration took) {
    }

    private WarmUp() {
    }

    /**
     * Sends {@code body} to {@code model}'s throwaway server until the JIT is quiet or {@code budget} is spent;
     * called before the endpoint starts, so that no client shares the CPUs with it.
     */
    static Result run(Model model, String body, Duration budget) throws InterruptedException {
        Result result = run(model, body, ENOUGH, budget);
        if (result.requests() > 0) {
            // The warm-up's garbage and survivors collected now, not in the first seconds of the endpoint's load
            // (young collections of 5-26 ms there, 1-4 ms after this). Not before a swap: a live endpoint would wait.
            System.gc();
        }
        return result;
    }

    /**
     * As {@link #run(Model, String, Duration)}, but before {@code running} swaps to {@code model}: the endpoint's own
     * requests share the CPUs with a warm-up, so the first quiet slice ends it, and there is none when the
     * endpoint has already answered {@link #ENOUGH} requests with a model of the same algorithm and task (their
     * code is hot; a warm-up beside the live load only slowed its answers: p99 9.6 ms during a swap).
     */
    static Result beforeSwap(Server running, Model model, String body, Duration budget) throws InterruptedException {
        Model served = running.model();
        if (running.answered() >= ENOUGH && served.algorithm().equals(model.algorithm()) && served.task() == model.task()) {
            return new Result(0, Duration.ZERO);
        }
        return run(model, body, 0, budget);
    }

    private static Result run(Model model, String body, long enough, Duration budget) throws InterruptedException {
        long start = System.nanoTime();
        if (budget.isZero()) {
            return new Result(0, Duration.ZERO);
        }
        LongAdder answered = new LongAdder();
        AtomicBoolean done = new AtomicBoolean();
        try (Server server = Server.start(model, new Version("warm-up", Instant.now(), new LongAdder()), Settings.local(0))) {
            List<byte[]> requests = requests(model, body);
            List<Thread> senders = new ArrayList<>();
            try {
                // A few connections until the JIT is quiet, for it has then most of the CPUs (16 from the start
                // took 25 to 33 s, 2 took 9 s); then a load test's 16, which take paths a few do not.
                for (int phase = 0; phase < 2 && !Thread.currentThread().isInterrupted(); phase++) {
                    for (int c = senders.size(); c < (phase == 0 ? FEW : CONNECTIONS); c++) {
                        byte[] request = requests.get(c % requests.size());
                        Thread sender = new Thread(() -> send(server.port(), request, done, answered), "sluice-deploy-warm-up-" + c);
                        sender.setDaemon(true);
                        sender.start();
                        senders.add(sender);
                    }
                    waitForQuietJit(start + budget.toNanos(), () -> senders.stream().anyMatch(Thread::isAlive),
                            () -> answered.sum() >= enough);
                }
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
        return request(body, "Host: 127.0.0.1\r\nContent-Type: application/json\r\n");
    }

    private static byte[] request(String body, String headers) {
        return ("POST /predict HTTP/1.1\r\n" + headers + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The requests the warm-up's connections take turns at: the sample's {@code records} body, and
     * the same row as {@code {"features": [...]}}, once with a load tester's few headers and once with
     * those of a library such as Python's requests. Every way a client may ask is compiled so: a
     * warm-up of records alone left wrk's {@code features} requests to be compiled under its load.
     */
    static List<byte[]> requests(Model model, String body) {
        List<byte[]> requests = new ArrayList<>(List.of(request(body)));
        try {
            JsonNode record = PredictRequest.JSON.readTree(body).path("records").path(0);
            ArrayNode features = PredictRequest.JSON.createArrayNode();
            model.inputs().forEach(input -> features.add(record.get(input.name())));
            if (record.isObject() && features.size() == record.size()) {
                String positional = "{\"features\": " + features + "}";
                requests.add(request(positional, "Host: 127.0.0.1:8080\r\nContent-Type: application/json\r\n"));
                requests.add(request(positional, "Host: 127.0.0.1:8080\r\nUser-Agent: python-requests/2.28.1\r\n"
                        + "Accept-Encoding: gzip, deflate\r\nAccept: */*\r\nConnection: keep-alive\r\n"
                        + "Content-Type: application/json\r\n"));
            }
        } catch (JsonProcessingException e) {
            // Not a records body: the warm-up sends it as it is.
        }
        return requests;
    }

    /**
     * Sends {@code request} again and again on a keep-alive connection, as a load test does, until
     * {@code done}; the answers are read in bulk and counted. Every {@link #PER_CONNECTION} requests the
     * connection is closed (or reset) and another opened, as clients do: the JIT then compiles Jetty's
     * reads with their end of stream. On connections that never ended it compiled them without, so the
     * warm-up's own end sent those reads back to the interpreter just before the endpoint opened.
     * Anything but a 200 ends the sending: a warm-up that fell short only leaves the JIT more to do.
     */
    private static void send(int port, byte[] request, AtomicBoolean done, LongAdder answered) {
        byte[] buffer = new byte[8192];
        try {
            for (int connection = 0; !done.get(); connection++) {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    socket.setTcpNoDelay(true);
                    // Every other connection is reset rather than closed, as a load tester's are at its end.
                    socket.setSoLinger(connection % 2 == 1, 0);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = socket.getInputStream();
                    Answers answers = new Answers();
                    for (int sent = 0; sent < PER_CONNECTION && !done.get(); sent++) {
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
                }
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
     * Returns when the JIT's compiler threads were nearly idle (a tenth of one core) over the last {@link
     * #QUIET_SLICES} slices after {@code enough} requests, the {@code deadline} has passed, no connection is
     * left {@code sending} (the sample was refused) or the cell is stopped.
     */
    private static void waitForQuietJit(long deadline, BooleanSupplier sending, BooleanSupplier enough)
            throws InterruptedException {
        long[] busy = new long[QUIET_SLICES + 1];
        java.util.Arrays.fill(busy, JitActivity.millis());
        for (int slice = 1; System.nanoTime() < deadline && sending.getAsBoolean(); slice++) {
            Thread.sleep(SLICE.toMillis());
            System.arraycopy(busy, 1, busy, 0, QUIET_SLICES);
            busy[QUIET_SLICES] = JitActivity.millis();
            if (busy[0] >= 0 && slice > QUIET_SLICES && enough.getAsBoolean()
                    && busy[QUIET_SLICES] - busy[0] <= QUIET_SLICES * SLICE.toMillis() / 10) {
                return;
            }
        }
    }
}
