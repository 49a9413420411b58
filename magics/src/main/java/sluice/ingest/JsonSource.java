package sluice.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import sluice.magic.UsageError;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * JSON records: an array of objects, or JSON Lines (one object per line). Keys become columns (in
 * order of first appearance), and column types are inferred exactly as for CSV.
 */
final class JsonSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonSource() {
    }

    static Table read(Path file, IngestOptions options) throws IOException {
        List<Map<String, String>> records = new ArrayList<>();
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        try (InputStream in = CsvSource.open(file); JsonParser parser = JSON.getFactory().createParser(in)) {
            JsonToken first = parser.nextToken();
            boolean array = first == JsonToken.START_ARRAY;
            if (array) {
                parser.nextToken();
            }
            int record = 0;
            while (parser.currentToken() != null && parser.currentToken() != JsonToken.END_ARRAY) {
                record++;
                if (options.limit() != null && records.size() >= options.limit()) {
                    break;
                }
                JsonNode node = JSON.readTree(parser);
                if (!node.isObject()) {
                    throw new UsageError(file.getFileName() + " record " + record
                            + ": expected an object with named fields, found " + node.getNodeType().name().toLowerCase() + ".");
                }
                Map<String, String> row = new LinkedHashMap<>();
                node.fields().forEachRemaining(field -> {
                    keys.add(field.getKey());
                    JsonNode value = field.getValue();
                    row.put(field.getKey(), value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString());
                });
                records.add(row);
                parser.nextToken();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UsageError(file.getFileName() + " is not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (keys.isEmpty()) {
            throw new UsageError(file.getFileName() + " holds no records.");
        }
        StringWriter csv = new StringWriter();
        CsvWriter writer = new CsvWriter(csv, new CsvWriterSettings());
        writer.writeHeaders(keys);
        for (Map<String, String> row : records) {
            writer.writeRow(keys.stream().map(row::get).toArray());
        }
        writer.close();
        CsvReadOptions.Builder builder = CsvReadOptions.builder(new StringReader(csv.toString()))
                .tableName(file.getFileName().toString())
                .missingValueIndicator(options.missingTokens())
                .columnTypesPartial(ColumnTypes.resolve(options.types(), List.copyOf(keys)));
        try {
            return Table.read().usingOptions(builder.build());
        } catch (RuntimeException e) {
            throw ReadErrors.explain(e, file, true);
        }
    }
}
