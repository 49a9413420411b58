package sluice.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a cell shows for a value: one representation per MIME type, e.g. text/html and text/plain. */
public record Bundle(Map<String, Object> data) {
    public Bundle {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static Bundle of(String html, String plain) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text/plain", plain);
        data.put("text/html", html);
        return new Bundle(data);
    }
}
