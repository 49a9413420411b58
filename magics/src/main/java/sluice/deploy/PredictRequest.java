package sluice.deploy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Reads the body of {@code POST /predict} into raw rows: {@code {"features": [...]}} (one row),
 * {@code {"features": [[...], …]}} (positional, in feature order) or {@code {"records": [{…}, …]}}
 * (by raw column name). Every mistake is a {@link BadRequest} naming the field.
 */
final class PredictRequest {
    /** NaN and Infinity are read, so that they can be refused with the field's name rather than a parse error. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PredictRequest() {
    }

    /**
     * The rows of {@code body} as a table of the raw columns of {@code served}'s model, typed as in
     * training. The table is this thread's and is reused by its next request: use it before then.
     */
    static Table rows(byte[] body, Served served) {
        JsonNode root = parse(body);
        JsonNode features = root.get("features");
        JsonNode records = root.get("records");
        if (features != null && records != null) {
            throw BadRequest.at("features", "send either \"features\" or \"records\", not both");
        }
        if (features != null) {
            return positional(features, served);
        }
        if (records != null) {
            return byName(records, served);
        }
        throw BadRequest.at("features", "missing; send {\"features\": [" + served.names()
                + "]} or {\"records\": [{\"" + served.fields().get(0).name() + "\": …}]}");
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw BadRequest.at("body", "empty; send a JSON object such as {\"features\": [...]}");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw BadRequest.at("body", "not valid JSON: " + firstLine(e.getOriginalMessage()) + where);
        } catch (IOException e) {
            throw BadRequest.at("body", "could not be read");
        }
        if (root == null || !root.isObject()) {
            throw BadRequest.at("body", "expected a JSON object such as {\"features\": [...]}, got " + kind(root));
        }
        return root;
    }

    private static Table positional(JsonNode features, Served served) {
        if (!features.isArray()) {
            throw BadRequest.at("features", "expected an array of " + served.fields().size() + " values, got " + kind(features));
        }
        if (features.isEmpty()) {
            throw BadRequest.at("features", "empty batch; send at least one row");
        }
        boolean batch = features.get(0).isArray();
        int rows = batch ? features.size() : 1;
        List<Served.Field> fields = served.fields();
        RequestTable table = RequestTable.of(served);
        for (int r = 0; r < rows; r++) {
            JsonNode row = batch ? features.get(r) : features;
            String at = batch ? "features[" + r + "]" : "features";
            if (!row.isArray()) {
                throw BadRequest.at(at, "expected an array of " + fields.size() + " values (every row of a batch is an array), got "
                        + kind(row));
            }
            if (row.size() != fields.size()) {
                throw BadRequest.at(at, "expected " + fields.size() + " values (" + served.names() + "), got " + row.size());
            }
            for (int f = 0; f < fields.size(); f++) {
                try {
                    Values.append(table.input(f), fields.get(f), row.get(f));
                } catch (Values.Rejected e) {
                    throw BadRequest.at(at + "[" + f + "] (" + fields.get(f).name() + ")", e.getMessage());
                }
            }
        }
        return table.filled(rows);
    }

    private static Table byName(JsonNode records, Served served) {
        if (!records.isArray()) {
            throw BadRequest.at("records", "expected an array of objects, got " + kind(records));
        }
        if (records.isEmpty()) {
            throw BadRequest.at("records", "empty batch; send at least one record");
        }
        List<Served.Field> fields = served.fields();
        RequestTable table = RequestTable.of(served);
        for (int r = 0; r < records.size(); r++) {
            JsonNode record = records.get(r);
            if (!record.isObject()) {
                throw BadRequest.at("records[" + r + "]", "expected an object of column: value, got " + kind(record));
            }
            for (int f = 0; f < fields.size(); f++) {
                Served.Field field = fields.get(f);
                JsonNode value = record.get(field.name());
                if (value == null) {
                    throw BadRequest.at("records[" + r + "]." + field.name(), "missing; every record needs " + served.names());
                }
                try {
                    Values.append(table.input(f), field, value);
                } catch (Values.Rejected e) {
                    // The field's place is only spelled out for a refused value: building it for every value was garbage.
                    throw BadRequest.at("records[" + r + "]." + field.name(), e.getMessage());
                }
            }
        }
        return table.filled(records.size());
    }

    /** How a JSON value reads in a message: "the string \"0.7\"", "an object", "null". */
    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case STRING -> "the string " + Values.quote(node.asText());
            case NUMBER -> "the number " + node.asText();
            case BOOLEAN -> node.asText();
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase();
        };
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
