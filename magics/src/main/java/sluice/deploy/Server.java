package sluice.deploy;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import sluice.magic.UsageError;
import sluice.model.Model;
import sluice.session.Endpoint;

/**
 * The prediction endpoint's lifecycle: a Javalin server, answering with {@link Routes} for one model, which
 * {@link #swap} replaces atomically; it starts on a host and port (a usage error when they are taken or not
 * this machine's) and stops freeing the port.
 */
public final class Server implements Endpoint {
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
    private final AtomicReference<Served> served = new AtomicReference<>();
    private final Metrics metrics = new Metrics();
    private final Routes routes;
    private final List<Version> versions = new CopyOnWriteArrayList<>();
    private final Instant started = Instant.now();
    private final Javalin app;

    private Server(Model model, Version version, Settings settings) {
        this.settings = settings;
        this.routes = new Routes(settings, served, metrics);
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
        return routes.answered.sum();
    }

    /** Requests refused with 400, 401 or 413. */
    public long refused() {
        return routes.refused.sum();
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
        routes.install(config);
    }

    private QueuedThreadPool threads() {
        QueuedThreadPool pool = new QueuedThreadPool(THREADS, Math.min(THREADS, 16), 60_000);
        pool.setName("sluice-deploy");
        pool.setDaemon(true);
        return pool;
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
