package sluice.ingest;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;
import sluice.magic.DidYouMean;
import sluice.magic.UsageError;

/** Turns a SOURCE argument into the files it names: one file, every file of a folder, or a glob's matches. */
final class Locations {
    private Locations() {
    }

    static boolean isGlob(String source) {
        return source.contains("*") || source.contains("?") || source.contains("[");
    }

    static List<Path> files(String source) throws IOException {
        if (isGlob(source)) {
            return glob(source);
        }
        Path path = Path.of(source);
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
            throw new UsageError("No file '" + source + "'." + suggestion(path));
        }
        return List.of(path);
    }

    private static List<Path> glob(String source) throws IOException {
        int firstWild = indexOfWildcard(source);
        int slash = source.lastIndexOf('/', firstWild);
        Path base = slash < 0 ? Path.of(".") : Path.of(source.substring(0, slash + 1));
        String pattern = slash < 0 ? source : source.substring(slash + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        if (!Files.isDirectory(base)) {
            throw new UsageError("No folder '" + base + "' for the pattern '" + source + "'.");
        }
        try (Stream<Path> walk = Files.walk(base)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(base.relativize(p)))
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

    /** " Did you mean 'data/penguins.csv'?" for a near miss in the same folder, else "". */
    private static String suggestion(Path missing) {
        Path parent = missing.getParent() == null ? Path.of(".") : missing.getParent();
        if (!Files.isDirectory(parent)) {
            return "";
        }
        try (Stream<Path> siblings = Files.list(parent)) {
            List<String> names = siblings.map(p -> p.getFileName().toString()).toList();
            return DidYouMean.closest(missing.getFileName().toString(), names)
                    .map(name -> " Did you mean '" + (missing.getParent() == null ? name : missing.getParent().resolve(name)) + "'?")
                    .orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
