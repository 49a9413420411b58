package sluice.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import sluice.model.Model;
import sluice.model.Task;

/**
 * The documents the endpoint answers {@code GET /schema} and {@code GET /openapi.json} with, written
 * from the model's real inputs, so they cannot drift from what {@code POST /predict} accepts.
 */
final class Documents {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Documents() {
    }

    /** The model's version, the inputs expected (names, types, categories), the task, the classes, the metrics. */
    static byte[] schema(Model model, Version version, List<Served.Field> fields) {
        ObjectNode root = NODES.objectNode();
        root.put("model", describe(model));
        root.put("version", version.id());
        root.put("since", version.since().toString());
        root.put("algorithm", model.algorithm());
        root.put("task", model.task().label());
        root.put("target", model.target());
        ArrayNode inputs = root.putArray("inputs");
        for (Served.Field field : fields) {
            ObjectNode input = inputs.addObject().put("name", field.name()).put("type", field.kind());
            if (!field.categories().isEmpty()) {
                field.categories().forEach(input.putArray("categories")::add);
            }
        }
        if (model.task() == Task.CLASSIFICATION) {
            model.classes().forEach(root.putArray("classes")::add);
        }
        ObjectNode metrics = root.putObject("metrics");
        model.metrics().forEach((name, value) -> {
            if (Double.isFinite(value)) {
                metrics.put(name, value);
            }
        });
        model.versions().forEach(root.putObject("versions")::put);
        return bytes(root);
    }

    /** An OpenAPI 3.0 description of the endpoint. */
    static byte[] openApi(Model model, List<Served.Field> fields, boolean token) {
        ObjectNode root = NODES.objectNode().put("openapi", "3.0.3");
        root.putObject("info").put("title", "Sluice: " + describe(model)).put("version", "1")
                .put("description", "Predicts " + model.target() + " from raw rows, with the cleaning steps fitted in training.");
        ObjectNode schemas = root.putObject("components").putObject("schemas");
        schemas.set("Record", record(fields));
        schemas.set("Row", row(fields));
        schemas.set("PredictRequest", request());
        schemas.set("Prediction", prediction(model));
        schemas.set("Error", NODES.objectNode().put("type", "object").set("properties", NODES.objectNode()
                .<ObjectNode>set("error", type("string")).set("field", type("string"))));
        if (token) {
            root.with("components").putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer");
            root.putArray("security").addObject().putArray("bearer");
        }
        ObjectNode paths = root.putObject("paths");
        ObjectNode predict = paths.putObject("/predict").putObject("post").put("summary", "Predict " + model.target());
        ObjectNode bodies = predict.putObject("requestBody").put("required", true).putObject("content");
        bodies.putObject("application/json").set("schema", ref("PredictRequest"));
        bodies.putObject("text/csv").set("schema", type("string").put("description", "A batch: a header line naming the "
                + "raw columns of Record, in any order, then one row per line; an empty cell is missing"));
        bodies.putObject("application/x-ndjson").set("schema", type("string").put("description",
                "A batch: one Record, as JSON, per line"));
        ObjectNode responses = predict.putObject("responses");
        ObjectNode answered = response("The predictions, one per row, in order", ref("Prediction"));
        ((ObjectNode) answered.get("content")).putObject("text/csv").set("schema", type("string").put("description",
                "With Accept: text/csv, for a batch: a header prediction[,probability_CLASS…], then one line per row"));
        responses.set("200", answered);
        responses.set("400", response("Bad input; error names the field", ref("Error")));
        if (token) {
            responses.set("401", response("Missing or wrong bearer token", ref("Error")));
        }
        responses.set("413", response("JSON body over the size limit, or batch over the row limit", ref("Error")));
        ObjectNode health = paths.putObject("/health").putObject("get").put("summary", "Whether the server is up");
        health.putObject("responses").set("200", response("Up", type("object")));
        health.putArray("security");
        paths.putObject("/schema").putObject("get").put("summary", "The inputs a prediction needs")
                .putObject("responses").set("200", response("Model version, inputs, task, classes, metrics", type("object")));
        ObjectNode metrics = NODES.objectNode().put("description", "Requests, latency, rows scored, model version");
        metrics.putObject("content").putObject("text/plain").set("schema", type("string"));
        paths.putObject("/metrics").putObject("get").put("summary", "Prometheus metrics").putObject("responses").set("200", metrics);
        return bytes(root);
    }

