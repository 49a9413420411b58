package sluice.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import sluice.magic.UsageError;
import sluice.progress.Progress;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Chooses the reader for a SOURCE: a JDBC URL, an http(s) URL, or files (CSV/TSV, JSON, Parquet or Excel
 * by extension), and keeps only the {@code --columns} asked for.
 */
final class Sources {
    private Sources() {
    }

    /** @param notes where readers add what the report should say besides the table (encoding, columns kept as text) */
    static Table read(IngestOptions options, Progress progress, Collection<String> notes) throws Exception {
        return ColumnSelection.select(readAll(options, progress, notes), options.columns());
    }

    private static Table readAll(IngestOptions options, Progress progress, Collection<String> notes) throws Exception {
        String source = options.source();
        if (source.startsWith("jdbc:")) {
            return JdbcSource.read(options);
        }
        if (source.matches("(?i)https?://.*")) {
            return UrlSource.read(options, progress, notes);
        }
        Optional<HivePartitions> partitioned = HivePartitions.in(source, Path.of(""));
        if (partitioned.isPresent()) {
            HivePartitions partitions = partitioned.get();
            IngestOptions fileOptions = partitions.fileOptions(options);
            if (!fileOptions.columns().equals(options.columns())) {
                // --columns named a key, so the files are not asked for it: check on the first file's columns
                // that it holds none of that name, as a whole file is checked.
                Path first = partitions.files().get(0);
                partitions.withColumns(first, readFile(first, options.with(List.of(), 0), Map.of(), progress, new ArrayList<>()));
            }
            return readFiles(partitions.files(), Path.of(source).getFileName().toString(), fileOptions, progress,
                    notes, partitions::withColumns);
        }
        List<Path> files = ParquetSource.dataFiles(Locations.files(source));
        Path parent = files.get(0).getParent();
        return readFiles(files, parent == null ? "files" : parent.getFileName() + "/…", options, progress, notes, (file, table) -> table);
    }

    /** The source as it may be shown: passwords in URLs are masked. */
    static String describe(IngestOptions options) {
        String shown = Secrets.mask(options.source());
        if (options.table() != null) {
            return shown + " table " + options.table();
        }
        return options.query() != null ? shown + " query" : shown;
    }

    /**
     * Reads files of one schema as one table named {@code name}; later files take the first file's column types,
     * and {@code addColumns} adds what a file's path says of its rows (its partitions).
     */
    private static Table readFiles(List<Path> files, String name, IngestOptions options, Progress progress,
                                   Collection<String> notes, BiFunction<Path, Table, Table> addColumns) throws IOException {
        Table first = addColumns.apply(files.get(0), readFile(files.get(0), options, Map.of(), progress, notes));
        if (files.size() == 1) {
            return first;
        }
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (Column<?> column : first.columns()) {
            types.put(column.name(), column.type());
        }
        Table all = first.copy();
        all.setName(name);
        for (Path file : files.subList(1, files.size())) {
            if (options.limit() != null && all.rowCount() >= options.limit()) {
                break;
            }
            Table next = addColumns.apply(file, readFile(file, options, types, progress, notes));
            if (!next.columnNames().equals(first.columnNames())) {
                throw new UsageError("'" + file + "' has columns " + next.columnNames() + ", but '" + files.get(0)
                        + "' has " + first.columnNames() + ". Files read together need the same columns.");
            }
            sameTypes(next, types, file, files.get(0));
            all.append(next);
        }
        return options.limit() != null && all.rowCount() > options.limit() ? all.first(options.limit()) : all;
    }

    /** Files whose types are stored in them (Parquet) must agree with the first file's; text files were read with them. */
    private static void sameTypes(Table next, Map<String, ColumnType> types, Path file, Path first) {
        for (Column<?> column : next.columns()) {
            ColumnType expected = types.get(column.name());
            if (!column.type().equals(expected)) {
                throw new UsageError("'" + file + "' has column '" + column.name() + "' as " + ColumnTypes.describe(column.type())
                        + ", but '" + first + "' has it as " + ColumnTypes.describe(expected)
                        + ". Files read together need the same column types.");
            }
        }
    }

    static Table readFile(Path file, IngestOptions options, Map<String, ColumnType> types, Progress progress,
                          Collection<String> notes) throws IOException {
        String name = file.getFileName().toString().toLowerCase().replaceFirst("\\.gz$", "");
        boolean excel = ExcelSource.isWorkbook(name);
        if (options.sheet() != null && !excel) {
            throw new UsageError("--sheet is for Excel workbooks (.xlsx), not '" + file.getFileName() + "'.");
        }
        if (excel) {
            return ExcelSource.read(file, options);
        }
        if (name.endsWith(".parquet")) {
            return ParquetSource.read(file, options);
        }
        if (name.endsWith(".xls")) {
            throw new UsageError("'" + file.getFileName() + "' is an old Excel workbook (.xls), which Sluice does not read;"
                    + " save it as .xlsx (Excel or LibreOffice: Save As) or export the sheet to CSV.");
        }
        if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JsonSource.read(file, options);
        }
        return CsvSource.read(file, options, types, progress, notes);
    }
}
