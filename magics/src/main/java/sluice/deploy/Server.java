package sluice.deploy;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import sluice.magic.UsageError;
import sluice.model.Model;
import sluice.model.Predictions;
import sluice.session.Endpoint;

/**
 * The prediction endpoint: a Javalin server answering {@code POST /predict}, {@code GET /health},
 * {@code GET /schema}, {@code GET /openapi.json} and {@code GET /metrics} for one model, which {@link #swap} replaces
 * atomically: each request reads the current model once and uses it to the end.
 */
public final class Server implements Endpoint {
    private static final Logger LOG = Logger.getLogger(Server.class.getName());
    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";
    private static final String NDJSON = "application/x-ndjson";
    /** The response header naming the version of the model that answered. */
    static final String VERSION = "X-Model-Version";
    /**
     * Jetty's threads: its acceptor and selector take theirs from the same pool, so a pool of 8 left
     * a load test's 16 connections waiting on each other (inside the kernel, wrk -c16 on 2 cores: a
     * p99 of 660 ms in the first 10 s after %deploy and 68 ms at 20-30 s; with 32 threads 49 ms and
     * 13 ms, at the same requests/s). Threads past the first 16 start only when the load asks for them.
     */
    static final int THREADS = Integer.getInteger("sluice.deploy.threads", Math.max(32, 8 * Runtime.getRuntime().availableProcessors()));

    private final Settings settings;
    private final byte[] bearer;
    private final AtomicReference<Served> served;
    private final LongAdder answered = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final Metrics metrics = new Metrics();
    private final List<Version> versions = new CopyOnWriteArrayList<>();
    private final Instant started = Instant.now();
    private final Javalin app;

    private Server(Model model, Version version, Settings settings) {
        this.settings = settings;
        this.bearer = settings.token() == null ? null : ("Bearer " + settings.token()).getBytes(StandardCharsets.UTF_8);
        this.served = new AtomicReference<>();
        serve(model, version);
        this.app = Javalin.create(this::configure);
    }

    /** Starts serving {@code model}; a usage error when the port is taken or the host is not this machine's. */
    public static Server start(Model model, Settings settings) {
        return start(model, Version.of(model), settings);
    }

    /** Starts serving {@code model} as {@code version} (that of the file it was read from). */
    static Server start(Model model, Version version, Settings settings) {
        try {
            InetAddress.getByName(settings.host());
        } catch (java.net.UnknownHostException e) {
            throw new UsageError("Unknown host '" + settings.host() + "'. --host takes an address of this machine, "
                    + "such as 127.0.0.1 or 0.0.0.0.");
        }
        Server server = new Server(model, version, settings);
        try {
            server.app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            server.app.stop();
            throw server.failure(e);
        }
        return server;
    }

    /** Serves {@code model} from now on; requests already running finish with the model they started with. */
    public void swap(Model model) {
        serve(model, Version.of(model));
    }

    private void serve(Model model, Version version) {
        served.set(Served.of(model, version, settings.token() != null));
        versions.add(version);
        metrics.serving(version, Documents.describe(model));
    }

    /** The version served now. */
    Version version() {
        return served.get().version();
    }

    /** Every version served so far, the first first. */
    List<Version> versions() {
        return List.copyOf(versions);
    }

    public Model model() {
        return served.get().model();
    }

    public Settings settings() {
        return settings;
    }

    /** The port listened on (the one chosen when {@link Settings#port()} was 0). */
    public int port() {
        return app.port();
    }

    /** {@code http://127.0.0.1:8000} */
    public String url() {
        return "http://" + settings.reachableHost() + ":" + port();
    }

    public Instant started() {
        return started;
    }

    /** Predictions answered with 200. */
    public long answered() {
        return answered.sum();
    }

    /** Requests refused with 400, 401 or 413. */
    public long refused() {
        return refused.sum();
    }

