package sluice.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import sluice.magic.UsageError;
import sluice.progress.Progress;
import tech.tablesaw.api.ColumnType;
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
     * @param notes      where to add what the report should say (the encoding, columns kept as text and why)
     */
    static Table read(Path file, IngestOptions options, Map<String, ColumnType> fixedTypes, Progress progress,
                      Collection<String> notes) throws IOException {
        CsvLayout layout = CsvLayout.detect(file, options);
        notes.add(layout.input().describe());
        if (options.decimal() != null && options.decimal() == layout.separator()) {
            throw new UsageError("'" + file.getFileName() + "' is separated by '" + layout.separator()
                    + "', the same character as --decimal: give the file's separator with --sep.");
        }
        Map<String, ColumnType> userTypes = ColumnTypes.resolve(options.types(), layout.columns());
        CsvCells cells = CsvCells.of(layout.charset(), options);
        int width = layout.columns().size();
        int rows = Math.max(200, Math.min(10_000, SAMPLE_CELLS / width));
        Sample sample = sample(file, layout, cells, rows);
        List<String> commaColumns = DecimalCommas.columns(file, layout.columns(), sample.guesses(), userTypes, cells);
        if (!commaColumns.isEmpty()) {
            String example = sample.commaExample();
            cells = cells.with(new Numerals(',', null), false);
            sample = sample(file, layout, cells, rows);
            notes.add("Read decimal commas (like '" + example + "') in " + String.join(", ", commaColumns)
                    + ". Give --decimal . if the commas mean something else.");
        }
        ColumnType[] types = new ColumnType[width];
        boolean[] fixed = new boolean[width];
        for (int c = 0; c < width; c++) {
            String name = layout.columns().get(c);
            ColumnType given = userTypes.getOrDefault(name, fixedTypes.get(name));
            TypeGuess guess = sample.guesses()[c];
            if (given == null && guess.patternMatched()) {
                // --date-format applies to this column: every value must match it, as if typed by --types
                given = cells.dates.patternType();
            }
            fixed[c] = given != null;
            if (given != null) {
                types[c] = given;
            } else if (guess.present()) {
                types[c] = guess.type();
                String note = guess.note(name);
                if (note != null) {
                    cells.notes.put(name, note);
                }
            }
        }
        ParallelCsvReader.Plan plan = new ParallelCsvReader.Plan(file.getFileName().toString(), layout.columns(),
                types, fixed, sample.bytesPerRecord());
        Table table = new ParallelCsvReader(file, layout, cells, options.limit(), progress).read(plan);
        for (String name : layout.columns()) {
            if (cells.notes.containsKey(name)) {
                notes.add(cells.notes.get(name));
            }
        }
        return table;
    }

    /** Each column's type as the first records after the header show it, and their average size in bytes. */
    record Sample(TypeGuess[] guesses, double bytesPerRecord) {
        /** The first value like 123,45 the sample saw before it was read with decimal commas. */
        String commaExample() {
            return Arrays.stream(guesses).map(g -> g.commaExample(TypeGuess.DECIMAL_COMMA)).filter(Objects::nonNull)
                    .findFirst().orElse("");
        }
    }

    static Sample sample(Path file, CsvLayout layout, CsvCells cells, int maxRows) throws IOException {
        byte[] bytes;
        try (InputStream in = layout.input().open(file)) {
            bytes = in.readNBytes(SAMPLE_BYTES);
        }
        boolean eof = bytes.length < SAMPLE_BYTES;
        int width = layout.columns().size();
        TypeGuess[] guesses = new TypeGuess[width];
        for (int c = 0; c < width; c++) {
            guesses[c] = new TypeGuess(cells);
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
}
