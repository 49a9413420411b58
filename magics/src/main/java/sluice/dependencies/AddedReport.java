package sluice.dependencies;

import java.util.List;
import java.util.Map;
import sluice.render.Bundle;
import sluice.render.Renderable;

/**
 * What {@code %maven} and {@code %classpath} show: what was added, as text; the output's metadata
 * carries each jar's coordinate, path and SHA-256 ({@code sluice.classpath}), which Jupyter keeps in
 * the .ipynb where the kernel cannot write the notebook's own metadata.
 */
record AddedReport(String text, List<Map<String, Object>> added) implements Renderable {
    @Override
    public Bundle bundle() {
        return Bundle.plain(text).withMetadata("sluice", Map.of("classpath", added));
    }

    @Override
    public String toString() {
        return text;
    }
}
