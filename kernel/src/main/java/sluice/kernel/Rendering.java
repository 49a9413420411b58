package sluice.kernel;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import sluice.render.Bundle;
import sluice.render.Chart;
import sluice.render.ChartView;
import sluice.render.FigureView;
import sluice.render.Renderable;
import sluice.render.TableView;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/** How a value shows in a cell: the magics' bundles and tables first, else the base kernel's renderer. */
final class Rendering {
    private Rendering() {
    }

    /**
     * {@code value} as the MIME types asked for, as IJava's {@code render(Object, String...)}: text is
     * taken to be content of those types ({@code render("<b>hi</b>", "text/html")}); any other value
     * keeps the types of its own rendering that were asked for, or the base kernel renders it so.
     */
    static DisplayData render(Object value, Renderer fallback, String... mimeTypes) {
        if (mimeTypes.length == 0) {
            return render(value, fallback);
        }
        DisplayData data = new DisplayData();
        if (value instanceof CharSequence text) {
            for (String type : mimeTypes) {
                data.putData(type, text.toString());
            }
            return data;
        }
        Bundle bundle = bundle(value);
        if (bundle != null) {
            java.util.List<String> asked = java.util.List.of(mimeTypes);
            bundle.data().forEach((type, content) -> {
                if (asked.contains(type)) {
                    data.putData(type, content);
                }
            });
            bundle.metadata().forEach(data::putMetaData);
            if (bundle.data().keySet().stream().noneMatch(asked::contains)) {
                throw cannotShow(value, mimeTypes, bundle.data().keySet());
            }
            return data;
        }
        DisplayData other = fallback.renderAs(value, mimeTypes);
        if (other == null || java.util.Arrays.stream(mimeTypes).noneMatch(type -> has(other, type))) {
            throw cannotShow(value, mimeTypes, java.util.Set.of("text/plain"));
        }
        return other;
    }

    private static boolean has(DisplayData data, String type) {
        try {
            return data.hasDataForType(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.parse(type));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static sluice.magic.UsageError cannotShow(Object value, String[] asked, java.util.Set<String> shown) {
        return new sluice.magic.UsageError("A " + value.getClass().getSimpleName() + " cannot be shown as "
                + String.join(", ", asked) + "; it shows as " + String.join(", ", shown) + ".");
    }

    static DisplayData render(Object value, Renderer fallback) {
        if (value instanceof DisplayData data) {
            return data;
        }
        Bundle bundle = bundle(value);
        if (bundle == null) {
            return fallback.render(value);
        }
        DisplayData data = new DisplayData();
        bundle.data().forEach(data::putData);
        bundle.metadata().forEach(data::putMetaData);
        return data;
    }

    /** The bundle Sluice draws for {@code value}, or null when the base kernel renders it. */
    private static Bundle bundle(Object value) {
        return value instanceof Bundle b ? b
                : value instanceof Renderable r ? r.bundle()
                : value instanceof Table t ? TableView.bundle(t)
                : value instanceof Chart c ? ChartView.bundle(c)
                : value instanceof Figure f ? FigureView.bundle(f)
                : null;
    }
}
