package sluice.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sluice.magic.UsageError;
import tech.tablesaw.api.ColumnType;

/**
 * How a delimited file is laid out: its separator, whether the first row names the columns, the
 * column names, and its encoding ({@link TextInput}); each taken from the options when given, else
 * from the first 64 KB.
 */
record CsvLayout(char separator, boolean header, List<String> columns, TextInput input) {
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final char[] SEPARATORS = {',', '\t', ';', '|'};

    /** The charset of the bytes the reader sees. */
    Charset charset() {
        return input.bytesCharset();
    }

    /** Separator, header and encoding as the options say, or as the first rows suggest. */
    static CsvLayout detect(Path file, IngestOptions options) throws IOException {
        byte[] head;
        try (InputStream in = TextInput.raw(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        TextInput input = TextInput.of(head, complete(head), options.encoding());
        byte[] bytes;
        try (InputStream in = input.open(file)) {
            bytes = in.readNBytes(SNIFF_BYTES);
        }
        int end = complete(bytes);
        Charset charset = input.bytesCharset();
        if (new String(bytes, 0, end, charset).isBlank()) {
            throw new UsageError("The file '" + file + "' is empty.");
        }
        char separator = options.separator() != null ? options.separator() : detectSeparator(bytes, end, file);
        if (separator > 127) {
            throw new UsageError("--sep must be a plain ASCII character, not '" + separator + "'.");
        }
        List<String[]> rows = parse(bytes, end, separator, 20, charset);
        boolean header = options.header() != null ? options.header() : looksLikeHeader(rows);
        String[] first = rows.get(0);
        List<String> columns = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < first.length; i++) {
            String name = header && first[i] != null && !first[i].isBlank() ? first[i].strip() : "C" + i;
            int count = seen.merge(name.toLowerCase(), 1, Integer::sum);
            columns.add(count == 1 ? name : name + "-" + count);
        }
        return new CsvLayout(separator, header, columns, input);
    }

    /** The end of the last whole line of the first bytes (all of them when the file is that short). */
    private static int complete(byte[] bytes) {
        if (bytes.length < SNIFF_BYTES) {
            return bytes.length;
        }
        int lastNewline = lastIndexOf(bytes, (byte) '\n');
        return lastNewline > 0 ? lastNewline + 1 : bytes.length;
    }

    private static int lastIndexOf(byte[] bytes, byte value) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** The candidate that splits the first lines into the same number (above one) of fields most often. */
    static char detectSeparator(byte[] bytes, int end, Path file) {
        char best = ',';
        int bestScore = 0;
        for (char candidate : SEPARATORS) {
            List<String[]> rows = parse(bytes, end, candidate, 20, StandardCharsets.ISO_8859_1);
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

    /**
     * Whether the first row names the columns. Each column whose later values share a type (numbers,
     * booleans, dates) votes: a first value of that type says data, another says header. Columns of
     * text all through do not vote; if none votes, the first row is a header when its values are
     * distinct, not empty, not numbers, and do not appear again below them.
     */
    static boolean looksLikeHeader(List<String[]> rows) {
        String[] first = rows.get(0);
        List<String[]> rest = rows.subList(1, rows.size()).stream().filter(r -> r.length == first.length).toList();
        int header = 0;
        int data = 0;
        if (!rest.isEmpty()) {
            CsvCells cells = CsvCells.utf8(IngestOptions.DEFAULT_MISSING.toArray(String[]::new));
            ColumnType[] types = ColumnInference.detect(rest, first.length, cells);
            for (int c = 0; c < first.length; c++) {
                if (types[c] == ColumnType.STRING || !ColumnInference.anyPresent(rest, c, cells.readOptions)) {
                    continue;
                }
                String value = first[c];
                var parser = cells.parser(types[c]);
                if (value == null || parser.isMissing(value)) {
                    continue;
                }
                if (parser.canParse(value)) {
                    data++;
                } else {
                    header++;
                }
            }
        }
        if (header != data) {
            return header > data;
        }
        boolean anyNumber = Arrays.stream(first).anyMatch(s -> s != null && s.strip().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?"));
        boolean anyEmpty = Arrays.stream(first).anyMatch(s -> s == null || s.isBlank());
        long distinct = Arrays.stream(first).filter(s -> s != null).map(String::strip).distinct().count();
        boolean repeated = false;
        for (String[] row : rest) {
            for (int c = 0; c < first.length; c++) {
                repeated |= first[c] != null && first[c].equals(row[c]);
            }
        }
        return !anyNumber && !anyEmpty && !repeated && distinct == first.length;
    }

    private static List<String[]> parse(byte[] bytes, int end, char separator, int maxRows, Charset charset) {
        CsvTokenizer tokens = new CsvTokenizer(separator);
        List<String[]> rows = new ArrayList<>();
        int pos = 0;
        while (rows.size() < maxRows) {
            int next = tokens.next(bytes, pos, end, true);
            if (next < 0) {
                break;
            }
            pos = next;
            if (tokens.isBlank() && rows.size() > 0 && rows.get(0).length > 1) {
                continue;
            }
            String[] row = new String[tokens.count];
            for (int i = 0; i < row.length; i++) {
                row[i] = tokens.starts[i] == tokens.ends[i] ? null : tokens.field(bytes, i, charset);
            }
            rows.add(row);
        }
        return rows.isEmpty() ? List.<String[]>of(new String[] {""}) : rows;
    }
}
