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

        WarmUp.Result result = WarmUp.run(model, Sample.of(model, trained.session.raw()).body(), WarmUp.BUDGET);

        assertThat(result.requests()).isGreaterThan(100);
        assertThat(result.took()).isLessThan(WarmUp.BUDGET.plusSeconds(2));
        assertThat(endpoint.answered()).isZero();
        assertThat(endpoint.version().answered().sum()).isZero();
        assertThat(new Http(endpoint.url()).get("/metrics").body()).contains("sluice_predictions_total 0.0")
                .doesNotContain("sluice_requests_total{path=\"/predict\"");
    }

    @Test
    void theWarmUpAsks_asRecordsAndAsFeatures_andEveryWayIsAnsweredWithTheSamePrediction() throws Exception {
        Trained trained = Trained.regression();
        Model model = trained.session.training().model();
        Server endpoint = servers.start(model);

        java.util.List<byte[]> requests = WarmUp.requests(model, Sample.of(model, trained.session.raw()).body());

        assertThat(requests).hasSize(3);
        assertThat(new String(requests.get(1), java.nio.charset.StandardCharsets.UTF_8)).contains("{\"features\": [");
        java.util.Set<String> answers = new java.util.HashSet<>();
        for (byte[] request : requests) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), endpoint.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(request);
                String answer = answer(socket.getInputStream());
                assertThat(answer).startsWith("HTTP/1.1 200 ");
                answers.add(answer.substring(answer.indexOf("\r\n\r\n")));
            }
        }
        assertThat(answers).as("one prediction, however asked").hasSize(1);
    }

    @Test
    void aSwap_isNotWarmedUp_onceTheEndpointHasServedEnoughRequestsOfTheSameKindOfModel() throws Exception {
        Trained trained = Trained.regression();
        Model model = trained.session.training().model();
        Server endpoint = servers.start(model);
        String body = Sample.of(model, trained.session.raw()).body();

        assertThat(WarmUp.beforeSwap(endpoint, model, body, WarmUp.BUDGET).requests()).as("a new endpoint's swap").isPositive();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), endpoint.port())) {
            AllocationTest.exchange(socket, WarmUp.request(body), (int) WarmUp.ENOUGH);
        }
        WarmUp.Result swap = WarmUp.beforeSwap(endpoint, model, body, WarmUp.BUDGET);

        assertThat(swap.requests()).isZero();
        assertThat(swap.took()).isZero();
    }

    @Test
    void aSampleTheModelRefuses_endsTheWarmUpWithoutCountingIt() throws Exception {
        Model model = Trained.regression().session.training().model();

        WarmUp.Result result = WarmUp.run(model, "{\"features\": [1]}", WarmUp.BUDGET);

        assertThat(result.requests()).isZero();
        assertThat(result.took()).isLessThan(WarmUp.BUDGET);
    }

    /** One answer read off a keep-alive connection: its head, then as many bytes as its Content-Length says. */
    private static String answer(java.io.InputStream in) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        java.util.regex.Pattern length = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)");
        while (true) {
            int head = text.indexOf("\r\n\r\n");
            java.util.regex.Matcher m = length.matcher(text);
            if (head >= 0 && m.find() && text.length() >= head + 4 + Integer.parseInt(m.group(1))) {
                return text.toString();
            }
            int b = in.read();
            assertThat(b).as("the server closed the connection").isNotNegative();
            text.append((char) b);
        }
    }
}
