package sluice.deploy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sluice.model.Model;
import tech.tablesaw.api.ColumnType;

/**
 * One model as the endpoint serves it: the model, its version, the raw inputs a request must give
 * (name and Tablesaw type, in feature order) and the documents it answers with, computed once. The server
 * holds one at a time and swaps it whole, so a request sees one model from start to end.
 */
record Served(Model model, Version version, List<Field> fields, byte[] schemaJson, byte[] openApiJson) {

    /**
     * One input of a request: the raw column's name, its Tablesaw type, the word users read for that type
     * (decimal, integer, text, …) and, for text, the known values.
     */
    record Field(String name, ColumnType type, String kind, List<String> categories) {
    }

    static Served of(Model model, Version version, boolean token) {
        Map<String, ColumnType> raw = model.rawColumns();
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Model.Input input : model.inputs()) {
            fields.putIfAbsent(input.name(), new Field(input.name(), raw.getOrDefault(input.name(), ColumnType.DOUBLE),
                    input.type(), input.categories()));
        }
        List<Field> list = Collections.unmodifiableList(new ArrayList<>(fields.values()));
        return new Served(model, version, list, Documents.schema(model, version, list), Documents.openApi(model, list, token));
    }

    /** The position of the input named {@code name} in {@link #fields()}, or -1 when it is not one. */
    int indexOf(String name) {
        for (int f = 0; f < fields.size(); f++) {
            if (fields.get(f).name().equals(name)) {
                return f;
            }
        }
        return -1;
    }

    /** The field names in positional order, for messages: "carat, depth, table". */
    String names() {
        return String.join(", ", fields.stream().map(Field::name).toList());
    }
}
