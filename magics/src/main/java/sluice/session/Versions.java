package sluice.session;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The versions of Sluice and of the libraries whose results a notebook depends on (Tablesaw,
 * Smile, Javalin), stamped by the build that made the jar, plus the running Java's.
 */
public final class Versions {
    private static final Map<String, String> LIBRARIES = read();

    private Versions() {
    }

    /** Sluice, Java, Tablesaw, Smile and Javalin versions, in that order. */
    public static Map<String, String> current() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("sluice", LIBRARIES.getOrDefault("sluice", "unknown"));
        versions.put("java", Runtime.version().toString());
        LIBRARIES.forEach((name, version) -> {
            if (!name.equals("sluice")) {
                versions.put(name, version);
            }
        });
        return versions;
    }

    private static Map<String, String> read() {
        Map<String, String> versions = new LinkedHashMap<>();
        try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            for (String name : new String[] {"sluice", "tablesaw", "smile", "javalin"}) {
                versions.put(name, properties.getProperty(name, "unknown"));
            }
        } catch (IOException e) {
            versions.put("sluice", "unknown");
        }
        return versions;
    }
}
