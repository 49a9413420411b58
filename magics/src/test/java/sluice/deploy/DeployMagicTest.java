package sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.magic.Magics;
import sluice.magic.UsageError;
import sluice.model.Model;
import sluice.session.Session;

/** %deploy on a session: what the cell shows, redeploying, status, stop, save, and the user's mistakes. */
class DeployMagicTest {
    private static final Map<String, String> ENV = Map.of("SLUICE_TOKEN", "t0ken-from-env");

    private Trained trained;

    @AfterEach
    void stop() {
        if (trained != null) {
            trained.session.close();
        }
    }

    private Trained regression() throws Exception {
        trained = Trained.regression();
        trained.magics.add("deploy", Magics.Kind.LINE, () -> new DeployMagic(trained.session, ENV::get));
        return trained;
    }

    @Test
    void deploy_showsTheUrl_aCurlFromARealRow_andTheAnswerToItsOwnRequest() throws Exception {
        regression();
        DeployReport report = (DeployReport) trained.run("deploy --port 0");
        Server server = trained.session.server(Server.class);

        assertThat(report.headline()).isEqualTo("Serving linear regression of body_mass_g at " + server.url()
                + " (version " + server.version().id() + ")");
        assertThat(report.curl()).startsWith("curl -s " + server.url() + "/predict -H 'Content-Type: application/json' -d '")
                .contains("{\"records\":[{\"species\":\"Adelie\",\"island\":\"Torgersen\",\"bill_length_mm\":39.1,");
        assertThat(report.reply().status()).isEqualTo(200);
        assertThat(report.reply().body()).startsWith("{\"prediction\":[");
        assertThat(report.warning()).isNull();
        assertThat(report.bundle().data().get("text/plain").toString()).contains("GET /openapi.json", "Answer (HTTP 200");
    }

    @Test
    void theCurlCommand_worksWhenPastedIntoAShell() throws Exception {
        regression();
        DeployReport report = (DeployReport) trained.run("deploy --port 0");

        Process curl = new ProcessBuilder("bash", "-c", report.curl()).redirectErrorStream(true).start();
        String answer = new String(curl.getInputStream().readAllBytes());

        assertThat(curl.waitFor()).isZero();
        assertThat(answer).isEqualTo(report.reply().body());
    }

    @Test
    void deployAgainAfterANewTrain_swapsTheModelOnTheSamePort() throws Exception {
        regression();
        trained.run("deploy --port 0");
        Server first = trained.session.server(Server.class);

        trained.run("train ridge --target body_mass_g --exclude year");
        DeployReport again = (DeployReport) trained.run("deploy");

        assertThat(trained.session.server()).isSameAs(first);
        assertThat(again.headline()).contains("ridge regression", "model swapped, no restart");
        assertThat(first.model().algorithm()).isEqualTo("ridge");
    }

    @Test
    void status_listsEveryVersionServed_withTheRequestsEachAnswered() throws Exception {
        regression();
        trained.run("deploy --port 0");
        Server server = trained.session.server(Server.class);
        String linear = server.version().id();
        trained.run("train ridge --target body_mass_g --exclude year");
        DeployReport again = (DeployReport) trained.run("deploy");
        String ridge = server.version().id();
        new Http(server.url()).post(LifecycleTest.ROW);

        List<String> status = trained.run("deploy status").toString().lines().toList();

        assertThat(ridge).isNotEqualTo(linear);
        assertThat(again.headline()).contains("(version " + ridge + "; model swapped");
        assertThat(status).hasSize(4);
        assertThat(status.get(1)).isEqualTo("Versions served (version, since, requests answered):");
        assertThat(status.get(2)).matches("  " + linear + "  \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ  1");
        assertThat(status.get(3)).startsWith("  " + ridge + "  ").endsWith("  2  (now)");
    }

    @Test
    void deployOnAnotherPort_movesTheEndpoint_andFreesTheOldPort() throws Exception {
        regression();
        trained.run("deploy --port 0");
        int old = trained.session.server(Server.class).port();
        int free;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            free = probe.getLocalPort();
        }

