package sluice.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarFile;
import sluice.session.Session;

/**
 * What an executed notebook records to be re-run and trusted: the Sluice, JDK and library versions it
 * ran on, and the session's ingested sources (fingerprinted) and seeds. Library versions are read at
 * run time from the libraries' own Maven metadata or jar manifest, so they are what actually ran.
 */
final class Reproducibility {
    /** A library whose version matters to results, found by its Maven coordinates or one of its classes. */
    private record Library(String name, String group, String artifact, String someClass) {
    }

    private static final List<Library> LIBRARIES = List.of(
            new Library("tablesaw", "tech.tablesaw", "tablesaw-core", "tech.tablesaw.api.Table"),
            new Library("smile", "com.github.haifengl", "smile-core", "smile.classification.Classifier"));

    private Reproducibility() {
    }

    /** Sluice, JDK, OS and library versions. */
    static Map<String, Object> environment() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("sluice", Version.SLUICE);
        Map<String, String> java = new LinkedHashMap<>();
        java.put("version", Runtime.version().toString());
        java.put("vendor", System.getProperty("java.vendor", "unknown"));
        java.put("vm", System.getProperty("java.vm.name", "unknown"));
        env.put("java", java);
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        Map<String, String> libraries = new LinkedHashMap<>();
        for (Library library : LIBRARIES) {
            version(library).ifPresent(version -> libraries.put(library.name(), version));
        }
        env.put("libraries", libraries);
        return env;
    }

    /** The environment plus what {@code session} ingested and the seeds it drew with. */
    static Map<String, Object> of(Session session) {
        Map<String, Object> record = environment();
        record.putAll(session.provenance().toMap());
        return record;
    }

    /** The library's version, or empty when it is not on the classpath. */
    static Optional<String> version(Library library) {
        ClassLoader loader = Reproducibility.class.getClassLoader();
        String pom = "META-INF/maven/" + library.group() + "/" + library.artifact() + "/pom.properties";
        try (InputStream in = loader.getResourceAsStream(pom)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return Optional.ofNullable(properties.getProperty("version"));
            }
        } catch (IOException e) {
            // Unreadable metadata: try the manifest.
        }
        return manifestVersion(loader, library);
    }

    /** The Implementation-Version of the jar the library's class came from, for libraries not built by Maven. */
    private static Optional<String> manifestVersion(ClassLoader loader, Library library) {
        try {
            Class<?> type = Class.forName(library.someClass(), false, loader);
            var source = type.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location == null || !location.getPath().endsWith(".jar")) {
                return Optional.empty();
            }
            Path path = Path.of(location.toURI());
            try (JarFile jar = new JarFile(path.toFile())) {
                var attributes = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes();
                boolean its = attributes != null && library.artifact().equals(attributes.getValue("Implementation-Title"));
                return its ? Optional.ofNullable(attributes.getValue("Implementation-Version")) : Optional.empty();
            }
        } catch (ClassNotFoundException | LinkageError | IOException | java.net.URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }
}