    /** Stops listening and frees the port before returning. */
    @Override
    public void close() {
        app.stop();
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.prefer405over404 = true;
        config.jetty.threadPool = threads();
        config.jetty.modifyServer(server -> {
            ErrorHandler errors = new ErrorHandler();
            errors.setShowStacks(false);
            errors.setShowCauses(false);
            errors.setShowMessageInTitle(false);
            server.setErrorHandler(errors);
        });
        config.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });
        if (settings.cors() != null) {
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                if (settings.cors().equals("*")) {
                    rule.anyHost();
                } else {
                    rule.allowHost(settings.cors());
                }
            }));
        }
        config.routes.before(ctx -> ctx.header(VERSION, served.get().version().id()));
        config.routes.post("/predict", this::predict);
        config.routes.get("/health", this::health);
        config.routes.get("/schema", ctx -> document(ctx, Served::schemaJson));
        config.routes.get("/openapi.json", ctx -> document(ctx, Served::openApiJson));
        config.routes.get("/metrics", this::metrics);
        config.requestLogger.http((ctx, millis) -> metrics.request(ctx.path(), ctx.statusCode(), millis / 1000.0));
        config.routes.exception(BadRequest.class, this::refuse);
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.log(Level.SEVERE, "prediction endpoint: " + ctx.method() + " " + ctx.path() + " failed", e);
            json(ctx, 500, Answer.error("internal error; the server's log has the details", null));
        });
        config.routes.error(404, ctx -> json(ctx, 404, Answer.error("no endpoint " + ctx.method() + " " + ctx.path()
                + "; there are POST /predict, GET /health, GET /schema, GET /openapi.json and GET /metrics", null)));
        config.routes.error(405, ctx -> json(ctx, 405, Answer.error(ctx.method() + " is not allowed on " + ctx.path()
                + "; use " + (ctx.path().equals("/predict") ? "POST" : "GET"), null)));
    }

    private QueuedThreadPool threads() {
        QueuedThreadPool pool = new QueuedThreadPool(THREADS, Math.min(THREADS, 16), 60_000);
        pool.setName("sluice-deploy");
        pool.setDaemon(true);
        return pool;
    }

    private void predict(Context ctx) throws IOException {
        authorize(ctx);
        Served now = served.get();
        ctx.header(VERSION, now.version().id());
        String type = mediaType(ctx);
        if (type.equals(CSV) || type.equals(NDJSON)) {
            batch(ctx, now, type);
            return;
        }
        byte[] body = body(ctx, type);
        Predictions predictions;
        try {
            predictions = now.model().predictStrict(PredictRequest.rows(body, now));
        } catch (UsageError e) {
            throw new BadRequest(400, null, e.getMessage());
        }
        json(ctx, 200, Answer.predictions(predictions));
        answered.increment();
        now.version().answered().increment();
        metrics.predicted(predictions.size());
    }

    /**
     * A CSV or NDJSON batch, read and scored a chunk at a time (bounded memory however long the body);
     * answered once every row is scored (see {@link Batch}), as JSON or, when the client accepts it, CSV.
     */
    private void batch(Context ctx, Served now, String type) throws IOException {
        BatchPredictions scores;
        try (InputStream in = ctx.req().getInputStream()) {
            BatchRows rows = type.equals(CSV) ? new CsvRows(in, charset(ctx), now) : new NdjsonRows(in, now, settings.maxBody());
            scores = Batch.score(rows, now, settings.maxRows());
        }
        String accept = ctx.header("Accept");
        ctx.status(200);
        if (accept != null && accept.contains(CSV)) {
            ctx.contentType(CSV + "; charset=utf-8");
            scores.writeCsv(ctx.outputStream());
        } else {
            ctx.contentType(JSON);
            scores.writeJson(ctx.outputStream());
        }
        answered.increment();
        now.version().answered().increment();
        metrics.predicted(scores.rows());
    }

    private void metrics(Context ctx) throws IOException {
        authorize(ctx);
        ctx.status(200).contentType(Metrics.CONTENT_TYPE);
        metrics.write(ctx.outputStream());
    }

    private void health(Context ctx) {
        Served now = served.get();
        ctx.header(VERSION, now.version().id());
        json(ctx, 200, Answer.health(Documents.describe(now.model()), now.version()));
    }

    private void document(Context ctx, java.util.function.Function<Served, byte[]> document) {
        authorize(ctx);
        Served now = served.get();
        ctx.header(VERSION, now.version().id());
        json(ctx, 200, document.apply(now));
    }

    private void authorize(Context ctx) {
        if (bearer == null) {
            return;
        }
        String given = ctx.header("Authorization");
        if (given == null || !MessageDigest.isEqual(bearer, given.getBytes(StandardCharsets.UTF_8))) {
            throw new BadRequest(401, "Authorization", given == null
                    ? "missing token; send the header Authorization: Bearer <token>"
                    : "wrong token in the Authorization header");
        }
    }

    /** The media type of the request body, lower case and without parameters: "text/csv". */
    private static String mediaType(Context ctx) {
        String type = ctx.contentType();
        return type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The charset the request names (UTF-8 when it names none); a 400 for one Java does not know. */
    private static java.nio.charset.Charset charset(Context ctx) {
        String name = ctx.req().getCharacterEncoding();
        try {
            return name == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw BadRequest.at("Content-Type", "unknown charset '" + name + "'; send UTF-8");
        }
    }

    /** The JSON request body, refused when it is not JSON or is larger than the limit (checked before reading it all). */
    private byte[] body(Context ctx, String type) throws IOException {
        if (!type.equals(JSON)) {
            throw BadRequest.at("Content-Type", "expected application/json, text/csv or application/x-ndjson, got "
                    + (ctx.contentType() == null ? "none" : ctx.contentType()));
        }
        long limit = settings.maxBody();
        if (ctx.req().getContentLengthLong() > limit) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw tooLarge();
            }
            return body;
        }
    }

    private BadRequest tooLarge() {
        return new BadRequest(413, "body", "body: larger than the limit of " + Settings.sizeText(settings.maxBody()));
    }

    private void refuse(BadRequest e, Context ctx) {
        refused.increment();
        if (e.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        json(ctx, e.status(), Answer.error(e.getMessage(), e.field(), e.line()));
    }

    private static void json(Context ctx, int status, byte[] body) {
        ctx.status(status).contentType(JSON).result(body);
    }

    private UsageError failure(RuntimeException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof BindException)) {
            cause = cause.getCause();
        }
        if (cause == null) {
            throw e;
        }
        String message = String.valueOf(cause.getMessage());
        if (message.toLowerCase(java.util.Locale.ROOT).contains("in use")) {
            return new UsageError("Port " + settings.port() + " on " + settings.host() + " is already in use. "
                    + "Pick another with --port " + freePort() + " (or --port 0 for any free port).");
        }
        return new UsageError("Cannot listen on " + settings.host() + ":" + settings.port() + ": " + message
                + ". --host takes an address of this machine, such as 127.0.0.1 or 0.0.0.0.");
    }

    /** A port near the taken one that is free now, to suggest. */
    private int freePort() {
        for (int port = settings.port() + 1; port < Math.min(65536, settings.port() + 50); port++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(settings.host()), port));
                return port;
            } catch (IOException e) {
                continue;
            }
        }
        return 0;
    }
}
