package sluice.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import sluice.magic.UsageError;
import sluice.progress.Progress;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Delimited text (CSV, TSV, optionally gzipped): the layout from {@link CsvLayout}, column types from
 * the first rows, then the whole file read by {@link ParallelCsvReader}.
 */
final class CsvSource {
    private static final int SAMPLE_BYTES = 4 << 20;
    private static final int SAMPLE_CELLS = 1_000_000;

    private CsvSource() {
    }

    /**
     * @param fixedTypes types by column name that the file must follow (those of an earlier file of the same
     *                   set); the user's {@code --types} come on top
     */
    static Table read(Path file, IngestOptions options, Map<String, ColumnType> fixedTypes, Progress progress) throws IOException {
        CsvLayout layout = CsvLayout.detect(file, options);
        Map<String, ColumnType> userTypes = ColumnTypes.resolve(options.types(), layout.columns());
        Numerals numerals = options.numerals();
        // A thousands separator may equal the field separator (quoted "1,234" in a CSV); a decimal mark may not.
        if (layout.separator() == numerals.decimal()) {
            throw new UsageError("The fields of '" + file.getFileName() + "' are separated by '" + layout.separator()
                    + "', which cannot also mark decimals; check --decimal, or give --sep.");
        }
        CsvCells cells = new CsvCells(layout.charset(), options.missingTokens(), numerals);
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
        Table table = new ParallelCsvReader(file, layout, cells, options.limit(), progress).read(plan);
        for (int c = 0; c < width; c++) {
            if (!fixed[c] && table.column(c) instanceof StringColumn text) {
                numerals.refuseCommaNumbers(text);
            }
        }
        return table;
    }

    /** Each column's type as the first records after the header show it, and their average size in bytes. */
    record Sample(TypeGuess[] guesses, double bytesPerRecord) {
    }

    static Sample sample(Path file, CsvLayout layout, CsvCells cells, int maxRows) throws IOException {
        byte[] bytes;
        try (InputStream in = open(file)) {
            bytes = in.readNBytes(SAMPLE_BYTES);
        }
        boolean eof = bytes.length < SAMPLE_BYTES;
        int width = layout.columns().size();
        TypeGuess[] guesses = new TypeGuess[width];
        for (int c = 0; c < width; c++) {
            guesses[c] = new TypeGuess(cells.readOptions, cells.numerals);
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
