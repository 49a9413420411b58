package sluice.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import sluice.session.Provenance;
import tech.tablesaw.api.Table;

/**
 * The fingerprint {@code %ingest} records for what it read: a SHA-256 of the files' bytes (in the order
 * read), or of the URL or SQL when the bytes are not kept, with the size and the table's shape.
 */
final class Fingerprints {
    private Fingerprints() {
    }

    static Provenance.Source of(IngestOptions options, Table table, String name) throws IOException {
        String source = options.source();
        String shown = Sources.describe(options);
        int rows = table.rowCount();
        int columns = table.columnCount();
        if (source.startsWith("jdbc:")) {
            String asked = options.query() != null ? options.query() : "table " + options.table();
            return new Provenance.Source("query", shown, sha256(Secrets.mask(source) + "\n" + asked), null, rows, columns, name);
        }
        if (source.matches("(?i)https?://.*")) {
            return new Provenance.Source("url", shown, sha256(Secrets.mask(source)), null, rows, columns, name);
        }
        List<Path> files = Locations.files(source);
        MessageDigest digest = digest();
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        for (Path file : files) {
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    bytes += n;
                }
            }
        }
        return new Provenance.Source(files.size() == 1 ? "file" : "files", shown, HexFormat.of().formatHex(digest.digest()),
                bytes, rows, columns, name);
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
