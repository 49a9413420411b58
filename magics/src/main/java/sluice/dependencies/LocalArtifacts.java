package sluice.dependencies;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The coordinates a local Maven repository holds, for completion after {@code %maven }: each folder
 * {@code group/…/artifact/version} with {@code artifact-version.pom} in it. Read again at most once a
 * minute.
 */
final class LocalArtifacts {
    private static final long FRESH_NANOS = 60_000_000_000L;

    private final Path repository;
    private List<String> coordinates;
    private long readAt;

    LocalArtifacts(Path repository) {
        this.repository = repository;
    }

    /** The coordinates that start with {@code prefix}, sorted. */
    synchronized List<String> starting(String prefix) {
        if (coordinates == null || System.nanoTime() - readAt > FRESH_NANOS) {
            coordinates = read();
            readAt = System.nanoTime();
        }
        return coordinates.stream().filter(c -> c.startsWith(prefix)).toList();
    }

    private List<String> read() {
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(repository)) {
            return found;
        }
        try {
            Files.walkFileTree(repository, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    Path relative = repository.relativize(dir);
                    int depth = relative.getNameCount();
                    if (depth >= 3) {
                        String version = relative.getFileName().toString();
                        String artifact = relative.getName(depth - 2).toString();
                        if (Files.isRegularFile(dir.resolve(artifact + "-" + version + ".pom"))) {
                            String group = relative.subpath(0, depth - 2).toString().replace(dir.getFileSystem().getSeparator(), ".");
                            found.add(group + ":" + artifact + ":" + version);
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Completion offers what was found before the error.
        }
        found.sort(null);
        return found;
    }
}
