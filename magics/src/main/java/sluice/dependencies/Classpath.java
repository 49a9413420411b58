package sluice.dependencies;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import sluice.magic.UsageError;

/**
 * The jars and class folders a notebook added with {@code %maven} or {@code %classpath}: given to Java
 * cells (through the kernel's callback, which adds them to JShell) and to the magics, through a class
 * loader of their own. A JDBC driver among them is registered with {@link DriverManager}, so that
 * {@code %ingest jdbc:…} and Java cells find it by its URL.
 */
public final class Classpath {
    private final Loader loader = new Loader(Classpath.class.getClassLoader());
    private final Map<Path, Added> added = new LinkedHashMap<>();
    private final Consumer<Path> cells;
    /** The repositories added with {@code %mavenRepo}, id → URL. */
    private final Map<String, String> repositories = new LinkedHashMap<>();
    private LocalArtifacts local;

    /** What was added: the file, and the Maven coordinate it was resolved for (null for a path). */
    public record Added(Path path, String coordinate) {
    }

    /** @param cells adds a jar or folder to the class path of Java cells */
    public Classpath(Consumer<Path> cells) {
        this.cells = cells;
    }

    /**
     * Adds {@code entries} (path → Maven coordinate or null), all or none: each must be a readable
     * jar or a folder. Returns those that were new.
     */
    public synchronized List<Added> add(Map<Path, String> entries) {
        List<Added> fresh = new ArrayList<>();
        for (Map.Entry<Path, String> entry : entries.entrySet()) {
            Path path = entry.getKey().toAbsolutePath().normalize();
            check(path);
            if (!added.containsKey(path) && fresh.stream().noneMatch(a -> a.path().equals(path))) {
                fresh.add(new Added(path, entry.getValue()));
            }
        }
        for (Added entry : fresh) {
            loader.add(url(entry.path()));
            cells.accept(entry.path());
            added.put(entry.path(), entry);
        }
        registerDrivers();
        return fresh;
    }

    /** Everything added so far, in order. */
    public synchronized List<Added> added() {
        return List.copyOf(added.values());
    }

    /** The coordinates in the local repository that start with {@code prefix}, for completion after {@code %maven }. */
    public List<String> localCoordinates(String prefix) {
        LocalArtifacts artifacts;
        synchronized (this) {
            if (local == null) {
                local = new LocalArtifacts(resolver(null).localRepository());
            }
            artifacts = local;
        }
        return artifacts.starting(prefix);
    }

    /** A resolver for {@code %maven} with the settings {@code file} (null: {@code ~/.m2/settings.xml}). */
    synchronized Resolver resolver(Path file) {
        Path home = Path.of(System.getProperty("user.home"));
        return new Resolver(home, file != null ? file : home.resolve(".m2").resolve("settings.xml"), repositories);
    }

    /** Adds a repository for {@code %maven}, read after Central and the settings' own. */
    synchronized void addRepository(String id, String url) {
        repositories.put(id, url);
    }

    /** "Added 2 jars (1.8 MB) in 0.3 s: …", one line per jar after it. */
    static String summary(List<Added> added, long nanos) {
        if (added.isEmpty()) {
            return "Nothing new to add: every jar was on the class path already.";
        }
        long bytes = added.stream().mapToLong(a -> size(a.path())).sum();
        StringBuilder text = new StringBuilder(String.format(java.util.Locale.ROOT, "Added %d %s (%.1f MB) in %.1f s:",
                added.size(), added.size() == 1 ? "jar" : "jars", bytes / 1e6, nanos / 1e9));
        for (Added a : added) {
            text.append("\n  ").append(a.coordinate() != null ? a.coordinate() + "  " : "").append(a.path().getFileName());
        }
        return text.toString();
    }

    private static long size(Path path) {
        try {
            return Files.isRegularFile(path) ? Files.size(path) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The class loader that sees the added jars, for the magics. */
    public ClassLoader loader() {
        return loader;
    }

    private static void check(Path path) {
        if (Files.isDirectory(path)) {
            return;
        }
        if (!Files.isRegularFile(path)) {
            throw new UsageError("No jar or folder '" + path + "'.");
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            jar.size();
        } catch (IOException e) {
            throw new UsageError("'" + path + "' is not a jar (" + e.getMessage() + "); nothing was added.");
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Registers each JDBC driver of the added jars that {@link DriverManager} does not know yet. It
     * checks that a driver's class is visible from its caller, which the magics' and cells' are not,
     * so it gets a stand-in loaded beside Sluice that hands each call on.
     */
    private void registerDrivers() {
        for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
            if (driver.getClass().getClassLoader() != loader || registered(driver)) {
                continue;
            }
            try {
                DriverManager.registerDriver(new DriverShim(driver));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean registered(Driver driver) {
        return DriverManager.drivers().anyMatch(d -> d instanceof DriverShim shim
                && shim.driver().getClass().getName().equals(driver.getClass().getName()));
    }

    /** A class loader that can be given more jars. */
    private static final class Loader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        Loader(ClassLoader parent) {
            super("sluice-classpath", new URL[0], parent);
        }

        void add(URL url) {
            addURL(url);
        }
    }
}
