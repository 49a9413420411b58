package sluice.dependencies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The first {@code %maven} of a JVM sets up Maven's resolver and loads its classes: about 0.6 s that
 * later calls do not pay (0.05 s). {@link #run} resolves a one-file artifact from a repository of its
 * own, offline, so that a kernel can do that while its user types.
 */
public final class ResolverWarmUp {
    private static final AtomicBoolean DONE = new AtomicBoolean();

    private ResolverWarmUp() {
    }

    /** Resolves once per JVM; returns whether it did. A failure is ignored: the user's own %maven reports its errors. */
    public static boolean run() {
        return run(Path.of(System.getProperty("java.io.tmpdir")));
    }

    static boolean run(Path tmp) {
        if (!DONE.compareAndSet(false, true)) {
            return false;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory(tmp, "sluice-warm-up-maven");
            Path artifact = Files.createDirectories(dir.resolve("dev/sluice/warm-up/1"));
            Files.writeString(artifact.resolve("warm-up-1.pom"), "<project><modelVersion>4.0.0</modelVersion>"
                    + "<groupId>dev.sluice</groupId><artifactId>warm-up</artifactId><version>1</version></project>");
            new JarOutputStream(Files.newOutputStream(artifact.resolve("warm-up-1.jar"))).close();
            Files.writeString(dir.resolve("settings.xml"), "<settings><localRepository>" + dir
                    + "</localRepository><offline>true</offline></settings>");
            new Resolver(dir, dir.resolve("settings.xml"), Map.of()).resolve(List.of("dev.sluice:warm-up:1"), true);
            return true;
        } catch (Exception | LinkageError e) {
            return false;
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is all that happens.
        }
    }
}
