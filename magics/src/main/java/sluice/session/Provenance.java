package sluice.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a session's results depend on besides its code: a fingerprint of every source it ingested and
 * every seed a magic drew with, in order, so a notebook can record what makes it reproducible.
 */
public final class Provenance {
    /**
     * One ingested source, as shown (passwords masked).
     *
     * @param kind    {@code file}, {@code files} (a folder or glob), {@code url} or {@code query}
     * @param sha256  of the bytes read for files; of the URL for {@code url}; of the SQL (or table name) for {@code query}
     * @param bytes   how many bytes the files held, or null when nothing was read from disk
     * @param name    the name it was kept under ({@code --as}), or null
     */
    public record Source(String kind, String source, String sha256, Long bytes, int rows, int columns, String name) {
        /** JSON-ready fields, without the empty ones. */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("kind", kind);
            map.put("source", source);
            map.put("sha256", sha256);
            if (bytes != null) {
                map.put("bytes", bytes);
            }
            map.put("rows", rows);
            map.put("columns", columns);
            if (name != null) {
                map.put("name", name);
            }
            return map;
        }
    }

    private final List<Source> sources = new ArrayList<>();
    private final Map<String, Long> seeds = new LinkedHashMap<>();
    private final List<Map<String, Object>> classpath = new ArrayList<>();

    /** Records a source that was read; the same source read again is recorded again, as it may have changed. */
    public synchronized void ingested(Source source) {
        sources.add(source);
    }

    /** Records the seed that {@code what} (e.g. {@code "train split"}) drew its random numbers from; the last one wins. */
    public synchronized void seed(String what, long seed) {
        seeds.put(what, seed);
    }

    /**
     * Records a jar or folder added to the class path: its Maven coordinate (null when added by path),
     * file and, for a jar, SHA-256, so that a re-run can check it gets the same library. Returns the record.
     */
    public Map<String, Object> added(String coordinate, java.nio.file.Path path) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (coordinate != null) {
            entry.put("coordinate", coordinate);
        }
        entry.put("path", path.toString());
        if (java.nio.file.Files.isRegularFile(path)) {
            entry.put("sha256", sha256(path));
        }
        synchronized (this) {
            classpath.add(entry);
        }
        return entry;
    }

    public synchronized List<Source> sources() {
        return List.copyOf(sources);
    }

    public synchronized Map<String, Long> seeds() {
        return Map.copyOf(seeds);
    }

    /** {@code {"sources": [...], "seeds": {...}}}, ready to write as JSON. */
    public synchronized Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("sources", sources.stream().map(Source::toMap).toList());
        map.put("seeds", new LinkedHashMap<>(seeds));
        if (!classpath.isEmpty()) {
            map.put("classpath", List.copyOf(classpath));
        }
        return map;
    }

    private static String sha256(java.nio.file.Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
