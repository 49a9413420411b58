package sluice.ingest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tech.tablesaw.api.ColumnType;

/**
 * The delimited files of {@link CsvDifferentialTest}, drawn from a seeded {@link Random}: separators, four
 * encodings with and without a byte-order mark, line ends, quoting, decimal commas and thousands separators,
 * dates in many forms; each with the %ingest options that read it and its manifest entry for the Python side.
 */
final class GeneratedCsv {
    // java.time pattern, Python strptime format, whether it has a time of day
    private static final String[][] DATES = {
        {"yyyy-MM-dd", "%Y-%m-%d", ""}, {"yyyy/MM/dd", "%Y/%m/%d", ""}, {"dd.MM.yyyy", "%d.%m.%Y", ""},
        {"dd-MMM-yyyy", "%d-%b-%Y", ""}, {"yyyy-MM-dd'T'HH:mm:ss", "%Y-%m-%dT%H:%M:%S", "t"},
        {"yyyy-MM-dd HH:mm:ss", "%Y-%m-%d %H:%M:%S", "t"}, {"yyyy-MM-dd HH:mm", "%Y-%m-%d %H:%M", "t"},
        {"dd.MM.yyyy HH:mm:ss", "%d.%m.%Y %H:%M:%S", "t"},
    };
    private static final String[][] PATTERNS = {
        {"dd/MM/yyyy", "%d/%m/%Y", ""}, {"MM/dd/yyyy", "%m/%d/%Y", ""}, {"d MMM yyyy", "%d %b %Y", ""},
        {"MM/dd/yyyy HH:mm", "%m/%d/%Y %H:%M", "t"}, {"dd-MM-yyyy HH:mm:ss", "%d-%m-%Y %H:%M:%S", "t"},
    };
    private static final String[] KINDS = {"int", "long", "big", "dec", "dec", "text", "text", "date", "datetime"};

    /** One column as written: its kind, the strptime format of its dates, and the type Sluice must give it. */
    record Spec(String kind, String format, ColumnType type) {
    }

    /** One file as written, with the %ingest options that read it; the map is its manifest entry for Python. */
    record Written(Path path, String options, List<Spec> columns, Map<String, Object> entry) {
    }

    private final Path dir;

    GeneratedCsv(Path dir) {
        this.dir = dir;
    }

    /** Writes file number {@code index}: a header and 1 to 40 rows of 2 to 7 columns, each of one kind. */
    Written write(Random random, int index) throws IOException {
        String[] encodings = {"utf-8", "utf-8", "utf-8", "utf-8", "utf-8", "utf-8-sig", "cp1252", "utf-16"};
        String encoding = encodings[random.nextInt(encodings.length)];
        char sep = ",;\t|".charAt(random.nextInt(4));
        // how numbers are written: plain, --decimal , (with a thousands separator or none),
        // --thousands , (decimal point), or decimal commas the reader must find by itself
        int mode = random.nextInt(10);
        char decimal = '.';
        Character thousands = null;
        if (mode >= 6 && mode <= 7) {
            sep = sep == ',' ? ';' : sep;
            decimal = ',';
            thousands = new Character[] {null, '.', ' ', '\''}[random.nextInt(4)];
        } else if (mode == 8) {
            sep = sep == ',' ? '|' : sep;
            thousands = ',';
        } else if (mode == 9) {
            sep = ';';
            decimal = ',';
        }
        StringBuilder options = new StringBuilder();
        options.append(" --sep ").append(sep == '\t' ? "tab" : "'" + sep + "'");
        if (mode >= 6 && mode <= 7) {
            options.append(" --decimal ,");
        }
        if (thousands != null) {
            options.append(" --thousands ").append(thousands == '\'' ? "\"'\"" : "'" + thousands + "'");
        }
        String[] pattern = random.nextInt(5) == 0 ? PATTERNS[random.nextInt(PATTERNS.length)] : null;
        if (pattern != null) {
            options.append(" --date-format '").append(pattern[0]).append('\'');
        }
        boolean autoCommas = mode == 9;
        int width = 2 + random.nextInt(6);
        int rows = 1 + random.nextInt(40);
        List<Spec> specs = new ArrayList<>();
        List<String[]> dateForms = new ArrayList<>();
        String[][] cells = new String[rows][width];
        for (int c = 0; c < width; c++) {
            String kind = c == 0 && pattern != null ? (pattern[2].isEmpty() ? "date" : "datetime") : KINDS[random.nextInt(KINDS.length)];
            String[] form = null;
            if (kind.equals("date") || kind.equals("datetime")) {
                form = c == 0 && pattern != null ? pattern : pick(random, kind.equals("datetime"));
            }
            dateForms.add(form);
            ColumnType type = switch (kind) {
                case "int" -> ColumnType.INTEGER;
                case "long" -> ColumnType.LONG;
                case "dec" -> ColumnType.DOUBLE;
                case "date" -> ColumnType.LOCAL_DATE;
                case "datetime" -> ColumnType.LOCAL_DATE_TIME;
                default -> ColumnType.STRING;
            };
            specs.add(new Spec(kind, form == null ? null : form[1], type));
            for (int r = 0; r < rows; r++) {
                String value = r > 0 && random.nextInt(12) == 0 ? GeneratedValues.MISSING.get(random.nextInt(GeneratedValues.MISSING.size()))
                        : GeneratedValues.value(random, kind, r == 0, form, decimal, thousands, autoCommas, encoding, sep, pattern != null);
                cells[r][c] = field(random, value, sep);
            }
        }
        String newline = random.nextBoolean() ? "\n" : "\r\n";
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < width; c++) {
            text.append(c == 0 ? "" : String.valueOf(sep)).append("c").append(c);
        }
        for (String[] row : cells) {
            text.append(newline).append(String.join(String.valueOf(sep), row));
        }
        if (random.nextBoolean()) {
            text.append(newline);
        }
        Path path = dir.resolve("f" + index + ".csv");
        Files.write(path, bytes(text.toString(), encoding));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("path", path.toString());
        entry.put("encoding", encoding);
        entry.put("sep", String.valueOf(sep));
        entry.put("decimal", String.valueOf(decimal));
        entry.put("thousands", thousands == null ? null : String.valueOf(thousands));
        entry.put("columns", specs.stream().map(s -> {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("kind", s.kind());
            column.put("format", s.format());
            return column;
        }).toList());
        return new Written(path, options.toString(), specs, entry);
    }

    private static String[] pick(Random random, boolean withTime) {
        while (true) {
            String[] form = DATES[random.nextInt(DATES.length)];
            if (form[2].isEmpty() != withTime) {
                return form;
            }
        }
    }

    private static byte[] bytes(String text, String encoding) {
        return switch (encoding) {
            case "utf-8-sig" -> ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
            case "cp1252" -> text.getBytes(Charset.forName("windows-1252"));
            case "utf-16" -> ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
            default -> text.getBytes(StandardCharsets.UTF_8);
        };
    }

    /** The value as a field: quoted when it must be (separator, quote, line break, blanks at its ends) and at random. */
    private static String field(Random random, String value, char sep) {
        boolean must = value.indexOf(sep) >= 0 || value.contains("\"") || value.contains("\n") || value.contains("\r")
                || (!value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' '));
        return must || random.nextInt(6) == 0 ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
