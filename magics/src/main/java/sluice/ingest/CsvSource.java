package sluice.ingest;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import sluice.magic.UsageError;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** Delimited text (CSV, TSV, optionally gzipped) read with Tablesaw, with separator and header detected. */
final class CsvSource {
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final char[] SEPARATORS = {',', '\t', ';', '|'};

    private CsvSource() {
    }

    /** The layout detected (or given) for a file: separator, header, column names. */
    record Layout(char separator, boolean header, List<String> columns) {
    }

    static Table read(Path file, IngestOptions options, Map<String, ColumnType> fixedTypes) throws IOException {
        Layout layout = layout(file, options);
        Map<String, ColumnType> types = new java.util.LinkedHashMap<>(fixedTypes);
        types.putAll(ColumnTypes.resolve(options.types(), layout.columns()));
        CsvReadOptions.Builder builder = CsvReadOptions.builder(reader(open(file), options.limit()))
                .tableName(file.getFileName().toString())
                .separator(layout.separator())
                .header(layout.header())
                .missingValueIndicator(options.missingTokens())
                .maxCharsPerColumn(1 << 20)
                .maxNumberOfColumns(100_000)
                .columnTypesPartial(types);
        try {
            return Table.read().usingOptions(builder.build());
        } catch (RuntimeException e) {
            throw ReadErrors.explain(e, file, layout.header());
        }
    }

    /** Separator and header as the options say, or as the first rows suggest. */
    static Layout layout(Path file, IngestOptions options) throws IOException {
        String sample;
        try (InputStream in = open(file)) {
            sample = new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.UTF_8);
        }
        if (sample.isBlank()) {
            throw new UsageError("The file '" + file + "' is empty.");
        }
        int lastNewline = sample.lastIndexOf('\n');
        if (lastNewline > 0 && sample.length() == SNIFF_BYTES) {
            sample = sample.substring(0, lastNewline + 1);
        }
        char separator = options.separator() != null ? options.separator() : detectSeparator(sample, file);
        List<String[]> rows = parse(sample, separator, 20);
        boolean header = options.header() != null ? options.header() : looksLikeHeader(rows);
        String[] first = rows.get(0);
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < first.length; i++) {
            columns.add(header ? (first[i] == null ? "C" + i : first[i].strip()) : "C" + i);
        }
        return new Layout(separator, header, columns);
    }

    /** The candidate that splits the first lines into the same number (above one) of fields most often. */
    static char detectSeparator(String sample, Path file) {
        char best = ',';
        int bestScore = 0;
        for (char candidate : SEPARATORS) {
            List<String[]> rows = parse(sample, candidate, 20);
            int width = rows.get(0).length;
            if (width < 2) {
                continue;
            }
            int consistent = (int) rows.stream().filter(r -> r.length == width).count();
            int score = consistent * 1000 + width;
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        if (bestScore == 0 && file.toString().matches(".*\\.(tsv|tab)(\\.gz)?$")) {
            return '\t';
        }
        return best;
    }

    /** A first row is a header unless one of its fields reads as a number (a data row) or it repeats a name. */
    static boolean looksLikeHeader(List<String[]> rows) {
        String[] first = rows.get(0);
        long distinct = Arrays.stream(first).filter(s -> s != null).map(String::strip).distinct().count();
        boolean anyNumber = Arrays.stream(first).anyMatch(s -> s != null && s.strip().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?"));
        boolean anyEmpty = Arrays.stream(first).anyMatch(s -> s == null || s.isBlank());
        return !anyNumber && !anyEmpty && distinct == first.length;
    }

    private static List<String[]> parse(String sample, char separator, int rows) {
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setDelimiter(separator);
        settings.getFormat().setLineSeparator("\n");
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setNumberOfRecordsToRead(rows);
        settings.setMaxCharsPerColumn(1 << 20);
        settings.setMaxColumns(100_000);
        List<String[]> parsed = new CsvParser(settings).parseAll(new java.io.StringReader(sample));
        return parsed.isEmpty() ? List.<String[]>of(new String[] {""}) : parsed;
    }

    /** The file's bytes: decompressed when it ends in .gz, without a UTF-8 byte-order mark. */
    static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        return in;
    }

    private static Reader reader(InputStream in, Integer limit) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        return limit == null ? reader : new RecordLimitReader(reader, limit + 1);
    }
}
