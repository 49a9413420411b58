package sluice.ingest;

import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sluice.magic.UsageError;

/**
 * A failed connection or query as one line: the database, the server's or driver's own message
 * (with its hint, if it gave one) and what to try, with every known password masked.
 */
final class JdbcErrors {
    /** A missing table as PostgreSQL, MariaDB and SQLite name it. */
    private static final List<Pattern> MISSING_TABLE = List.of(Pattern.compile("relation \"([^\"]+)\" does not exist"),
            Pattern.compile("Table '([^']+)' doesn't exist"), Pattern.compile("no such table: (\\S+)"));
    /** MariaDB's driver starts each message with its connection number, SQLite's with its result code. */
    private static final Pattern DRIVER_PREFIX = Pattern.compile("^\\(conn=\\d+\\) |^\\[SQLITE_\\w+\\] [^(]*\\((.*)\\)$");
    private static final Pattern POSITION = Pattern.compile("Position: (\\d+)");

    private JdbcErrors() {
    }

    /**
     * @param url        the URL as the user wrote it
     * @param secrets    the passwords to mask
     * @param fromQuery  whether the SQL was the user's {@code --query}, so a position in it means something
     * @param suggestion for a missing table, the closest tables (" Did you mean 'x'?"), looked up only when needed
     */
    static UsageError explain(SQLException e, String url, List<String> secrets, boolean fromQuery, UnaryOperator<String> suggestion) {
        String message = withoutPrefix(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        List<String> lines = message.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String first = lines.isEmpty() ? message : lines.get(0).replaceFirst("^(ERROR|FATAL|PANIC): ", "");
        StringBuilder reason = new StringBuilder(first.replaceFirst("\\.$", ""));
        lines.stream().map(POSITION::matcher).filter(m -> fromQuery && m.matches()).findFirst()
                .ifPresent(m -> reason.append(" (character ").append(m.group(1)).append(" of the query)"));
        reason.append('.');
        lines.stream().filter(l -> l.startsWith("Detail:") || l.startsWith("Hint:")).forEach(l -> reason.append(' ').append(sentence(l)));
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String text;
        if (message.startsWith("No suitable driver")) {
            String scheme = url.replaceFirst("^(jdbc:[^:]*:).*", "$1");
            text = "No JDBC driver for " + scheme + " URLs is on the classpath. Sluice brings PostgreSQL's (jdbc:postgresql://host:port/db),"
                    + " MariaDB's (jdbc:mariadb:// or jdbc:mysql://host:port/db) and SQLite's (jdbc:sqlite:FILE);"
                    + " put another database's driver jar on the kernel's classpath.";
        } else if (message.startsWith("Unable to parse URL")) {
            text = "The driver cannot read this URL; write it as jdbc:postgresql://host:port/database.";
        } else {
            text = reason + cause(e, message) + hint(url, state, e.getErrorCode(), message, suggestion);
        }
        return new UsageError(Secrets.mask(where(url) + ": " + text, secrets));
    }

    /** The URL without its parameters, where passwords and options live. */
    static String where(String url) {
        return Secrets.mask(url.replaceFirst("\\?.*$", ""));
    }

    private static String withoutPrefix(String message) {
        Matcher m = DRIVER_PREFIX.matcher(message);
        return !m.find() ? message : m.group(1) != null ? m.group(1) : message.substring(m.end());
    }

    /** The drivers' generic "The connection attempt failed." or "Socket fail to connect" says little until its cause is added. */
    private static String cause(SQLException e, String message) {
        Throwable cause = e.getCause();
        if (cause == null || !(message.startsWith("The connection attempt failed") || message.startsWith("Socket fail to connect"))) {
            return "";
        }
        if (cause instanceof UnknownHostException) {
            return " Unknown host '" + cause.getMessage() + "'.";
        }
        return message.contains(String.valueOf(cause.getMessage())) ? "" : " " + sentence(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    /** @param code the vendor's error code: MariaDB's 1049 (unknown database), SQLite's 8 (read-only) */
    private static String hint(String url, String state, int code, String message, UnaryOperator<String> suggestion) {
        boolean mysql = MysqlLogin.handles(url);
        if (state.startsWith("08") && !message.contains("Check")) {
            return " Is the server running, and are the host and port right?";
        }
        if (state.startsWith("28")) {
            return mysql ? " Check the user and password: user= in the URL or ~/.my.cnf's [client] section; the password there,"
                    + " in MYSQL_PWD or by --password-env VAR."
                    : " Check the user and password: PGUSER and PGPASSWORD, ~/.pgpass, or --password-env VAR.";
        }
        if (state.equals("3D000") || mysql && code == 1049) {
            return " Check the database name at the end of the URL.";
        }
        if (state.equals("25006") || url.startsWith("jdbc:sqlite:") && code == 8) {
            return " %ingest only reads; change data with another tool.";
        }
        for (Pattern pattern : MISSING_TABLE) {
            Matcher missing = pattern.matcher(message);
            if (missing.find()) {
                return suggestion.apply(missing.group(1));
            }
        }
        return "";
    }

    private static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("?") || t.endsWith("!") ? t : t + ".";
    }
}
