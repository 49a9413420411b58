package sluice.deploy;

import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * The options {@code %deploy} and {@code serve} share, declared once: where the endpoint listens and what it
 * accepts. An option not given is null, and takes the running endpoint's value, else the default.
 */
public final class ListenOptions {
    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: " + Settings.PORT + "; 0 = any free port).")
    Integer port;

    @Option(names = "--host", paramLabel = "H", description = "Address to bind (default: 127.0.0.1, this machine only).")
    String host;

    @Option(names = "--token-env", paramLabel = "VAR", description = "Require Authorization: Bearer <token>, the token read from environment variable VAR.")
    String tokenEnv;

    @Option(names = "--cors", paramLabel = "ORIGIN", description = "Allow browser pages from ORIGIN (or *) to call it; off by default.")
    String cors;

    @Option(names = "--max-body", paramLabel = "SIZE", description = "Largest JSON request body (and NDJSON line), e.g. 1m, 256k (default: 1m).")
    String maxBody;

    @Option(names = "--max-rows", paramLabel = "N", description = "Most rows in one CSV or NDJSON batch (default: 1000000).")
    Long maxRows;

    @Option(names = "--warm-up", paramLabel = "SECONDS", description = "Longest warm-up of the serving path before "
            + "the endpoint opens; it ends once the JIT has compiled it (about 15 s on 2 cores the first time, 1-2 s after). "
            + "0 skips it; the first requests are then slow (default: 30).")
    Integer warmUp;

    /** How long the serving path may be warmed up before the endpoint opens. */
    java.time.Duration warmUp() {
        if (warmUp == null) {
            return WarmUp.BUDGET;
        }
        if (warmUp < 0 || warmUp > 600) {
            throw new sluice.magic.UsageError("--warm-up takes seconds from 0 to 600, not " + warmUp + ".");
        }
        return java.time.Duration.ofSeconds(warmUp);
    }

    /**
     * The settings asked for; what is not given is taken from {@code running} (null when none runs), else the defaults.
     *
     * @param environment where the token variable is read
     */
    Settings settings(Server running, UnaryOperator<String> environment) {
        Settings now = running == null ? null : running.settings();
        String token = tokenEnv != null ? Settings.token(tokenEnv, environment) : now == null ? null : now.token();
        return new Settings(
                host != null ? host : now != null ? now.host() : Settings.LOOPBACK,
                port != null ? port : now != null ? running.port() : Settings.PORT,
                token,
                tokenEnv != null ? tokenEnv : now == null ? null : now.tokenVariable(),
                cors != null ? cors : now == null ? null : now.cors(),
                maxBody != null ? Settings.parseSize(maxBody) : now != null ? now.maxBody() : Settings.MAX_BODY,
                maxRows != null ? maxRows : now != null ? now.maxRows() : Settings.MAX_ROWS);
    }
}
