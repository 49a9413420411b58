package sluice.deploy;

import java.util.List;
import sluice.render.Bundle;
import sluice.render.Renderable;
import sluice.render.Report;

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

    @Override
    public Bundle bundle() {
        Report report = new Report("deploy").title(headline)
                .codes(List.of("POST " + url + "/predict", "GET /health", "GET /schema", "GET /openapi.json", "GET /metrics"));
        if (warning != null) {
            report.warning(warning);
        }
        return report.code("Try it", curl)
                .code(String.format("Answer (HTTP %d, %.1f ms)", reply.status(), reply.millis()), reply.body())
                .bundle();
    }
}
