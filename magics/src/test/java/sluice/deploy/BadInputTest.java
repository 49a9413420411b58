package sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sluice.model.Model;

/**
 * Every bad input of the contract, sent over real HTTP: a 400 (or 401, 413) whose JSON error names
 * the field, never a stack trace, and the server answers the next good request as before.
 */
class BadInputTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** species, island, bill_length_mm, bill_depth_mm, flipper_length_mm, sex */
    static final String GOOD_ROW = "[\"Adelie\", \"Torgersen\", 39.1, 18.7, 181, \"male\"]";

    @RegisterExtension
    static final Servers SHARED = Servers.perClass();
    static Model model;
    static Server server;
    static Http http;

    @BeforeAll
    static void serve() throws Exception {
        model = Trained.regression().session.training().model();
        server = SHARED.start(model);
        http = new Http(server.url());
    }

    @AfterEach
    void serverKeepsServing() throws Exception {
        Http.Reply good = http.post("{\"features\": " + GOOD_ROW + "}");
        assertThat(good.status()).isEqualTo(200);
        assertThat(JSON.readTree(good.body()).get("prediction").get(0).isNumber()).isTrue();
    }

    /** The JSON error of a refused request, after checking it is one and carries no stack trace. */
    private static JsonNode refused(Http.Reply reply, int status) throws Exception {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.body()).doesNotContain("Exception", "\tat ", "at sluice.", "at io.javalin", "org.eclipse");
        return JSON.readTree(reply.body());
    }

    @Test
    void notJson_saysWhereTheJsonBreaks() throws Exception {
        JsonNode error = refused(http.post("{\"features\": [1, 2,"), 400);
        assertThat(error.get("field").asText()).isEqualTo("body");
        assertThat(error.get("error").asText()).startsWith("body: not valid JSON").contains("line 1");
    }

    @Test
    void emptyBody_andNonObject_areRefused() throws Exception {
        assertThat(refused(http.post(""), 400).get("error").asText()).contains("empty");
        assertThat(refused(http.post("[1, 2]"), 400).get("error").asText()).contains("expected a JSON object");
    }

    @Test
    void wrongContentType_namesTheHeader() throws Exception {
        JsonNode error = refused(http.post("text/plain", "{\"features\": " + GOOD_ROW + "}"), 400);
        assertThat(error.get("field").asText()).isEqualTo("Content-Type");
        assertThat(error.get("error").asText()).contains("application/json", "text/plain");
        assertThat(refused(http.post(null, "{\"features\": " + GOOD_ROW + "}"), 400).get("field").asText()).isEqualTo("Content-Type");
    }

    @Test
    void featuresOfTheWrongLength_listTheExpectedOrder() throws Exception {
        JsonNode error = refused(http.post("{\"features\": [\"Adelie\", \"Torgersen\", 39.1]}"), 400);
        assertThat(error.get("field").asText()).isEqualTo("features");
        assertThat(error.get("error").asText())
                .contains("expected 6 values (species, island, bill_length_mm, bill_depth_mm, flipper_length_mm, sex), got 3");
        JsonNode inBatch = refused(http.post("{\"features\": [" + GOOD_ROW + ", [1, 2]]}"), 400);
        assertThat(inBatch.get("field").asText()).isEqualTo("features[1]");
    }

    @Test
    void stringWhereANumberBelongs_namesTheField() throws Exception {
        JsonNode positional = refused(http.post("{\"features\": [\"Adelie\", \"Torgersen\", \"39.1\", 18.7, 181, \"male\"]}"), 400);
        assertThat(positional.get("field").asText()).isEqualTo("features[2] (bill_length_mm)");
        assertThat(positional.get("error").asText()).contains("expected a decimal number, got the string \"39.1\"");
        JsonNode byName = refused(http.post(record("\"flipper_length_mm\": \"long\"")), 400);
        assertThat(byName.get("field").asText()).isEqualTo("records[0].flipper_length_mm");
        JsonNode fraction = refused(http.post(record("\"flipper_length_mm\": 181.5")), 400);
        assertThat(fraction.get("error").asText()).contains("expected an integer between");
        JsonNode numberForText = refused(http.post(record("\"island\": 3")), 400);
        assertThat(numberForText.get("error").asText()).contains("expected text (one of Biscoe, Dream, Torgersen)");
    }

    @Test
    void missingField_namesIt() throws Exception {
        JsonNode error = refused(http.post("{\"records\": [{\"species\": \"Adelie\", \"island\": \"Dream\"}]}"), 400);
        assertThat(error.get("field").asText()).isEqualTo("records[0].bill_length_mm");
        assertThat(error.get("error").asText()).contains("missing");
        JsonNode neither = refused(http.post("{\"rows\": []}"), 400);
        assertThat(neither.get("error").asText()).contains("\"features\"", "\"records\"");
    }

    @Test
    void unknownCategory_namesTheValueAndTheKnownOnes() throws Exception {
        JsonNode error = refused(http.post(record("\"island\": \"Atlantis\"")), 400);
        assertThat(error.get("error").asText()).contains("'Atlantis'", "island", "Biscoe, Dream, Torgersen");
    }

    @Test
    void missingValueNoStepFills_isRefused() throws Exception {
        JsonNode error = refused(http.post(record("\"bill_depth_mm\": null")), 400);
        assertThat(error.get("error").asText()).contains("bill_depth_mm", "missing");
    }

    @Test
    void nanAndInfinity_areRefused() throws Exception {
        assertThat(refused(http.post("{\"features\": [\"Adelie\", \"Torgersen\", NaN, 18.7, 181, \"male\"]}"), 400)
                .get("field").asText()).isEqualTo("features[2] (bill_length_mm)");
        assertThat(refused(http.post("{\"features\": [\"Adelie\", \"Torgersen\", 39.1, Infinity, 181, \"male\"]}"), 400)
                .get("error").asText()).contains("finite");
        assertThat(refused(http.post("{\"features\": [\"Adelie\", \"Torgersen\", 39.1, -Infinity, 181, \"male\"]}"), 400)
                .get("field").asText()).isEqualTo("features[3] (bill_depth_mm)");
        assertThat(refused(http.post("{\"features\": [\"Adelie\", \"Torgersen\", 1e999, 18.7, 181, \"male\"]}"), 400)
                .get("error").asText()).contains("finite");
    }

    @Test
    void emptyBatch_isRefused() throws Exception {
        assertThat(refused(http.post("{\"features\": []}"), 400).get("error").asText()).contains("empty batch");
        assertThat(refused(http.post("{\"records\": []}"), 400).get("field").asText()).isEqualTo("records");
    }

    @Test
    void overLargeBody_is413_beforeItIsRead() throws Exception {
        // Only the head is sent: the server must answer from Content-Length alone, without waiting for the body.
        // (A client still uploading when that answer comes may see the connection close instead, by TCP's rules.)
        java.net.URI uri = java.net.URI.create(server.url());
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (Settings.MAX_BODY + 10) + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String reply = new String(socket.getInputStream().readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(reply).startsWith("HTTP/1.1 413").contains("1 MiB");
        }
    }

    @Test
    void unknownPathAndWrongMethod_answerJson() throws Exception {
        assertThat(refused(http.get("/nope"), 404).get("error").asText()).contains("POST /predict");
        assertThat(refused(http.get("/predict"), 405).get("error").asText()).contains("use POST");
    }

    @Test
    void duplicateKeys_andTrailingGarbage_areNotJson() throws Exception {
        refused(http.post("{\"features\": " + GOOD_ROW + ", \"features\": []}"), 400);
        refused(http.post("{\"features\": " + GOOD_ROW + "} x"), 400);
    }

    private static String record(String override) {
        String key = override.substring(1, override.indexOf('"', 1));
        StringBuilder record = new StringBuilder("{\"records\": [{");
        String[][] fields = {{"species", "\"Adelie\""}, {"island", "\"Torgersen\""}, {"bill_length_mm", "39.1"},
                {"bill_depth_mm", "18.7"}, {"flipper_length_mm", "181"}, {"sex", "\"male\""}};
        for (String[] field : fields) {
            record.append(field[0].equals(key) ? override : "\"" + field[0] + "\": " + field[1]).append(", ");
        }
        record.setLength(record.length() - 2);
        return record.append("}]}").toString();
    }
}