        trained.run("deploy --port " + free);

        assertThat(trained.session.server(Server.class).port()).isEqualTo(free);
        assertThat(bindable(old)).isTrue();
    }

    @Test
    void status_thenStop_thenStatus() throws Exception {
        regression();
        trained.run("deploy --port 0");
        int port = trained.session.server(Server.class).port();

        assertThat(trained.run("deploy status").toString())
                .startsWith("Serving linear regression of body_mass_g at http://127.0.0.1:" + port)
                .contains("1 predictions answered, 0 requests refused");
        assertThat(trained.run("deploy stop").toString()).isEqualTo("Stopped the endpoint at http://127.0.0.1:" + port
                + "; port " + port + " is free.");
        assertThat(bindable(port)).isTrue();
        assertThat(trained.run("deploy status").toString()).startsWith("No endpoint is running.");
        assertThat(trained.run("deploy stop").toString()).contains("nothing to stop");
    }

    @Test
    void tokenEnv_curlNamesTheVariable_neverTheToken() throws Exception {
        regression();
        DeployReport report = (DeployReport) trained.run("deploy --port 0 --token-env SLUICE_TOKEN");

        assertThat(report.curl()).contains("-H \"Authorization: Bearer $SLUICE_TOKEN\"").doesNotContain("t0ken-from-env");
        assertThat(report.reply().status()).isEqualTo(200);
        assertThat(new Http(trained.session.server().url()).post(LifecycleTest.ROW).status()).isEqualTo(401);
        assertThat(report.bundle().data().toString()).doesNotContain("t0ken-from-env");
    }

    @Test
    void tokenEnvNotSet_saysHowToSetIt() throws Exception {
        regression();
        assertThatThrownBy(() -> trained.run("deploy --port 0 --token-env NOT_SET"))
                .isInstanceOf(UsageError.class)
                .hasMessageStartingWith("Environment variable NOT_SET is not set or empty.");
        assertThat(trained.session.server()).isNull();
    }

    @Test
    void withoutAModel_saysToTrainFirst() {
        Session session = new Session();
        Magics magics = new Magics().add("deploy", Magics.Kind.LINE, () -> new DeployMagic(session));
        assertThatThrownBy(() -> magics.run(Magics.Kind.LINE, "deploy", null))
                .isInstanceOf(UsageError.class)
                .hasMessageStartingWith("No model yet. Run %train");
    }

    @Test
    void save_writesAFileThatLoadsAndServesTheSameModel(@TempDir Path dir) throws Exception {
        regression();
        Path file = dir.resolve("penguins.sluice");

        String said = trained.run("deploy save " + file).toString();

        assertThat(said).startsWith("Saved linear regression of body_mass_g to " + file).contains("java -jar sluice.jar serve " + file);
        Model loaded = Model.load(file);
        Server server = Server.start(loaded, Settings.local(0));
        try {
            Http.Reply reply = new Http(server.url()).post(LifecycleTest.ROW);
            Model original = trained.session.training().model();
            String expected = new String(Answer.predictions(original.predict(PredictRequest.rows(
                    LifecycleTest.ROW.getBytes(), Served.of(original, Version.of(original), false)))));
            assertThat(reply.body()).isEqualTo(expected);
        } finally {
            server.close();
        }
    }

    @Test
    void badOptions_areUsageErrors() throws Exception {
        regression();
        assertThatThrownBy(() -> trained.run("deploy --port 70000")).isInstanceOf(UsageError.class).hasMessageContaining("65535");
        assertThatThrownBy(() -> trained.run("deploy --max-body lots")).isInstanceOf(UsageError.class).hasMessageContaining("--max-body");
        assertThatThrownBy(() -> trained.run("deploy sav x")).isInstanceOf(UsageError.class).hasMessageContaining("Did you mean 'save'?");
    }

    private static boolean bindable(int port) throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            return true;
        }
    }
}
