package sluice.deploy;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;
import sluice.magic.UsageError;
import sluice.model.Model;

/**
 * {@code java -jar sluice.jar serve MODEL_FILE [--port N] [--host H] [--token-env VAR] [--cors ORIGIN]
 * [--max-body SIZE] [--max-rows N]}: serves a model {@code %deploy save} wrote, outside any notebook, with the same
 * contract as {@code %deploy}. Runs until interrupted (Ctrl-C, SIGTERM).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a saved Sluice model over HTTP: POST /predict, GET /health, /schema, /openapi.json, /metrics.")
public final class ServeCommand implements Callable<Integer> {
    /** Jetty and Javalin say every start and stop at INFO; the command prints its own lines. Held, as JUL keeps loggers weakly. */
    private static final java.util.List<java.util.logging.Logger> QUIET = java.util.List.of(
            java.util.logging.Logger.getLogger("org.eclipse.jetty"), java.util.logging.Logger.getLogger("io.javalin"));

    @Parameters(paramLabel = "MODEL_FILE", description = "A model written by %%deploy save FILE.")
    Path file;

    @Mixin
    ListenOptions listen;

    /** Runs the command; returns the exit code (0 after a clean stop, 2 for a usage mistake). */
    public static int run(String... args) {
        CommandLine command = new CommandLine(new ServeCommand()).setCommandName("sluice.jar serve");
        command.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof UsageError) {
                System.err.println("sluice: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return command.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
        Settings settings = listen.settings(null, System::getenv);
        Model model = Model.load(file);
        java.time.Duration budget = listen.warmUp();
        if (!budget.isZero()) {
            System.err.println("Warming up the serving path (up to " + budget.toSeconds() + " s; --warm-up 0 skips it) ...");
        }
        WarmUp.Result warm = WarmUp.run(model, Sample.of(model, null).body(), budget);
        if (!budget.isZero()) {
            System.err.printf(java.util.Locale.ROOT, "Warmed up in %.1f s (%,d requests)%n", warm.took().toMillis() / 1e3, warm.requests());
        }
        Server server = Server.start(model, Version.of(file), settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sluice-serve-stop"));
        System.out.println("Serving " + Documents.describe(model) + " (version " + server.version().id() + ") from " + file
                + " at " + server.url());
        System.out.println("POST " + server.url() + "/predict   GET /health   GET /schema   GET /openapi.json   GET /metrics   (Ctrl-C stops)");
        if (settings.exposure() != null) {
            System.err.println(settings.exposure());
        }
        System.out.flush();
        stopped.await();
        return 0;
    }
}
