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

    static DisplayData render(Object value, Renderer fallback) {
        if (value instanceof DisplayData data) {
            return data;
        }
        Bundle bundle = value instanceof Bundle b ? b
                : value instanceof Renderable r ? r.bundle()
                : value instanceof Table t ? TableView.bundle(t)
                : value instanceof Chart c ? ChartView.bundle(c)
                : value instanceof Figure f ? FigureView.bundle(f)
                : null;
        if (bundle == null) {
            return fallback.render(value);
        }
        DisplayData data = new DisplayData();
        bundle.data().forEach(data::putData);
        bundle.metadata().forEach(data::putMetaData);
        return data;
    }
}
