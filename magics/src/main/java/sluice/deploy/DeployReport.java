package sluice.deploy;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.ArrayList;
import java.util.List;
import sluice.render.Bundle;
import sluice.render.Renderable;

/**
 * What {@code %deploy} shows: where the model is served, a curl command built from a real row, the
 * answer to that same request sent by the magic, and a warning when anyone on the network may call it.
 *
 * @param headline "Serving linear regression of price at http://127.0.0.1:8000"
 * @param url      the endpoint's base URL
 * @param curl     a command to paste into a shell
 * @param reply    what the endpoint answered to the magic's own request
 * @param warning  a warning to show, or null
 */
public record DeployReport(String headline, String url, String curl, Sample.Reply reply, String warning) implements Renderable {

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(headline);
        lines.add("POST " + url + "/predict   GET /health   GET /schema   GET /openapi.json   GET /metrics");
        if (warning != null) {
            lines.add(warning);
        }
        lines.add("Try it:");
        lines.add(curl);
        lines.add(String.format("Answer (HTTP %d, %.1f ms): %s", reply.status(), reply.millis(), reply.body()));
        return lines;
    }

    @Override
    public Bundle bundle() {
        StringBuilder html = new StringBuilder("<div class=\"sluice-deploy\"><p><b>").append(escapeHtml4(headline))
                .append("</b></p><p><code>POST ").append(escapeHtml4(url)).append("/predict</code> · <code>GET /health</code> · ")
                .append("<code>GET /schema</code> · <code>GET /openapi.json</code> · <code>GET /metrics</code></p>");
        if (warning != null) {
            html.append("<p style=\"color:#b00\">").append(escapeHtml4(warning)).append("</p>");
        }
        html.append("<p>Try it:</p><pre>").append(escapeHtml4(curl)).append("</pre>")
                .append(String.format("<p>Answer (HTTP %d, %.1f ms):</p><pre>", reply.status(), reply.millis()))
                .append(escapeHtml4(reply.body())).append("</pre></div>");
        return Bundle.of(html.toString(), String.join("\n", lines()));
    }
}
