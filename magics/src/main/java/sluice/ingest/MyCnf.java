package sluice.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code [client]} and {@code [client-mariadb]} sections of an option file such as {@code ~/.my.cnf},
 * read as the MariaDB and MySQL command-line clients read them.
 */
final class MyCnf {
    private static final Set<String> GROUPS = Set.of("client", "client-mariadb");

    private MyCnf() {
    }

    /**
     * The options of the client sections, names with {@code -} written {@code _}; empty when the file
     * is missing, unreadable or world-writable (which the clients ignore too, as anyone could have put
     * a password or user there).
     */
    static Map<String, String> client(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            if (Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_WRITE)) {
                return Map.of();
            }
            return parse(Files.readString(file));
        } catch (IOException | UnsupportedOperationException e) {
            return Map.of();
        }
    }

    static Map<String, String> parse(String text) {
        Map<String, String> options = new HashMap<>();
        boolean inClient = false;
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";") || line.startsWith("!")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                inClient = GROUPS.contains(line.substring(1, line.length() - 1).strip().toLowerCase());
                continue;
            }
            int eq = line.indexOf('=');
            if (inClient && eq > 0) {
                String name = line.substring(0, eq).strip().toLowerCase().replace('-', '_');
                options.put(name, value(line.substring(eq + 1).strip()));
            }
        }
        return options;
    }

    /** A value as the clients read it: quoted with its escapes undone, or bare up to a {@code #} comment. */
    private static String value(String text) {
        if (!text.isEmpty() && (text.charAt(0) == '"' || text.charAt(0) == '\'')) {
            char quote = text.charAt(0);
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == quote) {
                    return out.toString();
                }
                if (c == '\\' && i + 1 < text.length()) {
                    char next = text.charAt(++i);
                    out.append(switch (next) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        case 'b' -> '\b';
                        case 's' -> ' ';
                        default -> next;
                    });
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
        int comment = text.indexOf('#');
        return (comment < 0 ? text : text.substring(0, comment)).strip();
    }
}
