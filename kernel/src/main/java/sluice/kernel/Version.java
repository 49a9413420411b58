package sluice.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Sluice's own version and the plotly.js the jar carries, as the build stamped them. */
final class Version {
    static final String SLUICE = sluice.session.Versions.current().get("sluice");
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
