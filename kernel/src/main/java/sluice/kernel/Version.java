package sluice.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Sluice's own version, as the build stamped it. */
final class Version {
    static final String SLUICE = read();

    private Version() {
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties props = new Properties();
            if (in != null) {
                props.load(in);
            }
            return props.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
