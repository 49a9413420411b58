package sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import sluice.magic.Notebook;
import sluice.model.Model;
import sluice.model.Predictions;
import sluice.render.Renderable;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The endpoint's contract over real HTTP: the three body shapes, the documents, and train/serve consistency. */
class EndpointTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final Servers servers = new Servers();
    private Server server;

    private Http serve(Model model) {
        server = servers.start(model);
        return new Http(server.url());
    }

    @Test
    void records_overHttp_getExactlyTheKernelsPredictions_forTheSameRawRows() throws Exception {
        Trained trained = Trained.regression();
        Model model = trained.session.training().model();
        Http http = serve(model);
        Table raw = completeRows(trained.session.raw(), model);
        assertThat(raw.rowCount()).isGreaterThan(300);

        JsonNode reply = JSON.readTree(http.post(records(raw, model)).body());

        Predictions kernel = model.predict(raw);
        assertThat(reply.get("prediction")).hasSize(raw.rowCount());
        for (int row = 0; row < raw.rowCount(); row++) {
            assertThat(reply.get("prediction").get(row).doubleValue()).as("row %d", row).isEqualTo(kernel.values()[row]);
        }
    }

    @Test
    void classifier_answersLabelsAndProbabilities_asTheKernelDoes() throws Exception {
        Trained trained = Trained.classification();
        Model model = trained.session.training().model();
        Http http = serve(model);
        Table raw = completeRows(trained.session.raw(), model).first(40);

        JsonNode reply = JSON.readTree(http.post(records(raw, model)).body());

        Predictions kernel = model.predict(raw);
        for (int row = 0; row < raw.rowCount(); row++) {
            assertThat(reply.get("prediction").get(row).asText()).isEqualTo(kernel.labels()[row]);
            JsonNode probabilities = reply.get("probabilities").get(row);
            for (int c = 0; c < model.classes().size(); c++) {
                assertThat(probabilities.get(model.classes().get(c)).doubleValue()).isEqualTo(kernel.probabilities()[row][c]);
            }
        }
    }

    @Test
    void positionalFeatures_oneRowOrABatch_inFeatureOrder() throws Exception {
        Trained trained = Trained.regression();
        Model model = trained.session.training().model();
        Http http = serve(model);
        Table raw = completeRows(trained.session.raw(), model).first(3);
        Predictions kernel = model.predict(raw);

        List<List<Object>> rows = new ArrayList<>();
        for (int row = 0; row < 3; row++) {
            List<Object> values = new ArrayList<>();
            for (Model.Input input : model.inputs()) {
                values.add(raw.column(input.name()).get(row));
            }
            rows.add(values);
        }
        JsonNode one = JSON.readTree(http.post(JSON.writeValueAsString(Map.of("features", rows.get(0)))).body());
        JsonNode batch = JSON.readTree(http.post(JSON.writeValueAsString(Map.of("features", rows))).body());

        assertThat(one.get("prediction")).hasSize(1);
        assertThat(one.get("prediction").get(0).doubleValue()).isEqualTo(kernel.values()[0]);
        for (int row = 0; row < 3; row++) {
            assertThat(batch.get("prediction").get(row).doubleValue()).isEqualTo(kernel.values()[row]);
        }
    }

    @Test
    void nullValue_isFilledByTheFittedStep_asInTraining() throws Exception {
        Trained trained = Trained.regression();
        Model model = trained.session.training().model();
        Http http = serve(model);
        Table raw = completeRows(trained.session.raw(), model).first(1);
        raw.column("bill_length_mm").setMissing(0);

        Http.Reply reply = http.post(records(raw, model));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(JSON.readTree(reply.body()).get("prediction").get(0).doubleValue()).isEqualTo(model.predict(raw).values()[0]);
    }

    @Test
    void health_schema_andOpenApi_describeTheRealInputs() throws Exception {
        Model model = Trained.regression().session.training().model();
        Http http = serve(model);

        JsonNode health = JSON.readTree(http.get("/health").body());
        JsonNode schema = JSON.readTree(http.get("/schema").body());
        Http.Reply openApiReply = http.get("/openapi.json");
        JsonNode openApi = JSON.readTree(openApiReply.body());

        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("model").asText()).isEqualTo("linear regression of body_mass_g");
        List<String> names = new ArrayList<>();
        schema.get("inputs").forEach(input -> names.add(input.get("name").asText()));
        assertThat(names).containsExactlyElementsOf(model.inputs().stream().map(Model.Input::name).toList());
        assertThat(schema.get("inputs").get(0).get("categories").toString()).isEqualTo("[\"Adelie\",\"Chinstrap\",\"Gentoo\"]");
        assertThat(openApiReply.header("Content-Type")).startsWith("application/json");
        assertThat(openApi.get("openapi").asText()).startsWith("3.");
        JsonNode record = openApi.at("/components/schemas/Record");
        assertThat(record.get("required")).hasSize(model.inputs().size());
        assertThat(record.at("/properties/island/enum").toString()).isEqualTo("[\"Biscoe\",\"Dream\",\"Torgersen\"]");
        assertThat(record.at("/properties/bill_length_mm/type").asText()).isEqualTo("number");
        assertThat(record.at("/properties/flipper_length_mm/type").asText()).isEqualTo("integer");
        assertThat(openApi.at("/paths/~1predict/post/responses/400/description").asText()).isNotBlank();
        assertThat(openApi.at("/paths/~1predict/post/requestBody/content").fieldNames())
                .toIterable().containsExactly("application/json", "text/csv", "application/x-ndjson");
        assertThat(openApi.at("/paths/~1metrics/get/responses/200/content/text~1plain/schema/type").asText()).isEqualTo("string");
    }

    @Test
    void schema_openApi_andErrors_nameTypesInTheWordsIngestShows() throws Exception {
        Trained trained = new Trained();
        String ingested = ((Renderable) trained.run("ingest " + Notebook.PENGUINS)).bundle().data().get("text/plain").toString();
        trained.run("clean drop-missing sex");
        trained.run("train linear --target body_mass_g --exclude year");
        Http http = serve(trained.session.training().model());

        JsonNode schema = JSON.readTree(http.get("/schema").body());
        JsonNode record = JSON.readTree(http.get("/openapi.json").body()).at("/components/schemas/Record/properties");
        Map<String, String> types = new LinkedHashMap<>();
        schema.get("inputs").forEach(input -> types.put(input.get("name").asText(), input.get("type").asText()));

        assertThat(types).containsEntry("island", "text").containsEntry("bill_length_mm", "decimal")
                .containsEntry("flipper_length_mm", "integer");
        types.forEach((name, type) -> {
            assertThat(ingested).as("%%ingest's line for %s", name).containsPattern("(?m)^  " + name + " +" + type + " +\\d+$");
            assertThat(record.at("/" + name + "/description").asText()).as(name).isEqualTo(type);
        });
        assertThat(record.at("/bill_length_mm/type").asText()).as("JSON Schema's own word").isEqualTo("number");
        JsonNode refused = JSON.readTree(http.post("{\"features\": [\"Adelie\", \"Torgersen\", \"long\", 18.7, 181.5, \"male\"]}").body());
        assertThat(refused.get("field").asText()).isEqualTo("features[2] (bill_length_mm)");
        assertThat(refused.get("error").asText()).endsWith("expected a decimal number, got the string \"long\"");
        refused = JSON.readTree(http.post("{\"features\": [\"Adelie\", \"Torgersen\", 39.1, 18.7, 181.5, \"male\"]}").body());
        assertThat(refused.get("error").asText()).endsWith("expected an integer between -2147483648 and 2147483647, got 181.5");
    }

    @Test
    void schema_passesTheMetricsOn_leavingOutOnesThatAreUndefined(@TempDir Path dir) throws Exception {
        Table raw = Table.read().csv(sluice.magic.Notebook.PENGUINS.toFile());
        Path males = dir.resolve("males.txt");
        Files.write(males, java.util.stream.IntStream.range(0, raw.rowCount())
                .filter(i -> "male".equals(raw.stringColumn("sex").get(i))).limit(30).mapToObj(String::valueOf).toList());
        Model model = Trained.penguins("logistic --target sex --test-rows " + males).session.training().model();
        assertThat(model.metrics().get("roc_auc")).as("the test rows hold one class").isNaN();

        JsonNode metrics = JSON.readTree(serve(model).get("/schema").body()).get("metrics");

        List<String> names = new ArrayList<>();
        metrics.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyElementsOf(model.metrics().keySet().stream()
                .filter(name -> Double.isFinite(model.metrics().get(name))).toList());
        assertThat(names).contains("balanced_accuracy", "mcc", "log_loss").doesNotContain("roc_auc");
        assertThat(metrics.get("log_loss").doubleValue()).isEqualTo(model.metrics().get("log_loss"));
    }

    @Test
    void corsIsOff_unlessAnOriginIsAllowed() throws Exception {
        Model model = Trained.regression().session.training().model();
        Http http = serve(model);
        assertThat(http.get("/health", "Origin", "http://evil.example").header("Access-Control-Allow-Origin")).isNull();
        server.close();

        server = servers.start(model, new Settings(Settings.LOOPBACK, 0, null, null, "http://app.example", Settings.MAX_BODY, Settings.MAX_ROWS));
        Http.Reply allowed = new Http(server.url()).get("/health", "Origin", "http://app.example");
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://app.example");
    }

    /** The rows of {@code raw} where every input is present, as a client would send them. */
    static Table completeRows(Table raw, Model model) {
        Table rows = raw;
        for (Model.Input input : model.inputs()) {
            rows = rows.where(rows.column(input.name()).isNotMissing());
        }
        return rows;
    }

    /** {"records": [...]} of the inputs of every row of {@code raw}, missing values as null. */
    static String records(Table raw, Model model) throws Exception {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int row = 0; row < raw.rowCount(); row++) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (Model.Input input : model.inputs()) {
                Column<?> column = raw.column(input.name());
                record.put(input.name(), column.isMissing(row) ? null : column.get(row));
            }
            records.add(record);
        }
        return JSON.writeValueAsString(Map.of("records", records));
    }
}
