package sluice.ingest;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import sluice.magic.Magics;
import sluice.session.Session;

/**
 * The first {@code %ingest} of a JVM loads the readers' classes (parquet-java's are about 1,000, and its
 * footer class sets up a JSON library) and renders a first report: 0.2–0.5 s that later reads do not pay.
 * {@link #run} reads a small CSV file and a small Parquet file once into a session of its own, so that a
 * kernel can do that while its user types the first cell.
 */
public final class ReaderWarmUp {
    /** Put in the jar from notebooks/data by magics/pom.xml (`sluice.jar warmup` reads it too). */
    private static final String PARQUET = "/sluice/warmup/penguins.parquet";
    private static final AtomicBoolean DONE = new AtomicBoolean();

    private ReaderWarmUp() {
    }

    /**
     * Reads the two files once per JVM and returns the names of those read (none on a later call). A failure
     * is ignored, since the user's own first read does the same work and reports its own errors.
     */
    public static List<String> run() {
        return run(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** As {@link #run()}, the files written to a new folder in {@code tmp} (removed after, and at exit if killed midway). */
    static List<String> run(Path tmp) {
        List<String> read = new ArrayList<>();
        if (!DONE.compareAndSet(false, true)) {
            return read;
        }
        sweep(tmp);
        Path dir = null;
        List<Path> files = new ArrayList<>();
        try {
            dir = Files.createTempDirectory(tmp, "sluice-warm-up");
            dir.toFile().deleteOnExit();
            files.add(Files.writeString(dir.resolve("warm-up.csv"), "name,score,day\nann,1.5,2024-01-02\nbob,2,2024-01-03\n"));
            try (InputStream in = ReaderWarmUp.class.getResourceAsStream(PARQUET)) {
                if (in != null) {
                    Path parquet = dir.resolve("warm-up.parquet");
                    Files.copy(in, parquet);
                    files.add(parquet);
                }
            }
            files.forEach(file -> file.toFile().deleteOnExit());
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            Session scratch = new Session();
            Magics magics = new Magics().add("ingest", Magics.Kind.LINE, () -> new IngestMagic(scratch, quiet));
            for (Path file : files) {
                ((IngestReport) magics.run(Magics.Kind.LINE, "ingest '" + file + "'", null)).bundle();
                read.add(file.getFileName().toString());
            }
        } catch (Exception | LinkageError e) {
            // Nothing to tell: the user's first %ingest loads the same classes and reports its own errors.
        } finally {
            files.forEach(file -> file.toFile().delete());
            if (dir != null) {
                dir.toFile().delete();
            }
        }
        return read;
    }

    /**
     * Removes the warm-up folders (this one's and {@code %maven}'s, {@code sluice-warm-up*}) that a kernel
     * killed mid-warm-up left in {@code tmp}: those untouched for ten minutes, where a warm-up takes a second.
     */
    static void sweep(Path tmp) {
        long stale = System.currentTimeMillis() - java.util.concurrent.TimeUnit.MINUTES.toMillis(10);
        try (java.util.stream.Stream<Path> entries = Files.list(tmp)) {
            for (Path dir : entries.filter(p -> p.getFileName().toString().startsWith("sluice-warm-up")).toList()) {
                if (Files.isDirectory(dir) && Files.getLastModifiedTime(dir).toMillis() < stale) {
                    try (java.util.stream.Stream<Path> inside = Files.walk(dir)) {
                        inside.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // Left for the next kernel to sweep.
        }
    }
}
