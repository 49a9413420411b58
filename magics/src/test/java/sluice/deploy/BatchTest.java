package sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sluice.model.Model;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** CSV and NDJSON batches over real HTTP: the same predictions as the records form, in order, in chunks, both answer formats. */
class BatchTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";

    @RegisterExtension
    final Servers servers = new Servers();
    private Server server;

    private Http serve(Model model) {
        server = servers.start(model);
        return new Http(server.url());
    }

    @Test
    void csv_andNdjson_getExactlyWhatTheRecordsFormGives_forTheSameRows() throws Exception {
        Trained trained = Trained.regression();
        Model model = trained.session.training().model();
        Http http = serve(model);
        Table raw = EndpointTest.completeRows(trained.session.raw(), model);

        JsonNode records = JSON.readTree(http.post(EndpointTest.records(raw, model)).body());
        Http.Reply csv = http.post(CSV, csv(raw, model));
        Http.Reply ndjson = http.post(NDJSON, ndjson(raw, model));

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("application/json");
        assertThat(JSON.readTree(csv.body())).isEqualTo(records);
        assertThat(JSON.readTree(ndjson.body())).isEqualTo(records);
        assertThat(records.get("prediction")).hasSize(raw.rowCount());
        assertThat(records.get("prediction").get(5).doubleValue()).isEqualTo(model.predict(raw).values()[5]);
    }

    @Test
    void csvColumns_mayComeInAnyOrder_andAnEmptyCellIsAMissingValueTheFittedStepFills() throws Exception {
        Trained trained = Trained.regression();
        Model model = trained.session.training().model();
        Http http = serve(model);
        Table raw = EndpointTest.completeRows(trained.session.raw(), model).first(2);
        raw.column("bill_length_mm").setMissing(1);

        Http.Reply reply = http.post(CSV, "sex,island,species,flipper_length_mm,bill_depth_mm,bill_length_mm\n"
                + "male,Torgersen,Adelie,181,18.7,39.1\r\n"
                + "\"" + raw.getString(1, "sex") + "\"," + raw.getString(1, "island") + "," + raw.getString(1, "species") + ","
                + raw.getString(1, "flipper_length_mm") + "," + raw.getString(1, "bill_depth_mm") + ",\n");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode predictions = JSON.readTree(reply.body()).get("prediction");
        assertThat(predictions.get(1).doubleValue()).isEqualTo(model.predict(raw).values()[1]);
    }

    @Test
    void aBlankLine_isAMissingValue_forAOneInputModel_andIsAnsweredInItsPlace() throws Exception {
        Trained trained = Trained.penguins("linear --target body_mass_g --features bill_length_mm");
        Model model = trained.session.training().model();
        Http http = serve(model);
        Table raw = EndpointTest.completeRows(trained.session.raw(), model).first(3);
        raw.column("bill_length_mm").setMissing(1);

        Http.Reply reply = http.post(CSV, "bill_length_mm\n" + raw.getString(0, "bill_length_mm") + "\n\n"
                + raw.getString(2, "bill_length_mm") + "\n");

        JsonNode predictions = JSON.readTree(reply.body()).get("prediction");
        assertThat(predictions).hasSize(3);
        double[] kernel = model.predict(raw).values();
        for (int row = 0; row < 3; row++) {
            assertThat(predictions.get(row).doubleValue()).isEqualTo(kernel[row]);
        }
    }

    @Test
    void classifier_answersCsv_whenAskedFor_withAProbabilityColumnPerClass() throws Exception {
        Trained trained = Trained.classification();
        Model model = trained.session.training().model();
        Http http = serve(model);
        Table raw = EndpointTest.completeRows(trained.session.raw(), model).first(50);
        JsonNode records = JSON.readTree(http.post(EndpointTest.records(raw, model)).body());

        Http.Reply reply = http.post(CSV, csv(raw, model), "Accept", CSV);
        Http.Reply asJson = http.post(NDJSON, ndjson(raw, model));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/csv");
        List<String> lines = reply.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("prediction,probability_Adelie,probability_Chinstrap,probability_Gentoo");
        assertThat(lines).hasSize(51);
        for (int row = 0; row < 50; row++) {
            String[] cells = lines.get(row + 1).split(",");
            assertThat(cells[0]).isEqualTo(records.get("prediction").get(row).asText());
            for (int c = 0; c < 3; c++) {
                double p = records.get("probabilities").get(row).get(model.classes().get(c)).doubleValue();
                assertThat(Double.parseDouble(cells[c + 1])).isEqualTo(p);
            }
        }
        assertThat(JSON.readTree(asJson.body())).isEqualTo(records);
    }

    @Test
    void aBatchOfManyChunks_answersEveryRowInOrder() throws Exception {
        Trained trained = Trained.regression();
        Model model = trained.session.training().model();
        Http http = serve(model);
        Table raw = EndpointTest.completeRows(trained.session.raw(), model);
        int rows = 2 * Batch.CHUNK + 123;
        StringBuilder body = new StringBuilder(header(model)).append('\n');
        List<String> lines = csvLines(raw, model);
        for (int row = 0; row < rows; row++) {
            body.append(lines.get(row % lines.size())).append('\n');
        }

        JsonNode predictions = JSON.readTree(http.post(CSV, body.toString()).body()).get("prediction");

        double[] kernel = model.predict(raw).values();
        assertThat(predictions).hasSize(rows);
        for (int row = 0; row < rows; row++) {
            assertThat(predictions.get(row).doubleValue()).as("row %d", row).isEqualTo(kernel[row % lines.size()]);
        }
    }

    @Test
    void aMillionRows_streamedIn_areAllScored() throws Exception {
        Trained trained = Trained.regression();
        Model model = trained.session.training().model();
        serve(model);
        String row = csvLines(EndpointTest.completeRows(trained.session.raw(), model).first(1), model).get(0) + "\n";
        int rows = (int) Settings.MAX_ROWS;

        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/predict")).header("Content-Type", CSV)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new RepeatedRows(header(model) + "\n", row, rows))).build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream in = response.body()) {
            JsonNode predictions = JSON.readTree(in).get("prediction");
            assertThat(predictions).hasSize(rows);
            assertThat(predictions.get(rows - 1)).isEqualTo(predictions.get(0));
        }
    }

    /** A CSV body made as it is read: a header, then the same line {@code rows} times, never held whole. */
    static final class RepeatedRows extends InputStream {
        private final byte[] header;
        private final byte[] row;
        private final long rows;
        private long position;

        RepeatedRows(String header, String row, long rows) {
            this.header = header.getBytes(StandardCharsets.UTF_8);
            this.row = row.getBytes(StandardCharsets.UTF_8);
            this.rows = rows;
        }

        @Override
        public int read() {
            if (position < header.length) {
                return header[(int) position++];
            }
            long at = position - header.length;
            if (at >= rows * row.length) {
                return -1;
            }
            position++;
            return row[(int) (at % row.length)];
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    return n == 0 ? -1 : n;
                }
                b[off + n++] = (byte) c;
            }
            return n;
        }
    }

    static String header(Model model) {
        return String.join(",", model.inputs().stream().map(Model.Input::name).toList());
    }

    /** Each row of {@code raw} as a CSV line of the model's inputs, missing values empty. */
    static List<String> csvLines(Table raw, Model model) {
        List<String> lines = new ArrayList<>();
        for (int row = 0; row < raw.rowCount(); row++) {
            List<String> cells = new ArrayList<>();
            for (Model.Input input : model.inputs()) {
                Column<?> column = raw.column(input.name());
                cells.add(column.isMissing(row) ? "" : String.valueOf(column.get(row)));
            }
            lines.add(String.join(",", cells));
        }
        return lines;
    }

    static String csv(Table raw, Model model) {
        return header(model) + "\n" + String.join("\n", csvLines(raw, model)) + "\n";
    }

    static String ndjson(Table raw, Model model) throws Exception {
        StringBuilder body = new StringBuilder();
        JsonNode records = JSON.readTree(EndpointTest.records(raw, model)).get("records");
        for (JsonNode record : records) {
            body.append(JSON.writeValueAsString(record)).append('\n');
        }
        return body.toString();
    }

}
