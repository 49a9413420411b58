package sluice.render;

import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;

/**
 * A Tablesaw plotly {@link Figure} that a Java cell returns, drawn with the same offline plotly.js as
 * {@code %eda}'s charts. Unlike a {@link Chart}, an arbitrary figure has no static image: where
 * JavaScript does not run, a line says so.
 */
public final class FigureView {
    private FigureView() {
    }

    public static Bundle bundle(Figure figure) {
        // Tablesaw declares `var target_<id>` and more from the id, so it must be a JavaScript name: no hyphens.
        String id = ChartHtml.id("sluice_figure", figure.asJavascript("sluice_figure")).replace('-', '_');
        // Tablesaw writes the figure as a <script> that calls the global Plotly on a div named id.
        String figureJs = figure.asJavascript(id).replaceAll("(?is)</?script[^>]*>", "");
        String draw = "    window.Plotly = window.Plotly || Plotly;\n" + figureJs
                + "\n    var note = box.querySelector('.sluice-static'); if (note) note.style.display = 'none';";
        String html = "<div class=\"sluice-figure\" id=\"" + id + "-box\"><div id=\"" + id + "\"></div>"
                + "<p class=\"sluice-static\"><i>An interactive plotly figure: it draws where the notebook runs with JavaScript.</i></p>"
                + ChartHtml.script(id + "-box", draw) + "</div>";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text/plain", "Plotly figure (" + figure.getTraces().length + " traces)");
        data.put("text/html", html);
        return new Bundle(data);
    }
}
