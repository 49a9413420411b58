package sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import sluice.model.Model;

/** Model versions over real HTTP: a fingerprint of the model file, named by every answer, changed by a swap. */
class VersionTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final Servers servers = new Servers();
    private Server server;

    @Test
    void theVersion_isTheStartOfTheSha256OfTheFileDeploySaveWrites(@TempDir Path dir) throws Exception {
        Model model = Trained.regression().session.training().model();
        Path file = dir.resolve("model.sluice");
        model.save(file);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));

        server = servers.start(model);

        assertThat(server.version().id()).hasSize(12).isEqualTo(sha.substring(0, 12));
        assertThat(Version.of(file).id()).isEqualTo(server.version().id());
    }

    @Test
    void health_schema_andAnXModelVersionHeaderOnEveryAnswer_nameIt() throws Exception {
        Model model = Trained.regression().session.training().model();
        server = servers.start(model, new Settings(Settings.LOOPBACK, 0, "s3cret", "T", null, Settings.MAX_BODY, Settings.MAX_ROWS));
        Http http = new Http(server.url());
        String version = server.version().id();
        String[] auth = {"Authorization", "Bearer s3cret"};

        JsonNode health = JSON.readTree(http.get("/health").body());
        JsonNode schema = JSON.readTree(http.get("/schema", auth).body());

        assertThat(health.get("version").asText()).isEqualTo(version);
        assertThat(health.get("since").asText()).isEqualTo(server.version().since().toString());
        assertThat(schema.get("version").asText()).isEqualTo(version);
        assertThat(new Http.Reply[] {
            http.get("/health"), http.get("/schema", auth), http.get("/openapi.json", auth), http.get("/metrics", auth),
            http.post("application/json", LifecycleTest.ROW, auth), http.post("text/csv", BatchBadInputTest.HEADER
                    + BatchBadInputTest.ROW, auth), http.post("application/json", "{}", auth),
            http.post("application/json", LifecycleTest.ROW), http.get("/nowhere", auth), http.get("/predict", auth)})
                .allSatisfy(reply -> assertThat(reply.header(Server.VERSION)).as(reply.body()).isEqualTo(version));
        assertThat(http.get("/metrics", auth).body()).contains("sluice_model_info{model=\"linear regression of body_mass_g\",version=\""
                + version + "\"} 1");
    }

    @Test
    void aSwap_changesTheVersion_andTheAnswersNameTheNewOne() throws Exception {
        Trained trained = Trained.regression();
        server = servers.start(trained.session.training().model());
        Http http = new Http(server.url());
        String before = http.post(LifecycleTest.ROW).header(Server.VERSION);
        trained.run("train ridge --target body_mass_g --exclude year");

        server.swap(trained.session.training().model());

        Http.Reply after = http.post(LifecycleTest.ROW);
        assertThat(after.header(Server.VERSION)).isEqualTo(server.version().id()).isNotEqualTo(before);
        assertThat(JSON.readTree(http.get("/health").body()).get("version").asText()).isEqualTo(server.version().id());
        assertThat(server.versions()).extracting(Version::id).containsExactly(before, server.version().id());
        assertThat(server.versions()).extracting(v -> v.answered().sum()).containsExactly(1L, 1L);
    }
}
