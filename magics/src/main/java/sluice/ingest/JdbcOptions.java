package sluice.ingest;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import sluice.magic.UsageError;

/**
 * {@code %ingest}'s options for a {@code jdbc:} source: what to read ({@code --query} or {@code --table}) and
 * where the password comes from ({@code --password-env} or {@code --password-prompt}), one of each at most.
 */
final class JdbcOptions {
    @ArgGroup
    Read read;

    @ArgGroup
    Password password;

    /** The query or the table, not both. */
    static final class Read {
        @Option(names = "--query", paramLabel = "SQL", description = "For a jdbc: SOURCE, the query to run.")
        String query;

        @Option(names = "--table", paramLabel = "TABLE", description = "For a jdbc: SOURCE, the table to read.")
        String table;
    }

    /** A variable or a prompt, not both. */
    static final class Password {
        @Option(names = "--password-env", paramLabel = "VAR", description = "For a jdbc: SOURCE, the environment variable holding the password.")
        String env;

        @Option(names = "--password-prompt", description = "For a jdbc: SOURCE, ask for the password (typed hidden; it never enters the notebook).")
        boolean prompt;
    }

    String query() {
        return read == null ? null : read.query;
    }

    String table() {
        return read == null ? null : read.table;
    }

    String passwordEnv() {
        return password == null ? null : password.env;
    }

    boolean passwordPrompt() {
        return password != null && password.prompt;
    }

    /** Refuses these options for a source that is not {@code jdbc:}, and a {@code jdbc:} source without what to read. */
    void check(String source) {
        boolean jdbc = source.startsWith("jdbc:");
        if (!jdbc && (read != null || password != null)) {
            throw new UsageError("--query, --table, --password-env and --password-prompt are for jdbc: sources, not '" + source + "'.");
        }
        if (jdbc && read == null) {
            throw new UsageError("A jdbc: source needs --query \"SQL\" or --table NAME (one of them).");
        }
    }
}
