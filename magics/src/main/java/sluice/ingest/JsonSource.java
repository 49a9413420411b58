package sluice.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sluice.magic.UsageError;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * JSON records: an array of objects, or JSON Lines (one object per line). Keys become columns (in
 * order of first appearance; a record without a key has a missing value there), nested objects and
 * arrays stay as their JSON text, and column types are inferred from all values exactly as for CSV.
 */
final class JsonSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonSource() {
    }

    static Table read(Path file, IngestOptions options) throws IOException {
        String name = file.getFileName().toString();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        int records = 0;
        try (InputStream in = TextInput.rawUtf8(file); JsonParser parser = JSON.getFactory().createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                parser.nextToken();
            }
            while (parser.currentToken() != null && parser.currentToken() != JsonToken.END_ARRAY) {
                if (options.limit() != null && records >= options.limit()) {
                    break;
                }
                JsonNode node = JSON.readTree(parser);
                records++;
                if (!node.isObject()) {
                    throw new UsageError(name + " record " + records + ": expected an object with named fields, found "
                            + node.getNodeType().name().toLowerCase() + ". Sluice reads an array of objects or one object per line.");
                }
                int filled = records - 1;
                node.fields().forEachRemaining(field -> {
                    List<String> values = columns.computeIfAbsent(field.getKey(), key -> new ArrayList<>());
                    while (values.size() < filled) {
                        values.add(null);
                    }
                    JsonNode value = field.getValue();
                    values.add(value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString());
                });
                parser.nextToken();
            }
        } catch (JsonProcessingException e) {
            throw new UsageError(name + " is not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + " (record " + (records + 1) + "): " + e.getOriginalMessage());
        }
        if (columns.isEmpty()) {
            throw new UsageError(name + " holds no records.");
        }
        Map<String, ColumnType> userTypes = ColumnTypes.resolve(options.types(), List.copyOf(columns.keySet()));
        CsvCells cells = CsvCells.of(StandardCharsets.UTF_8, options);
        Table table = Table.create(name);
        for (Map.Entry<String, List<String>> entry : columns.entrySet()) {
            List<String> values = entry.getValue();
            while (values.size() < records) {
                values.add(null);
            }
            ColumnType given = userTypes.get(entry.getKey());
            ColumnType type = given != null ? given : ColumnInference.detect(values, cells);
            try {
                Column<?> column = ColumnInference.build(entry.getKey(), values, type, given != null, cells);
                table.addColumns(column);
            } catch (ColumnInference.BadValue bad) {
                throw ReadErrors.badValue(name + " record " + (bad.index + 1), entry.getKey(), bad.value, cells.describe(bad.type));
            }
        }
        return table;
    }
}
