package sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sluice.model.Model;

/** The warm-up before an endpoint is handed over: real predictions, on a server of its own. */
class WarmUpTest {
    @RegisterExtension
    final Servers servers = new Servers();

    @Test
    void aWarmUp_isAnsweredWithPredictions_onAServerOfItsOwn_andTheEndpointCountsNoneOfThem() throws Exception {
        Trained trained = Trained.regression();
        Model model = trained.session.training().model();
        Server endpoint = servers.start(model);

        WarmUp.Result result = WarmUp.run(model, Sample.of(model, trained.session.raw()).body());

        assertThat(result.requests()).isGreaterThan(100);
        assertThat(result.took()).isLessThan(WarmUp.BUDGET.plusSeconds(2));
        assertThat(endpoint.answered()).isZero();
        assertThat(endpoint.version().answered().sum()).isZero();
        assertThat(new Http(endpoint.url()).get("/metrics").body()).contains("sluice_predictions_total 0.0")
                .doesNotContain("sluice_requests_total{path=\"/predict\"");
    }

    @Test
    void aSwap_isNotWarmedUp_onceTheEndpointHasServedEnoughRequestsOfTheSameKindOfModel() throws Exception {
        Trained trained = Trained.regression();
        Model model = trained.session.training().model();
        Server endpoint = servers.start(model);
        String body = Sample.of(model, trained.session.raw()).body();

        assertThat(WarmUp.beforeSwap(endpoint, model, body).requests()).as("a new endpoint's swap").isPositive();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), endpoint.port())) {
            AllocationTest.exchange(socket, WarmUp.request(body), (int) WarmUp.ENOUGH);
        }
        WarmUp.Result swap = WarmUp.beforeSwap(endpoint, model, body);

        assertThat(swap.requests()).isZero();
        assertThat(swap.took()).isZero();
    }

    @Test
    void aSampleTheModelRefuses_endsTheWarmUpWithoutCountingIt() throws Exception {
        Model model = Trained.regression().session.training().model();

        WarmUp.Result result = WarmUp.run(model, "{\"features\": [1]}");

        assertThat(result.requests()).isZero();
        assertThat(result.took()).isLessThan(WarmUp.BUDGET);
    }
}
