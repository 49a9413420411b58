package sluice.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a cell shows for a value: one representation per MIME type, e.g. text/html and text/plain, and
 * metadata that Jupyter keeps with the output in the .ipynb without showing it.
 */
public record Bundle(Map<String, Object> data, Map<String, Object> metadata) {
    public Bundle {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    public Bundle(Map<String, Object> data) {
        this(data, Map.of());
    }

    public static Bundle of(String html, String plain) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text/plain", plain);
        data.put("text/html", html);
        return new Bundle(data);
    }

    /** This bundle with one more representation, e.g. an image/png beside the HTML. */
    public Bundle with(String mimeType, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(data);
        more.put(mimeType, value);
        return new Bundle(more, metadata);
    }

    /** Text only, for a report with nothing to lay out. */
    public static Bundle plain(String text) {
        return new Bundle(Map.of("text/plain", text));
    }

    /** This bundle with one more metadata entry. */
    public Bundle withMetadata(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(metadata);
        more.put(key, value);
        return new Bundle(data, more);
    }
}
