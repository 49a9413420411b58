package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import sluice.magic.Magics;
import sluice.magic.UsageError;
import sluice.session.Session;
import tech.tablesaw.api.Table;

/** Runs {@code %ingest} lines on a fresh session and writes the small files the tests read. */
final class IngestFixture {
    final Session session = new Session();
    final Path dir;
    private final Magics magics = new Magics();

    IngestFixture(Path dir) {
        this.dir = dir;
        magics.add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session));
    }

    /** Runs {@code %ingest <line>} and returns the session's table. */
    Table ingest(String line) {
        try {
            magics.run(Magics.Kind.LINE, "ingest " + line, null);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return session.table();
    }

    /** The one-line message of the usage error {@code %ingest <line>} must raise. */
    String error(String line) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> ingest(line)).isInstanceOf(UsageError.class).satisfies(e -> caught[0] = e);
        return caught[0].getMessage();
    }

    /** Writes {@code text} as UTF-8 to {@code name} under the fixture's folder and returns its quoted path. */
    String write(String name, String text) {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    String write(String name, byte[] bytes) {
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            if (name.endsWith(".gz")) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                    out.write(bytes);
                }
            } else {
                Files.write(file, bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return quoted(file);
    }

    static String quoted(Path file) {
        return "'" + file + "'";
    }

    /** The penguins file shipped with the tests. */
    static String penguins() {
        return quoted(Path.of("src/test/resources/ingest/penguins.csv").toAbsolutePath());
    }
}
