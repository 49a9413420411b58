package sluice.train;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The versions of Sluice, Java and the libraries a model was made with, read from the jars themselves. */
final class Versions {
    private Versions() {
    }

    static Map<String, String> current() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("sluice", maven("dev.sluice", "sluice-magics"));
        versions.put("java", System.getProperty("java.version"));
        versions.put("smile", maven("com.github.haifengl", "smile-core"));
        versions.put("tablesaw", maven("tech.tablesaw", "tablesaw-core"));
        return versions;
    }

    private static String maven(String group, String artifact) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Versions.class.getResourceAsStream(path)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
