package sluice.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import sluice.magic.UsageError;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A folder laid out as Hive, Spark and pyarrow write a partitioned table: {@code key=value} folders
 * ({@code sales/year=2024/region=north/part-0.parquet}), the data files at the bottom. Each file's rows get
 * the values of its folders as columns after the file's own (where pyarrow's {@code read_table} puts them):
 * integer when every value is an integer, text otherwise; values are %-decoded, and
 * {@code __HIVE_DEFAULT_PARTITION__} (a missing value) is missing. Names starting with '.' or '_'
 * (_SUCCESS, _temporary, .crc files) are not data, as in Spark and pyarrow.
 */
final class HivePartitions {
    private static final String MISSING = "__HIVE_DEFAULT_PARTITION__";

    private final String shown;
    private final List<String> keys;
    private final Map<Path, List<String>> values;
    private final Map<String, Column<?>> typed = new LinkedHashMap<>();

    private HivePartitions(String shown, List<String> keys, Map<Path, List<String>> values) {
        this.shown = shown;
        this.keys = keys;
        this.values = values;
    }

    /** The partitions of SOURCE, relative paths taken from {@code base}, when it is a folder holding a key=value folder. */
    static Optional<HivePartitions> in(String source, Path base) throws IOException {
        Path folder = base.resolve(source);
        if (Locations.isGlob(source) || !Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(folder)) {
            if (children.noneMatch(p -> Files.isDirectory(p) && isData(p) && p.getFileName().toString().indexOf('=') > 0)) {
                return Optional.empty();
            }
        }
        return Optional.of(of(folder, source));
    }

    /** The partitions of {@code folder}, shown in messages as {@code shown}; one line for a folder out of line. */
    private static HivePartitions of(Path folder, String shown) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> allData(folder.relativize(p))).sorted().toList();
        }
        Map<Path, List<String>> values = new LinkedHashMap<>();
        List<String> keys = null;
        for (Path file : files) {
            Path relative = folder.relativize(file);
            List<String> fileKeys = new ArrayList<>();
            List<String> fileValues = new ArrayList<>();
            for (int i = 0; i < relative.getNameCount() - 1; i++) {
                String segment = relative.getName(i).toString();
                int eq = segment.indexOf('=');
                if (eq <= 0) {
                    throw new UsageError(outOfLine(shown, relative, "its folder '" + segment + "' is not key=value"));
                }
                fileKeys.add(decode(segment.substring(0, eq)));
                fileValues.add(decode(segment.substring(eq + 1)));
            }
            if (keys == null) {
                keys = fileKeys;
            } else if (!keys.equals(fileKeys)) {
                throw new UsageError(outOfLine(shown, relative, "its folders are " + describe(fileKeys) + ", the first file's " + describe(keys)));
            }
            values.put(file, fileValues);
        }
        if (keys == null) {
            throw new UsageError("The folder '" + shown + "' has key=value folders but no data files in them.");
        }
        return new HivePartitions(shown, keys, values);
    }

    List<Path> files() {
        return List.copyOf(values.keySet());
    }

    /** The options for reading one file: --columns without the partition keys, which no file holds. */
    IngestOptions fileOptions(IngestOptions options) {
        if (options.columns().isEmpty()) {
            return options;
        }
        List<String> inFiles = options.columns().stream().filter(c -> !keys.contains(c)).toList();
        return options.with(inFiles, options.limit());
    }

    /** {@code table}, read from {@code file}, with a column per partition key holding the file's values. */
    Table withColumns(Path file, Table table) {
        List<String> fileValues = values.get(file);
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k);
            if (table.columnNames().contains(key)) {
                throw new UsageError("'" + shown + "/" + file.getFileName() + "' has a column '" + key + "' and lies in a folder "
                        + key + "=…; rename the column or the folders, since the table can hold only one '" + key + "'.");
            }
            table.addColumns(filled(typed(k), fileValues.get(k), table.rowCount()));
        }
        return table;
    }

    /** An empty column of key {@code k}'s type: integer (32 or 64 bits) when every value is one, else text. */
    private Column<?> typed(int k) {
        return typed.computeIfAbsent(keys.get(k), key -> {
            boolean integers = true;
            boolean wide = false;
            for (List<String> v : values.values()) {
                String value = v.get(k);
                if (value == null) {
                    continue;
                }
                if (!value.matches("[+-]?\\d{1,19}")) {
                    integers = false;
                    break;
                }
                try {
                    long number = Long.parseLong(value);
                    wide |= number != (int) number || number == Integer.MIN_VALUE;
                    integers &= number != Long.MIN_VALUE;
                } catch (NumberFormatException e) {
                    integers = false;
                }
            }
            return !integers ? StringColumn.create(key) : wide ? LongColumn.create(key) : IntColumn.create(key);
        });
    }

    private static Column<?> filled(Column<?> type, String value, int rows) {
        if (type instanceof IntColumn) {
            IntColumn column = IntColumn.create(type.name(), rows);
            return value == null ? column : column.setMissingTo(Integer.parseInt(value));
        }
        if (type instanceof LongColumn) {
            LongColumn column = LongColumn.create(type.name(), rows);
            return value == null ? column : column.setMissingTo(Long.parseLong(value));
        }
        StringColumn column = StringColumn.create(type.name(), rows);
        return value == null ? column : column.setMissingTo(value);
    }

    /** Hive escapes '/', '=', '%' and other characters in names and values as %XX (UTF-8); '+' stays '+'. */
    private static String decode(String text) {
        if (text.equals(MISSING)) {
            return null;
        }
        try {
            return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static boolean allData(Path relative) {
        for (Path name : relative) {
            if (!isData(name)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isData(Path path) {
        String name = path.getFileName().toString();
        return !name.startsWith(".") && !name.startsWith("_");
    }

    private static String describe(List<String> keys) {
        return keys.isEmpty() ? "none" : String.join("/", keys);
    }

    private static String outOfLine(String shown, Path relative, String why) {
        return "The folder '" + shown + "' is read as a partitioned table (key=value folders), but '" + relative
                + "' is out of line: " + why + ". Move the file, or read one partition by its folder.";
    }
}