    private static ObjectNode record(List<Served.Field> fields) {
        ObjectNode record = NODES.objectNode().put("type", "object");
        ObjectNode properties = record.putObject("properties");
        ArrayNode required = record.putArray("required");
        for (Served.Field field : fields) {
            properties.set(field.name(), value(field));
            required.add(field.name());
        }
        return record;
    }

    private static ObjectNode row(List<Served.Field> fields) {
        ArrayNode items = NODES.arrayNode();
        fields.forEach(f -> items.add(value(f)));
        return NODES.objectNode().put("type", "array").put("minItems", fields.size()).put("maxItems", fields.size())
                .put("description", "Values in this order: " + String.join(", ", fields.stream().map(Served.Field::name).toList()))
                .set("items", NODES.objectNode().set("oneOf", items));
    }

    private static ObjectNode request() {
        ArrayNode oneOf = NODES.arrayNode();
        oneOf.addObject().put("type", "object").put("description", "One row, positional").putArray("required").add("features");
        ((ObjectNode) oneOf.get(0)).putObject("properties").set("features", ref("Row"));
        oneOf.addObject().put("type", "object").put("description", "Several rows, positional").putArray("required").add("features");
        ((ObjectNode) oneOf.get(1)).putObject("properties").set("features",
                NODES.objectNode().put("type", "array").put("minItems", 1).set("items", ref("Row")));
        oneOf.addObject().put("type", "object").put("description", "Rows by raw column name").putArray("required").add("records");
        ((ObjectNode) oneOf.get(2)).putObject("properties").set("records",
                NODES.objectNode().put("type", "array").put("minItems", 1).set("items", ref("Record")));
        return NODES.objectNode().set("oneOf", oneOf);
    }

    private static ObjectNode prediction(Model model) {
        ObjectNode prediction = NODES.objectNode().put("type", "object");
        prediction.putArray("required").add("prediction");
        ObjectNode properties = prediction.putObject("properties");
        if (model.task() == Task.CLASSIFICATION) {
            ObjectNode label = type("string");
            model.classes().forEach(label.putArray("enum")::add);
            properties.set("prediction", NODES.objectNode().put("type", "array").set("items", label));
            properties.set("probabilities", NODES.objectNode().put("type", "array").put("description", "Per row, each class's probability")
                    .set("items", NODES.objectNode().put("type", "object").set("additionalProperties", type("number"))));
        } else {
            properties.set("prediction", NODES.objectNode().put("type", "array").set("items", type("number")));
        }
        return prediction;
    }

    private static ObjectNode value(Served.Field field) {
        ObjectNode value = switch (field.type().name()) {
            case "DOUBLE", "FLOAT" -> type("number");
            case "INTEGER", "LONG", "SHORT" -> type("integer");
            case "BOOLEAN" -> type("boolean");
            case "LOCAL_DATE" -> type("string").put("format", "date");
            case "LOCAL_DATE_TIME" -> type("string").put("format", "date-time");
            default -> type("string");
        };
        value.put("description", field.kind());
        if (!field.categories().isEmpty()) {
            field.categories().forEach(value.putArray("enum")::add);
        }
        return value.put("nullable", true).put("title", field.name());
    }

    private static ObjectNode response(String description, ObjectNode schema) {
        ObjectNode response = NODES.objectNode().put("description", description);
        response.putObject("content").putObject("application/json").set("schema", schema);
        return response;
    }

    private static ObjectNode type(String type) {
        return NODES.objectNode().put("type", type);
    }

    private static ObjectNode ref(String name) {
        return NODES.objectNode().put("$ref", "#/components/schemas/" + name);
    }

    /** "linear regression of price" */
    static String describe(Model model) {
        return model.algorithm() + " " + model.task().label() + " of " + model.target();
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return PredictRequest.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
