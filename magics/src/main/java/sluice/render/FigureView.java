package sluice.render;

import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;

/**
 * A Tablesaw plotly {@link Figure} that a Java cell returns, drawn with the same offline plotly.js as
 * {@code %eda}'s charts, and beside it, for where JavaScript does not run (GitHub, nbconvert, an untrusted
 * notebook), a static image drawn as {@code %eda}'s are ({@link TablesawChart}); a figure of a kind that
 * has none (a pie) says so in one line there instead.
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
        Chart chart = TablesawChart.of(figure);
        String png = chart == null ? null : ChartImage.base64Png(chart);
        String plain = "Plotly figure (" + figure.getTraces().length + " traces)";
        String fallback = png != null
                ? "<img class=\"sluice-static\" src=\"data:image/png;base64," + png + "\" alt=\"" + plain + "\" width=\""
                        + ChartImage.WIDTH + "\" height=\"" + ChartImage.HEIGHT + "\" style=\"max-width:100%;height:auto\">"
                : "<p class=\"sluice-static\"><i>An interactive plotly " + TablesawChart.type(figure) + " figure: it draws where"
                        + " the notebook runs with JavaScript, and has no static image.</i></p>";
        String html = "<div class=\"sluice-figure\" id=\"" + id + "-box\"><div id=\"" + id + "\"></div>" + fallback
                + ChartHtml.script(id + "-box", draw) + "</div>";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text/plain", plain);
        data.put("text/html", html);
        if (png != null) {
            data.put("image/png", png);
        }
        return new Bundle(data);
    }
}
