package sluice.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sluice.model.Model;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One request to show in the cell: a real row of the table as a {@code records} body, the curl
 * command that sends it, and what the endpoint answered when the magic sent it itself.
 *
 * @param body   the JSON body
 * @param fromRow the table's row it was taken from, or -1 when no row had every input
 */
record Sample(String body, int fromRow) {

    /** What the endpoint answered: HTTP status, body, milliseconds. */
    record Reply(int status, String body, double millis) {
    }

    /** The first row of {@code table} with every input present and known; made-up values when there is none. */
    static Sample of(Model model, Table table) {
        List<Model.Input> inputs = model.inputs();
        if (table != null && inputs.stream().allMatch(i -> table.columnNames().contains(i.name()))) {
            for (int row = 0; row < Math.min(table.rowCount(), 10_000); row++) {
                Map<String, Object> record = record(inputs, table, row);
                if (record != null) {
                    return new Sample(json(record), row);
                }
            }
        }
        Map<String, Object> made = new LinkedHashMap<>();
        for (Model.Input input : inputs) {
            made.put(input.name(), switch (input.type()) {
                case "decimal" -> 0.0;
                case "integer" -> 0;
                case "boolean" -> false;
                case "date" -> "2024-01-01";
                case "date-time" -> "2024-01-01T00:00";
                default -> input.categories().isEmpty() ? "" : input.categories().get(0);
            });
        }
        return new Sample(json(made), -1);
    }

    private static Map<String, Object> record(List<Model.Input> inputs, Table table, int row) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (Model.Input input : inputs) {
            Column<?> column = table.column(input.name());
            if (column.isMissing(row)) {
                return null;
            }
            Object value = column.get(row);
            if (value instanceof String text && !input.categories().isEmpty() && !input.categories().contains(text)) {
                return null;
            }
            record.put(input.name(), value instanceof Number || value instanceof Boolean || value instanceof String
                    ? value : String.valueOf(value));
        }
        return record;
    }

    private static String json(Map<String, Object> record) {
        try {
            return PredictRequest.JSON.writeValueAsString(Map.of("records", List.of(record)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A curl command to paste into a shell; the token stays in its variable and never appears. */
    String curl(String url, String tokenVariable) {
        String auth = tokenVariable == null ? "" : " -H \"Authorization: Bearer $" + tokenVariable + "\"";
        return "curl -s " + url + "/predict -H 'Content-Type: application/json'" + auth + " -d '"
                + body.replace("'", "'\\''") + "'";
    }

    /** Sends the body to the running endpoint, as a client would. */
    Reply send(String url, String token) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/predict"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), (System.nanoTime() - start) / 1e6);
    }
}
