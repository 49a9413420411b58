package sluice.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import sluice.magic.Magic;
import sluice.model.Model;
import sluice.progress.Progress;
import sluice.session.Session;

/**
 * {@code %deploy [--port N] [--host H] [--token-env VAR] [--cors ORIGIN] [--max-body SIZE] [--max-rows N]},
 * {@code %deploy status|stop}, {@code %deploy save FILE}, {@code %deploy export DIR}: serves the
 * session's model over HTTP, or writes it out to be served elsewhere.
 * Deploying again while it runs with the same settings swaps the model without a restart.
 */
@Command(name = "deploy", synopsisSubcommandLabel = "[status|stop|save|export]",
        description = "Serve the current model over HTTP: POST /predict, GET /health, /schema, /openapi.json, /metrics.",
        footer = {"POST /predict takes JSON ({\"features\": [...]} or {\"records\": [...]}), or a batch: text/csv (a header of "
                + "the raw columns, then rows) or application/x-ndjson, answered as JSON, or as CSV with Accept: text/csv.",
                "Every answer names the model version (X-Model-Version); a bad row is a 400 naming its line and column.",
                "An option not given keeps the running endpoint's setting."})
public final class DeployMagic implements Magic {
    private final Session session;
    private final UnaryOperator<String> environment;

    @Mixin
    ListenOptions listen;

    public DeployMagic(Session session) {
        this(session, System::getenv);
    }

    /** With {@code environment} to read the token variable from (tests pass a map). */
    public DeployMagic(Session session, UnaryOperator<String> environment) {
        this.session = session;
        this.environment = environment;
    }

    @Override
    public Map<String, Magic> subcommands() {
        Map<String, Magic> operations = new LinkedHashMap<>();
        operations.put("status", new Status());
        operations.put("stop", new Stop());
        operations.put("save", new Save());
        operations.put("export", new Export());
        return operations;
    }

    @Override
    public Object run(String body) throws Exception {
        Model model = session.training().model();
        Server running = session.server(Server.class);
        Settings wanted = listen.settings(running, environment);
        Sample sample = Sample.of(model, session.hasTable() ? session.raw() : null);
        boolean swap = running != null && sameListener(running, wanted);
        Duration budget = listen.warmUp();
        try (Progress progress = new Progress("warming up the endpoint (up to " + budget.toSeconds()
                + " s; --warm-up 0 skips it)", System.out)) {
            if (swap) {
                WarmUp.beforeSwap(running, model, sample.body(), budget);
            } else {
                WarmUp.run(model, sample.body(), budget);
            }
        }
        String headline;
        if (swap) {
            running.swap(model);
            headline = "Now serving " + Documents.describe(model) + " at " + running.url() + " (version "
                    + running.version().id() + "; model swapped, no restart)";
        } else {
            if (running != null) {
                running.close();
                session.setServer(null);
            }
            Server server = Server.start(model, wanted);
            session.setServer(server);
            running = server;
            headline = "Serving " + Documents.describe(model) + " at " + server.url() + " (version " + server.version().id() + ")";
        }
        Sample.Reply reply = sample.send(running.url(), wanted.token());
        return new DeployReport(headline, running.url(), sample.curl(running.url(), wanted.tokenVariable()), reply, wanted.exposure());
    }

    private static boolean sameListener(Server running, Settings b) {
        Settings a = running.settings();
        return a.host().equals(b.host()) && (b.port() == 0 || running.port() == b.port())
                && java.util.Objects.equals(a.token(), b.token()) && java.util.Objects.equals(a.cors(), b.cors())
                && a.maxBody() == b.maxBody() && a.maxRows() == b.maxRows();
    }

    @Command(description = "Say whether the endpoint runs, where, which model, how many requests it answered, and the model versions it served.")
    final class Status implements Magic {
        @Override
        public Object run(String body) {
            Server server = session.server(Server.class);
            if (server == null) {
                return "No endpoint is running. %deploy starts one for the current model.";
            }
            Duration up = Duration.between(server.started(), Instant.now());
            StringBuilder status = new StringBuilder(String.format("Serving %s at %s for %s: %,d predictions answered, "
                    + "%,d requests refused.%s%nVersions served (version, since, requests answered):",
                    Documents.describe(server.model()), server.url(), uptime(up), server.answered(), server.refused(),
                    server.settings().token() == null ? "" : " A bearer token is required."));
            List<Version> versions = server.versions();
            for (int v = 0; v < versions.size(); v++) {
                Version version = versions.get(v);
                status.append(String.format("%n  %s  %s  %,d%s", version.id(),
                        version.since().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), version.answered().sum(),
                        v == versions.size() - 1 ? "  (now)" : ""));
            }
            return status.toString();
        }
    }

    @Command(description = "Stop the endpoint and free its port.")
    final class Stop implements Magic {
        @Override
        public Object run(String body) {
            Server server = session.server(Server.class);
            if (server == null) {
                return "No endpoint is running; nothing to stop.";
            }
            String url = server.url();
            int port = server.port();
            session.close();
            return "Stopped the endpoint at " + url + "; port " + port + " is free.";
        }
    }

    @Command(description = "Save the model (fitted cleaning steps, model, schema) to FILE, to serve with: java -jar sluice.jar serve FILE.")
    final class Save implements Magic {
        @Parameters(paramLabel = "FILE", description = "The file to write.")
        Path file;

        @Override
        public Object run(String body) throws IOException {
            Model model = session.training().model();
            model.save(file);
            return String.format("Saved %s to %s (%,d bytes). Serve it outside the notebook with:%n"
                    + "java -jar sluice.jar serve %s --port %d", Documents.describe(model), file, Files.size(file), file, Settings.PORT);
        }
    }

    @Command(description = "Write a folder that serves the model anywhere: model.sluice, the kernel's sluice.jar, a Dockerfile "
            + "(eclipse-temurin:17-jre, port 8000) and a README with the docker and java commands.")
    final class Export implements Magic {
        @Parameters(paramLabel = "DIR", description = "The folder to write; it must be new or empty.")
        Path dir;

        @Override
        public Object run(String body) throws IOException {
            Model model = session.training().model();
            Version version = ExportFolder.write(dir, model, ExportFolder::runningJar, session.hasTable() ? session.raw() : null);
            String image = ExportFolder.image(dir);
            return String.format("Exported %s (version %s) to %s: model.sluice, sluice.jar, Dockerfile, README.md. Run it with:%n"
                    + "cd %s && java -jar sluice.jar serve model.sluice --port 8000%n"
                    + "or: docker build -t %s %s && docker run --rm -p 8000:8000 %s",
                    Documents.describe(model), version.id(), dir, dir, image, dir, image);
        }
    }

    private static String uptime(Duration up) {
        long s = up.getSeconds();
        return s < 60 ? s + " s" : s < 3600 ? s / 60 + " min" : s / 3600 + " h " + (s % 3600) / 60 + " min";
    }
}
