package sluice.deploy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import sluice.magic.UsageError;

/**
 * How the endpoint listens: host and port, the bearer token (null for none) and the environment
 * variable it came from (shown in place of the token), the origin allowed by CORS (null: CORS off),
 * the largest JSON request body in bytes and the most rows a CSV or NDJSON batch may hold.
 */
public record Settings(String host, int port, String token, String tokenVariable, String cors, long maxBody, long maxRows) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final int PORT = 8000;
    public static final long MAX_BODY = 1 << 20;
    public static final long MAX_ROWS = 1_000_000;

    public Settings {
        if (port < 0 || port > 65535) {
            throw new UsageError("--port must be between 0 (any free port) and 65535, not " + port + ".");
        }
        if (maxBody < 1) {
            throw new UsageError("--max-body must be at least 1 byte.");
        }
        if (maxRows < 1) {
            throw new UsageError("--max-rows must be at least 1, not " + maxRows + ".");
        }
        if (token != null && token.isBlank()) {
            throw new UsageError("The token is empty; set the variable to a long random string.");
        }
    }

    public static Settings local(int port) {
        return new Settings(LOOPBACK, port, null, null, null, MAX_BODY, MAX_ROWS);
    }

    /** The token read from environment variable {@code variable}; a usage error when it is unset or empty. */
    public static String token(String variable, java.util.function.UnaryOperator<String> environment) {
        String token = environment.apply(variable);
        if (token == null || token.isBlank()) {
            throw new UsageError("Environment variable " + variable + " is not set or empty. Set it to a long random "
                    + "string where the kernel (or server) starts, e.g. export " + variable + "=$(openssl rand -hex 32).");
        }
        return token;
    }

    /** Whether only this machine can connect: the host is a loopback address. */
    public boolean loopback() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A warning when anyone on the network may call the endpoint without a token, else null. */
    public String exposure() {
        return loopback() || token != null ? null
                : "Warning: listening on " + host + " without a token: anyone who can reach this machine can call it. "
                  + "Add --token-env VAR, or bind 127.0.0.1.";
    }

    /** The host to put in a URL: a wildcard address is reached through loopback. */
    String reachableHost() {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? LOOPBACK
                : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** "1 MiB", "512 KiB", "300 bytes" */
    static String sizeText(long bytes) {
        if (bytes % (1 << 20) == 0) {
            return bytes / (1 << 20) + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    /** Reads "1m", "512k", "2MiB" or a number of bytes, for --max-body. */
    public static long parseSize(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT).replace("ib", "").replace("b", "");
        long unit = t.endsWith("k") ? 1024 : t.endsWith("m") ? 1 << 20 : 1;
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            return Math.multiplyExact(Long.parseLong(digits.strip()), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UsageError("--max-body takes a size such as 1m, 512k or 65536, not '" + text + "'.");
        }
    }
}
