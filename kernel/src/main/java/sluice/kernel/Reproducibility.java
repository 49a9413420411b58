package sluice.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import sluice.session.Session;
import sluice.session.Versions;

/**
 * What an executed notebook records to be re-run and trusted: the Sluice, JDK and library versions it
 * ran on, and the session's ingested sources (fingerprinted) and seeds. Library versions are those the
 * build stamped into the jar (see {@link Versions}).
 */
final class Reproducibility {
    private Reproducibility() {
    }

    /** Sluice, JDK, OS and library versions. */
    static Map<String, Object> environment() {
        Map<String, String> versions = Versions.current();
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("sluice", versions.get("sluice"));
        Map<String, String> java = new LinkedHashMap<>();
        java.put("version", versions.get("java"));
        java.put("vendor", System.getProperty("java.vendor", "unknown"));
        java.put("vm", System.getProperty("java.vm.name", "unknown"));
        env.put("java", java);
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        Map<String, String> libraries = new LinkedHashMap<>(versions);
        libraries.remove("sluice");
        libraries.remove("java");
        env.put("libraries", libraries);
        return env;
    }

    /** The environment plus what {@code session} ingested and the seeds it drew with. */
    static Map<String, Object> of(Session session) {
        Map<String, Object> record = environment();
        record.putAll(session.provenance().toMap());
        return record;
    }
}
