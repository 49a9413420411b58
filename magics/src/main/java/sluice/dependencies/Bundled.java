package sluice.dependencies;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The Maven artifacts Sluice runs with, group:artifact → version, read once from the {@code
 * META-INF/maven/…/pom.properties} of the jars on the class path (the kernel jar holds those of
 * every library it bundles).
 */
final class Bundled {
    private static volatile Map<String, String> versions;

    private Bundled() {
    }

    static Map<String, String> versions() {
        Map<String, String> known = versions;
        if (known == null) {
            known = read();
            versions = known;
        }
        return known;
    }

    /**
     * Whether the classes of {@code jar} are on Sluice's class path already, for a bundled library that
     * has no {@code pom.properties}: any of its first few classes found there says so.
     */
    static boolean holds(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName)
                    .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/") && !name.contains("module-info"))
                    .limit(5).anyMatch(name -> Bundled.class.getClassLoader().getResource(name) != null);
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, String> read() {
        Map<String, String> found = new HashMap<>();
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!entry.endsWith(".jar") || !Files.isRegularFile(path)) {
                continue;
            }
            try (JarFile jar = new JarFile(path.toFile())) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    JarEntry file = entries.nextElement();
                    if (file.getName().startsWith("META-INF/maven/") && file.getName().endsWith("/pom.properties")) {
                        Properties properties = new Properties();
                        try (InputStream in = jar.getInputStream(file)) {
                            properties.load(in);
                        }
                        found.put(properties.getProperty("groupId") + ":" + properties.getProperty("artifactId"),
                                properties.getProperty("version"));
                    }
                }
            } catch (IOException e) {
                // A class path entry that is not a readable jar bundles nothing.
            }
        }
        return Map.copyOf(found);
    }
}
