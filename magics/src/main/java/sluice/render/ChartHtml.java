package sluice.render;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A chart's HTML: the PNG, which every reader shows, and a script that swaps in the interactive plotly
 * chart where JavaScript runs. plotly.js comes from the kernelspec folder, which the Jupyter server
 * serves at {@code <base_url>kernelspecs/sluice/}, so nothing is fetched from the internet; if it
 * cannot load (an nbconvert export, a viewer without a server) the image stays.
 */
final class ChartHtml {
    /** The kernelspec folder the Jupyter server serves plotly.js from; the kernel sets it from where its jar lies. */
    private static final String KERNELSPEC = System.getProperty("sluice.kernelspec", "sluice");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Finds the server's base URL (classic Notebook's body data, else JupyterLab's config), loads plotly
     * once and calls {@code draw(Plotly)}; tokens @ID@, @DRAW@ and @SPEC@ are filled in by {@link #script}.
     */
    private static final String LOADER = """
            (function () {
              var box = document.getElementById('@ID@');
              if (!box) return;
              function draw(Plotly) {
            @DRAW@
              }
              if (window.Plotly) { draw(window.Plotly); return; }
              var base = (document.body && document.body.dataset && document.body.dataset.baseUrl) || '';
              var config = document.getElementById('jupyter-config-data');
              if (!base && config) { try { base = JSON.parse(config.textContent).baseUrl || ''; } catch (e) {} }
              base = base || '/';
              if (base.charAt(base.length - 1) !== '/') base += '/';
              var url = base + 'kernelspecs/@SPEC@/plotly.min';
              if (typeof window.require === 'function' && window.require.config) {
                // Classic Notebook runs RequireJS; plotly.js 3 sets window.Plotly instead of defining an AMD module.
                window.require.config({paths: {plotly: url}});
                window.require(['plotly'], function (P) { draw(P || window.Plotly); }, function () {});
                return;
              }
              window.sluicePlotly = window.sluicePlotly || new Promise(function (resolve, reject) {
                var script = document.createElement('script');
                script.src = url + '.js';
                script.onload = function () { window.Plotly ? resolve(window.Plotly) : reject(); };
                script.onerror = reject;
                document.head.appendChild(script);
              });
              window.sluicePlotly.then(draw, function () {});
            })();
            """;

    /** Draws a Chart's figure into the box and hides its image once plotly has drawn. */
    private static final String DRAW_CHART = """
                var fig = @FIG@;
                var plot = document.createElement('div');
                box.appendChild(plot);
                Plotly.newPlot(plot, fig.data, fig.layout, {responsive: true}).then(function () {
                  box.querySelector('img').style.display = 'none';
                }, function () { box.removeChild(plot); });""";

    /** The script element that loads plotly.js offline and runs {@code draw} (JavaScript with {@code box} and {@code Plotly}). */
    static String script(String id, String draw) {
        return "<script type=\"text/javascript\">"
                + LOADER.replace("@ID@", id).replace("@SPEC@", KERNELSPEC).replace("@DRAW@", draw) + "</script>";
    }

    private static final AtomicLong DRAWN = new AtomicLong();

    private ChartHtml() {
    }

    /**
     * An element id unique within the page, and the same when a notebook runs again (a random id would
     * make every re-run differ): a hash of what is drawn and of how many charts this JVM drew before.
     */
    static String id(String prefix, String content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(content.getBytes(StandardCharsets.UTF_8));
            sha.update(Long.toString(DRAWN.incrementAndGet()).getBytes(StandardCharsets.UTF_8));
            return prefix + "-" + HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }

    static String of(Chart chart, String base64Png, Map<String, Object> figure) {
        String drawn = json(figure);
        String id = id("sluice-chart", drawn);
        return "<div class=\"sluice-chart\" id=\"" + id + "\">"
                + "<img src=\"data:image/png;base64," + base64Png + "\" alt=\"" + escapeHtml4(ChartView.plain(chart))
                + "\" width=\"" + ChartImage.WIDTH + "\" height=\"" + ChartImage.HEIGHT + "\" style=\"max-width:100%;height:auto\">"
                + script(id, DRAW_CHART.replace("@FIG@", drawn)) + "</div>";
    }

    /** The figure as a JavaScript literal; "</" is escaped so a label cannot close the script element. */
    private static String json(Map<String, Object> figure) {
        try {
            return JSON.writeValueAsString(figure).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A chart's figure holds only maps, lists, strings and numbers", e);
        }
    }
}
