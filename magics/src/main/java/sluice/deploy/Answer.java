package sluice.deploy;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import sluice.model.Predictions;
import sluice.model.Task;

/**
 * The JSON bodies the endpoint answers with: {@code {"prediction": [...]}} (plus, for a classifier,
 * each row's class probabilities by label), or {@code {"error": "...", "field": "..."}}. Batches are
 * written by {@link BatchPredictions}.
 */
final class Answer {
    private Answer() {
    }

    static byte[] predictions(Predictions predictions) {
        return write(json -> {
            json.writeArrayFieldStart("prediction");
            for (int row = 0; row < predictions.size(); row++) {
                if (predictions.task() == Task.REGRESSION) {
                    number(json, predictions.values()[row]);
                } else {
                    json.writeString(predictions.labels()[row]);
                }
            }
            json.writeEndArray();
            if (predictions.task() == Task.CLASSIFICATION) {
                List<String> classes = predictions.classes();
                json.writeArrayFieldStart("probabilities");
                for (int row = 0; row < predictions.size(); row++) {
                    json.writeStartObject();
                    for (int c = 0; c < classes.size(); c++) {
                        json.writeFieldName(classes.get(c));
                        number(json, predictions.probabilities()[row][c]);
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
        });
    }

    static byte[] health(String model, Version version) {
        return write(json -> {
            json.writeStringField("status", "ok");
            json.writeStringField("model", model);
            json.writeStringField("version", version.id());
            json.writeStringField("since", version.since().toString());
        });
    }

    static byte[] error(String message, String field) {
        return error(message, field, 0);
    }

    /** {@code {"error": "...", "line": 7, "field": "carat"}}; the line only when it is not 0. */
    static byte[] error(String message, String field, long line) {
        return write(json -> {
            json.writeStringField("error", message);
            if (line > 0) {
                json.writeNumberField("line", line);
            }
            if (field != null) {
                json.writeStringField("field", field);
            }
        });
    }

    /** A value JSON cannot hold (NaN) is written as null rather than as invalid JSON. */
    static void number(JsonGenerator json, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumber(value);
        } else {
            json.writeNull();
        }
    }

    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        try (JsonGenerator json = PredictRequest.JSON.getFactory().createGenerator(out)) {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
