package sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sluice.magic.UsageError;
import sluice.model.Model;
import tech.tablesaw.api.Table;

/** Token, port handling, stopping, and swapping the model under load, over real HTTP. */
class LifecycleTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ROW = "{\"features\": [\"Adelie\", \"Torgersen\", 39.1, 18.7, 181, \"male\"]}";

    @RegisterExtension
    final Servers servers = new Servers();

    private Server start(Model model, Settings settings) {
        return servers.start(model, settings);
    }

    @Test
    void withAToken_requestsWithoutTheBearerGet401_healthStaysOpen() throws Exception {
        Model model = Trained.regression().session.training().model();
        Server server = start(model, new Settings(Settings.LOOPBACK, 0, "s3cret-token", "SLUICE_TOKEN", null, Settings.MAX_BODY, Settings.MAX_ROWS));
        Http http = new Http(server.url());

        Http.Reply none = http.post("application/json", ROW);
        Http.Reply wrong = http.post("application/json", ROW, "Authorization", "Bearer guess");
        Http.Reply right = http.post("application/json", ROW, "Authorization", "Bearer s3cret-token");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(JSON.readTree(none.body()).get("error").asText()).contains("Authorization: Bearer");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("s3cret");
        assertThat(right.status()).isEqualTo(200);
        assertThat(http.get("/schema").status()).isEqualTo(401);
        assertThat(http.get("/schema", "Authorization", "Bearer s3cret-token").status()).isEqualTo(200);
        assertThat(http.get("/health").status()).isEqualTo(200);
    }

    @Test
    void stop_freesThePortAtOnce() throws Exception {
        Model model = Trained.regression().session.training().model();
        Server server = start(model, Settings.local(0));
        int port = server.port();
        assertThat(new Http(server.url()).post(ROW).status()).isEqualTo(200);

        server.close();

        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(InetAddress.getByName(Settings.LOOPBACK), port));
            assertThat(again.isBound()).isTrue();
        }
    }

    @Test
    void portInUse_isAClearErrorSuggestingAnother() throws Exception {
        Model model = Trained.regression().session.training().model();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName(Settings.LOOPBACK))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> start(model, Settings.local(port)))
                    .isInstanceOf(UsageError.class)
                    .hasMessageStartingWith("Port " + port + " on 127.0.0.1 is already in use.")
                    .hasMessageContaining("--port ");
        }
    }

    @Test
    void hostNotOfThisMachine_isAClearError() throws Exception {
        Model model = Trained.regression().session.training().model();
        assertThatThrownBy(() -> start(model, new Settings("192.0.2.1", 0, null, null, null, Settings.MAX_BODY, Settings.MAX_ROWS)))
                .isInstanceOf(UsageError.class)
                .hasMessageStartingWith("Cannot listen on 192.0.2.1:0")
                .hasMessageContaining("--host takes an address of this machine");
    }

    @Test
    void bindingBeyondLoopbackWithoutAToken_warns() {
        assertThat(new Settings("0.0.0.0", 8000, null, null, null, Settings.MAX_BODY, Settings.MAX_ROWS).exposure()).startsWith("Warning:");
        assertThat(new Settings("0.0.0.0", 8000, "t", "T", null, Settings.MAX_BODY, Settings.MAX_ROWS).exposure()).isNull();
        assertThat(Settings.local(8000).exposure()).isNull();
    }

    @Test
    void swapUnderLoad_failsNoRequest_andEveryAnswerIsFromOneOfTheModels() throws Exception {
        Trained trained = Trained.regression();
        Model first = trained.session.training().model();
        trained.run("train ridge --target body_mass_g --exclude year --set lambda=50");
        Model second = trained.session.training().model();
        Table row = EndpointTest.completeRows(trained.session.raw(), first).first(1);
        double a = first.predict(row).values()[0];
        double b = second.predict(row).values()[0];
        assertThat(a).isNotEqualTo(b);
        Server server = start(first, Settings.local(0));
        Http http = new Http(server.url());
        String body = EndpointTest.records(row, first);

        AtomicBoolean running = new AtomicBoolean(true);
        Set<Double> seen = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Integer>> counts = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            counts.add(clients.submit(() -> {
                int n = 0;
                while (running.get()) {
                    Http.Reply reply = http.post(body);
                    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                    seen.add(JSON.readTree(reply.body()).get("prediction").get(0).doubleValue());
                    n++;
                }
                return n;
            }));
        }
        for (int swap = 0; swap < 200; swap++) {
            server.swap(swap % 2 == 0 ? second : first);
            Thread.sleep(5);
        }
        running.set(false);
        int total = 0;
        for (Future<Integer> count : counts) {
            total += count.get();
        }
        clients.shutdown();

        assertThat(total).isGreaterThan(200);
        assertThat(seen).containsExactlyInAnyOrder(a, b);
        assertThat(server.refused()).isZero();
    }
}
