package sluice.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Sluice's own version, as the build stamped it. */
final class Version {
    static final String SLUICE = read("version");
    /** The plotly.js the jar carries, for charts that work offline. */
    static final String PLOTLY = read("plotly");

    private Version() {
    }

    private static String read(String key) {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties props = new Properties();
            if (in != null) {
                props.load(in);
            }
            return props.getProperty(key, "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
