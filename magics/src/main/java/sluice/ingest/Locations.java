package sluice.ingest;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import sluice.magic.DidYouMean;
import sluice.magic.UsageError;

/**
 * Turns a SOURCE argument into the files it names: one file, every file of a folder (or of its key=value
 * folders, {@link HivePartitions}), or a glob's matches, sorted by name. Messages show paths the way the user typed them.
 */
final class Locations {
    private Locations() {
    }

    static boolean isGlob(String source) {
        return source.contains("*") || source.contains("?") || source.contains("[");
    }

    /** The files {@code source} names, relative paths taken from the working directory. */
    static List<Path> files(String source) throws IOException {
        return files(source, Path.of(""));
    }

    /** The files {@code source} names, relative paths taken from {@code base}. */
    static List<Path> files(String source, Path base) throws IOException {
        if (isGlob(source)) {
            return glob(source, base);
        }
        Optional<HivePartitions> partitions = HivePartitions.in(source, base);
        if (partitions.isPresent()) {
            return partitions.get().files();
        }
        Path path = base.resolve(source);
        if (Files.isDirectory(path)) {
            try (Stream<Path> children = Files.list(path)) {
                List<Path> files = children.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted().toList();
                if (files.isEmpty()) {
                    throw new UsageError("The folder '" + source + "' has no files to read.");
                }
                return files;
            }
        }
        if (!Files.exists(path)) {
            throw new UsageError("No file '" + source + "'." + suggestion(source, base));
        }
        return List.of(path);
    }

    private static List<Path> glob(String source, Path base) throws IOException {
        int firstWild = indexOfWildcard(source);
        int slash = source.lastIndexOf('/', firstWild);
        String folder = slash < 0 ? "." : source.substring(0, slash + 1);
        Path root = base.resolve(folder);
        String pattern = slash < 0 ? source : source.substring(slash + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        if (!Files.isDirectory(root)) {
            throw new UsageError("No folder '" + folder + "' for the pattern '" + source + "'.");
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(root.relativize(p)))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new UsageError("No file matches '" + source + "'.");
            }
            return files;
        }
    }

    private static int indexOfWildcard(String s) {
        int i = 0;
        while (i < s.length() && "*?[".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    /**
     * " Did you mean 'data/penguins.csv'?" for a near miss in the same folder, written with the
     * folder as typed; " There is no folder 'dta'." when the folder itself is missing; else "".
     */
    static String suggestion(String source, Path base) {
        int slash = source.lastIndexOf('/');
        String folder = slash < 0 ? "" : source.substring(0, slash + 1);
        String name = source.substring(slash + 1);
        Path parent = base.resolve(folder.isEmpty() ? "." : folder);
        if (!Files.isDirectory(parent)) {
            return " There is no folder '" + folder.substring(0, Math.max(0, folder.length() - 1)) + "'.";
        }
        try (Stream<Path> siblings = Files.list(parent)) {
            List<String> names = siblings.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
            return DidYouMean.closest(name, names)
                    .map(match -> " Did you mean '" + folder + match + "'?")
                    .orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
