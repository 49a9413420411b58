package sluice.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.LongAdder;
import sluice.model.Model;

/**
 * One model as an endpoint served it: its version, the first 12 hex digits of the SHA-256 of its
 * model file (the bytes {@code %deploy save} writes, so a file served elsewhere and the notebook's
 * model it came from have the same version), the time it began serving and the predictions it
 * answered. Each {@code %deploy} and swap starts a new one.
 */
record Version(String id, Instant since, LongAdder answered) {

    /** The version of {@code model} beginning to serve now. */
    static Version of(Model model) {
        MessageDigest sha = sha256();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
            model.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return begun(sha);
    }

    /** The version of the model read from {@code file}, beginning to serve now. */
    static Version of(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }
        return begun(sha);
    }

    private static Version begun(MessageDigest sha) {
        return new Version(HexFormat.of().formatHex(sha.digest(), 0, 6), Instant.now(), new LongAdder());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
