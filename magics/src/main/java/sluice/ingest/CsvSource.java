package sluice.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import sluice.magic.UsageError;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Delimited text (CSV, TSV, optionally gzipped): separator, header and charset detected from the first
 * bytes, column types from the first rows, then the whole file read by {@link ParallelCsvReader}.
 */
final class CsvSource {
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final int SAMPLE_BYTES = 4 << 20;
    private static final int SAMPLE_CELLS = 1_000_000;
    private static final char[] SEPARATORS = {',', '\t', ';', '|'};
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CsvSource() {
    }

    /** The layout detected (or given) for a file: separator, header, column names, charset. */
    record Layout(char separator, boolean header, List<String> columns, Charset charset) {
    }

    /**
     * @param fixedTypes types by column name that the file must follow (those of an earlier file of the same
     *                   set); the user's {@code --types} come on top
     */
    static Table read(Path file, IngestOptions options, Map<String, ColumnType> fixedTypes) throws IOException {
        Layout layout = layout(file, options);
        Map<String, ColumnType> userTypes = ColumnTypes.resolve(options.types(), layout.columns());
        CsvCells cells = new CsvCells(layout.charset(), options.missingTokens());
        int width = layout.columns().size();
        Sample sample = sample(file, layout, cells, Math.max(200, Math.min(10_000, SAMPLE_CELLS / width)));
        ColumnType[] types = new ColumnType[width];
        boolean[] fixed = new boolean[width];
        for (int c = 0; c < width; c++) {
            String name = layout.columns().get(c);
            ColumnType given = userTypes.getOrDefault(name, fixedTypes.get(name));
            fixed[c] = given != null;
            if (given != null) {
                types[c] = given;
            } else if (sample.guesses()[c].present()) {
                types[c] = sample.guesses()[c].type();
            }
        }
        ParallelCsvReader.Plan plan = new ParallelCsvReader.Plan(file.getFileName().toString(), layout.columns(),
                types, fixed, sample.bytesPerRecord());
        return new ParallelCsvReader(file, layout, cells, options.limit()).read(plan);
    }

    /** Each column's type as the first records after the header show it, and their average size in bytes. */
    record Sample(TypeGuess[] guesses, double bytesPerRecord) {
    }

    static Sample sample(Path file, Layout layout, CsvCells cells, int maxRows) throws IOException {
        byte[] bytes;
        try (InputStream in = open(file)) {
            bytes = in.readNBytes(SAMPLE_BYTES);
        }
        boolean eof = bytes.length < SAMPLE_BYTES;
        int width = layout.columns().size();
        TypeGuess[] guesses = new TypeGuess[width];
        for (int c = 0; c < width; c++) {
            guesses[c] = new TypeGuess(cells.readOptions);
        }
        CsvTokenizer tokens = new CsvTokenizer(layout.separator());
        int pos = layout.header() ? Math.max(0, tokens.next(bytes, 0, bytes.length, eof)) : 0;
        int dataStart = pos;
        int records = 0;
        while (records < maxRows) {
            int next = tokens.next(bytes, pos, bytes.length, eof);
            if (next < 0) {
                break;
            }
            pos = next;
            records++;
            if (tokens.count != width || (tokens.isBlank() && width > 1)) {
                continue;
            }
            for (int c = 0; c < width; c++) {
                int start = tokens.starts[c];
                int end = tokens.ends[c];
                if (!cells.isMissing(bytes, start, end, tokens.flags[c])) {
                    guesses[c].offer(bytes, start, end, tokens.flags[c], cells);
                }
            }
        }
        return new Sample(guesses, records == 0 ? 64 : (double) (pos - dataStart) / records);
    }

    /** Separator, header and charset as the options say, or as the first rows suggest. */
    static Layout layout(Path file, IngestOptions options) throws IOException {
        byte[] bytes;
        try (InputStream in = open(file)) {
            bytes = in.readNBytes(SNIFF_BYTES);
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw new UsageError("'" + file.getFileName() + "' is UTF-16 text. Save it as UTF-8 and %ingest it again.");
        }
        boolean eof = bytes.length < SNIFF_BYTES;
        int end = bytes.length;
        if (!eof) {
            int lastNewline = lastIndexOf(bytes, (byte) '\n');
            end = lastNewline > 0 ? lastNewline + 1 : end;
        }
        Charset charset = isUtf8(bytes, end) ? StandardCharsets.UTF_8 : WINDOWS_1252;
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
        return new Layout(separator, header, columns, charset);
    }

    private static boolean isUtf8(byte[] bytes, int end) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
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
            ColumnType[] types = ColumnInference.detect(rest, first.length, cells.readOptions);
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
        boolean anyNumber = java.util.Arrays.stream(first).anyMatch(s -> s != null && s.strip().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?"));
        boolean anyEmpty = java.util.Arrays.stream(first).anyMatch(s -> s == null || s.isBlank());
        long distinct = java.util.Arrays.stream(first).filter(s -> s != null).map(String::strip).distinct().count();
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

    /** The file's bytes: decompressed when it ends in .gz, without a UTF-8 byte-order mark. */
    static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        PushbackInputStream start = new PushbackInputStream(in, 3);
        byte[] bom = start.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            start.unread(bom);
        }
        return start;
    }
}
