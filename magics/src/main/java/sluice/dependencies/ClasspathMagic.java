package sluice.dependencies;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import sluice.magic.Magic;
import sluice.magic.UsageError;
import sluice.session.Session;

/** {@code %classpath PATH|GLOB…}: adds jars or class folders to Java cells and magics. */
@Command(name = "classpath", description = {"Add jars or class folders to the class path of Java cells and magics.",
        "A glob in the file name picks the jars of a folder: %classpath lib/*.jar. Without arguments, lists what was added."})
public final class ClasspathMagic implements Magic {
    @Parameters(arity = "0..*", paramLabel = "PATH", description = "a jar, a folder of classes, or a glob such as lib/*.jar")
    List<String> paths = List.of();

    private final Session session;
    private final Classpath classpath;

    public ClasspathMagic(Session session, Classpath classpath) {
        this.session = session;
        this.classpath = classpath;
    }

    @Override
    public Object run(String body) throws IOException {
        if (paths.isEmpty()) {
            List<Classpath.Added> added = classpath.added();
            return added.isEmpty() ? "Nothing added yet: %maven group:artifact:version or %classpath PATH."
                    : String.join("\n", added.stream().map(a -> a.path() + (a.coordinate() == null ? "" : "  (" + a.coordinate() + ")")).toList());
        }
        long start = System.nanoTime();
        Map<Path, String> entries = new LinkedHashMap<>();
        for (String path : paths) {
            for (Path file : expand(path)) {
                entries.put(file, null);
            }
        }
        List<Classpath.Added> added = classpath.add(entries);
        List<java.util.Map<String, Object>> recorded = added.stream()
                .map(entry -> session.provenance().added(null, entry.path())).toList();
        return new AddedReport(Classpath.summary(added, System.nanoTime() - start), recorded);
    }

    /** The path itself, or the files of its folder that its last part (a glob) matches, in name order. */
    private static List<Path> expand(String text) throws IOException {
        Path path = Path.of(text);
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (!name.contains("*") && !name.contains("?") && !name.contains("[")) {
            return List.of(path);
        }
        Path folder = path.getParent() == null ? Path.of(".") : path.getParent();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
        if (!Files.isDirectory(folder)) {
            throw new UsageError("No folder '" + folder + "' for " + text + ".");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> matched = files.filter(f -> matcher.matches(f.getFileName())).sorted().toList();
            if (matched.isEmpty()) {
                throw new UsageError("No file matches " + text + ".");
            }
            return matched;
        }
    }
}
