package sluice.deploy;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import sluice.magic.UsageError;
import sluice.model.Predictions;

/**
 * The endpoint's routes and what they answer: {@code POST /predict} (JSON, or a CSV or NDJSON batch),
 * {@code GET /health}, {@code /schema}, {@code /openapi.json}, {@code /metrics}, and the JSON errors for
 * bad input, a missing token, an unknown path. Each request reads the served model once and uses it to the end.
 */
final class Routes {
    private static final Logger LOG = Logger.getLogger(Server.class.getName());
    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";
    private static final String NDJSON = "application/x-ndjson";

    private final Settings settings;
    private final byte[] bearer;
    private final AtomicReference<Served> served;
    private final Metrics metrics;
    final LongAdder answered = new LongAdder();
    final LongAdder refused = new LongAdder();

    Routes(Settings settings, AtomicReference<Served> served, Metrics metrics) {
        this.settings = settings;
        this.bearer = settings.token() == null ? null : ("Bearer " + settings.token()).getBytes(StandardCharsets.UTF_8);
        this.served = served;
        this.metrics = metrics;
    }

    void install(JavalinConfig config) {
        config.routes.before(ctx -> ctx.header(Server.VERSION, served.get().version().id()));
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

    private void predict(Context ctx) throws IOException {
        authorize(ctx);
        Served now = served.get();
        ctx.header(Server.VERSION, now.version().id());
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
        // Counted before the answer is written, which completes the response: a client that reads the
        // status right after its answer must find its request counted.
        answered.increment();
        now.version().answered().increment();
        metrics.predicted(predictions.size());
        answer(ctx, Answer.predictions(predictions));
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
        ctx.header(Server.VERSION, now.version().id());
        json(ctx, 200, Answer.health(Documents.describe(now.model()), now.version()));
    }

    private void document(Context ctx, java.util.function.Function<Served, byte[]> document) {
        authorize(ctx);
        Served now = served.get();
        ctx.header(Server.VERSION, now.version().id());
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
        long length = ctx.req().getContentLengthLong();
        if (length > limit) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            // With a Content-Length, exactly that many bytes: reading up to the limit took 8 KiB buffers per request.
            byte[] body = in.readNBytes((int) (length >= 0 ? length : Math.min(Integer.MAX_VALUE - 8, limit + 1)));
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

    /**
     * Writes a prediction's answer straight to the response, with its length. Handed to Javalin as a
     * result, it was copied through an 8 KiB buffer per request: at 20,000 requests/s that was 40% of
     * all the endpoint allocated, and the collections it caused were its slowest answers. (Errors still
     * go through Javalin, whose error pages and request log expect a result.)
     */
    private static void answer(Context ctx, byte[] body) {
        ctx.status(200).contentType(JSON);
        ctx.res().setContentLength(body.length);
        try {
            ctx.res().getOutputStream().write(body);
        } catch (IOException e) {
            // The client has gone; there is nobody left to answer.
        }
    }
}
