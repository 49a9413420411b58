package sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sluice.model.Model;

/** GET /metrics over real HTTP: Prometheus text a scraper reads, counting what the endpoint answered. */
class MetricsTest {
    @RegisterExtension
    final Servers servers = new Servers();
    private Server server;

    @Test
    void metrics_countRequestsByPathAndStatus_theirLatency_theRowsScored_andNameTheModel() throws Exception {
        Model model = Trained.regression().session.training().model();
        server = servers.start(model);
        Http http = new Http(server.url());
        http.post(LifecycleTest.ROW);
        http.post(LifecycleTest.ROW);
        http.post("{\"features\": [1]}");
        http.post("text/csv", BatchBadInputTest.HEADER + BatchBadInputTest.ROW.repeat(3));
        http.get("/health");
        http.get("/wp-login.php");

        Http.Reply reply = http.get("/metrics");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        assertThat(reply.body().lines()).contains(
                "sluice_requests_total{path=\"/predict\",status=\"200\"} 3.0",
                "sluice_requests_total{path=\"/predict\",status=\"400\"} 1.0",
                "sluice_requests_total{path=\"/health\",status=\"200\"} 1.0",
                "sluice_requests_total{path=\"other\",status=\"404\"} 1.0",
                "sluice_request_duration_seconds_count{path=\"/predict\"} 4",
                "sluice_request_duration_seconds_bucket{path=\"/predict\",le=\"+Inf\"} 4",
                "sluice_predictions_total 5.0",
                "sluice_model_info{model=\"linear regression of body_mass_g\",version=\"" + server.version().id() + "\"} 1");
        assertThat(reply.body()).contains("# TYPE sluice_request_duration_seconds histogram", "le=\"0.005\"")
                .doesNotContain("wp-login");
    }

    @Test
    void metrics_needTheToken_whenOneIsSet() throws Exception {
        Model model = Trained.regression().session.training().model();
        server = servers.start(model, new Settings(Settings.LOOPBACK, 0, "s3cret", "T", null, Settings.MAX_BODY, Settings.MAX_ROWS));
        Http http = new Http(server.url());

        assertThat(http.get("/metrics").status()).isEqualTo(401);
        Http.Reply allowed = http.get("/metrics", "Authorization", "Bearer s3cret");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.body()).contains("sluice_requests_total{path=\"/metrics\",status=\"401\"} 1.0");
    }

    @Test
    void aSwap_namesTheNewModel_only() throws Exception {
        Trained trained = Trained.regression();
        server = servers.start(trained.session.training().model());
        trained.run("train ridge --target body_mass_g --exclude year");

        server.swap(trained.session.training().model());

        String body = new Http(server.url()).get("/metrics").body();
        assertThat(body).contains("sluice_model_info{model=\"ridge regression of body_mass_g\",version=\"" + server.version().id() + "\"} 1")
                .doesNotContain("model=\"linear regression");
    }
}
