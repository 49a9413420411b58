package sluice.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import sluice.session.Provenance;
import tech.tablesaw.api.Table;

/**
 * The fingerprint {@code %ingest} records for what it read: a SHA-256 of the files' bytes (in the order
 * read), or of the URL or SQL when the bytes are not kept, with the size and the table's shape. The files
 * are hashed on a thread of their own while the reader reads them ({@link #start}), so that the hash costs
 * the cell no time of its own where a core is free (a cold read loads classes on one core for a while).
 */
final class Fingerprints {
    private Fingerprints() {
    }

    /** The hash of a source's bytes (or text) and how many bytes were hashed, null for a text. */
    private record Digest(String sha256, Long bytes) {
    }

    /** A fingerprint being taken; {@link #close} stops hashing when the read failed or was interrupted. */
    static final class Pending implements AutoCloseable {
        private final String kind;
        private final String shown;
        private final CompletableFuture<Digest> digest;
        private volatile boolean stopped;

        private Pending(IngestOptions options) throws IOException {
            String source = options.source();
            shown = Sources.describe(options);
            if (source.startsWith("jdbc:")) {
                kind = "query";
                String asked = options.query() != null ? options.query() : "table " + options.table();
                digest = CompletableFuture.completedFuture(new Digest(sha256(Secrets.mask(source) + "\n" + asked), null));
            } else if (source.matches("(?i)https?://.*")) {
                kind = "url";
                digest = CompletableFuture.completedFuture(new Digest(sha256(Secrets.mask(source)), null));
            } else {
                List<Path> files = Locations.files(source);
                kind = files.size() == 1 ? "file" : "files";
                digest = CompletableFuture.supplyAsync(() -> hash(files), task -> {
                    Thread thread = new Thread(task, "sluice-fingerprint");
                    thread.setDaemon(true);
                    thread.start();
                });
            }
        }

        /** Waits for the hash and returns the fingerprint of {@code table}, read from this source as {@code name}. */
        Provenance.Source of(Table table, String name) throws IOException {
            Digest done;
            try {
                done = digest.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                throw e;
            }
            return new Provenance.Source(kind, shown, done.sha256(), done.bytes(), table.rowCount(), table.columnCount(), name);
        }

        @Override
        public void close() {
            stopped = true;
        }

        private Digest hash(List<Path> files) {
            MessageDigest digest = digest();
            long bytes = 0;
            byte[] buffer = new byte[1 << 16];
            try {
                for (Path file : files) {
                    try (InputStream in = Files.newInputStream(file)) {
                        for (int n; (n = in.read(buffer)) > 0; bytes += n) {
                            if (stopped) {
                                throw new InterruptedIOException("the read stopped");
                            }
                            digest.update(buffer, 0, n);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Digest(HexFormat.of().formatHex(digest.digest()), bytes);
        }
    }

    /** Starts taking the fingerprint of {@code options}' source; files are hashed beside the read. */
    static Pending start(IngestOptions options) throws IOException {
        return new Pending(options);
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }
}
