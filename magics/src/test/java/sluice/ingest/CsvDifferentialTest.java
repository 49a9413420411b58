package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Thousands of generated delimited files (quotes, separators and line breaks inside fields, byte-order
 * marks, four encodings, missing tokens, decimal commas and thousands separators, numbers at the edges
 * of int, long and double, integers beyond 64 bits, dates in many forms) read by Sluice and by Python's
 * csv module with Python's own int(), float() and strptime() (src/test/resources/ingest/csv_reference.py),
 * compared cell by cell, with each column's type checked against what was written.
 * Without /usr/bin/python3 it is skipped with the reason printed, except under CI=true, where it fails.
 */
class CsvDifferentialTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path REFERENCE = Path.of("src/test/resources/ingest/csv_reference.py");
    private static final int FILES = 3000;
    private static final List<String> MISSING = IngestOptions.DEFAULT_MISSING;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
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

    @TempDir
    Path dir;

    /** One column as written: its kind, the strptime format of its dates, and the type Sluice must give it. */
    record Spec(String kind, String format, ColumnType type) {
    }

    /** One file as written, with the %ingest options that read it; the map is its manifest entry for Python. */
    record Written(Path path, String options, List<Spec> columns, Map<String, Object> entry) {
    }

    @Test
    void generatedFiles_readCellByCell_asPythonsCsvModuleReadsThem() throws Exception {
        requirePython();
        Random random = new Random(13);
        List<Written> files = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            files.add(write(random, i));
        }
        ObjectMapper json = new ObjectMapper();
        Path manifest = dir.resolve("manifest.json");
        Path out = dir.resolve("reference.json");
        json.writeValue(manifest.toFile(), files.stream().map(Written::entry).toList());
        Process python = new ProcessBuilder(PYTHON.toString(), REFERENCE.toString(), manifest.toString(), out.toString())
                .redirectErrorStream(true).start();
        String said = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor()).as(said).isZero();
        Map<String, List<List<String>>> reference = json.readValue(out.toFile(), new TypeReference<>() { });

        List<String> disagreements = new ArrayList<>();
        long cells = 0;
        for (Written file : files) {
            Table table = new IngestFixture(dir).ingest(IngestFixture.quoted(file.path()) + file.options());
            List<List<String>> expected = reference.get(file.path().toString());
            for (int c = 0; c < file.columns().size(); c++) {
                Column<?> column = table.column(c);
                String where = file.path().getFileName() + file.options() + " column " + c;
                if (column.type() != file.columns().get(c).type()) {
                    disagreements.add(where + ": type " + column.type() + ", written as " + file.columns().get(c));
                    continue;
                }
                assertThat(column.size()).as(where + " rows").isEqualTo(expected.get(c).size());
                for (int r = 0; r < column.size(); r++) {
                    cells++;
                    if (!same(column, r, expected.get(c).get(r))) {
                        disagreements.add(where + " row " + r + ": Sluice " + tagged(column, r) + ", Python " + expected.get(c).get(r));
                    }
                }
            }
        }
        System.out.println("CsvDifferentialTest: " + files.size() + " files, " + cells + " cells compared, "
                + disagreements.size() + " disagreements");
        assertThat(disagreements).as(disagreements.size() + " disagreements").isEmpty();
    }

    private static void requirePython() {
        if (!Files.isExecutable(PYTHON)) {
            String reason = PYTHON + " is missing, so the reference reader cannot run";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason + "; CI=true, so the differential test must run.");
            }
            System.out.println("Skipping CsvDifferentialTest: " + reason + ".");
            Assumptions.abort(reason);
        }
    }

    private static boolean same(Column<?> column, int row, String expected) {
        if (column.isMissing(row) || expected == null) {
            return column.isMissing(row) && expected == null;
        }
        if (column.type() == ColumnType.DOUBLE) {
            return expected.startsWith("f:") && Double.doubleToRawLongBits((Double) column.get(row))
                    == Double.doubleToRawLongBits(Double.parseDouble(expected.substring(2)));
        }
        return tagged(column, row).equals(expected);
    }

    private static String tagged(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return null;
        }
        Object value = column.get(row);
        if (value instanceof Integer || value instanceof Long) {
            return "i:" + value;
        }
        if (value instanceof Double d) {
            return "f:" + d;
        }
        if (value instanceof LocalDate d) {
            return "d:" + d;
        }
        if (value instanceof LocalDateTime t) {
            return "t:" + STAMP.format(t);
        }
        return "s:" + value;
    }

    private Written write(Random random, int index) throws IOException {
        String[] encodings = {"utf-8", "utf-8", "utf-8", "utf-8", "utf-8", "utf-8-sig", "cp1252", "utf-16"};
        String encoding = encodings[random.nextInt(encodings.length)];
        char sep = ",;\t|".charAt(random.nextInt(4));
        // how numbers are written: plain, --decimal , (with a thousands separator or none),
        // --thousands , (decimal point), or decimal commas the reader must find by itself
        int mode = random.nextInt(10);
        char decimal = '.';
        Character thousands = null;
        StringBuilder options = new StringBuilder(" --sep " + (sep == '\t' ? "tab" : "'" + sep + "'"));
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
        options.setLength(0);
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
                String value = r > 0 && random.nextInt(12) == 0 ? MISSING.get(random.nextInt(MISSING.size()))
                        : value(random, kind, r == 0, form, decimal, thousands, autoCommas, encoding, sep, pattern != null);
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

    /** A value of the column's kind; the first value of a column shows its kind beyond doubt. */
    private static String value(Random random, String kind, boolean first, String[] form, char decimal, Character thousands,
                                boolean autoCommas, String encoding, char sep, boolean patterned) {
        switch (kind) {
            case "int": {
                int[] edges = {0, 1, -1, 7, Integer.MAX_VALUE, -Integer.MAX_VALUE};
                long v = random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextInt(Integer.MAX_VALUE) * (random.nextBoolean() ? 1L : -1L);
                return integer(random, v, thousands);
            }
            case "long": {
                long[] edges = {Long.MAX_VALUE, -Long.MAX_VALUE, 1L << 31, -(1L << 31) - 1, 1L << 53, (1L << 53) + 1};
                long v = first || random.nextInt(3) == 0 ? edges[random.nextInt(edges.length)] : random.nextLong() / (1 + random.nextInt(1000));
                v = v == Long.MIN_VALUE ? 0 : v;
                return integer(random, v, thousands);
            }
            case "big": {
                if (first || random.nextInt(4) == 0) {
                    BigInteger big = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.valueOf(1 + random.nextInt(1000)))
                            .multiply(BigInteger.TEN.pow(random.nextInt(12)));
                    return (random.nextBoolean() ? "-" : "") + big;
                }
                return Long.toString(random.nextLong());
            }
            case "dec":
                return decimal(random, first, decimal, thousands, autoCommas);
            case "date":
            case "datetime": {
                LocalDateTime t = LocalDateTime.of(1900 + random.nextInt(200), 1 + random.nextInt(12), 1 + random.nextInt(28),
                        random.nextInt(24), random.nextInt(60), random.nextInt(60));
                if (random.nextInt(10) == 0) {
                    t = t.withMonth(2).withDayOfMonth(t.toLocalDate().isLeapYear() ? 29 : 28);
                }
                DateTimeFormatter f = DateTimeFormatter.ofPattern(form[0], Locale.ENGLISH);
                return kind.equals("date") ? f.format(t.toLocalDate()) : f.format(t);
            }
            default:
                return text(random, first, encoding, sep, patterned);
        }
    }

    private static String integer(Random random, long v, Character thousands) {
        String digits = Long.toString(Math.abs(v));
        String sign = v < 0 ? "-" : random.nextInt(10) == 0 ? "+" : "";
        if (thousands != null && random.nextBoolean()) {
            return sign + grouped(digits, thousands);
        }
        return sign + (random.nextInt(20) == 0 ? "00" : "") + digits;
    }

    private static String grouped(String digits, char thousands) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(thousands);
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    private static String decimal(Random random, boolean first, char decimal, Character thousands, boolean autoCommas) {
        String[] edges = {"1.7976931348623157E308", "4.9E-324", "2.2250738585072014E-308", "0.1", "-0.0", ".5", "5.",
            "123456789012345678", "9007199254740993", "1e22", "1e23", "0.30000000000000004", "-2.5e-7"};
        double x = random.nextGaussian() * Math.pow(10, random.nextInt(30) - 15);
        String plain;
        if (autoCommas || decimal == ',' || thousands != null || first) {
            // [-]digits.digits, with the first value's fraction of two digits (never a thousands group)
            int places = first ? 2 : random.nextInt(7);
            plain = String.format(Locale.ROOT, "%." + places + "f", x);
            if (!first && random.nextInt(8) == 0) {
                plain = Long.toString(random.nextInt(100_000));
            }
            if (!autoCommas && !first && random.nextInt(6) == 0) {
                plain = String.format(Locale.ROOT, "%.4e", x);
            }
        } else {
            String[] forms = {Double.toString(x), String.format(Locale.ROOT, "%.6g", x), String.format(Locale.ROOT, "%e", x),
                String.format(Locale.ROOT, "%.3f", x), Long.toString((long) x), edges[random.nextInt(edges.length)]};
            plain = forms[random.nextInt(forms.length)];
        }
        int point = plain.indexOf('.');
        int exponent = Math.max(plain.indexOf('e'), plain.indexOf('E'));
        int intEnd = point >= 0 ? point : exponent >= 0 ? exponent : plain.length();
        String sign = plain.startsWith("-") ? "-" : "";
        String intPart = plain.substring(sign.length(), intEnd);
        if (thousands != null && exponent < 0 && random.nextBoolean()) {
            intPart = grouped(intPart, thousands);
        }
        return sign + intPart + plain.substring(intEnd).replace('.', decimal);
    }

    /** @param patterned whether --date-format is given: then no text looks like a date (a column with one must be all dates) */
    private static String text(Random random, boolean first, String encoding, char sep, boolean patterned) {
        String[] specials = {String.valueOf(sep), "\"", "\n", "\r\n", " ", "é", "ü", "€", "ß", "日本", ",", ";", "123", "1,5",
            "2024-01-01", "03/04/2024"};
        while (true) {
            StringBuilder word = new StringBuilder();
            int length = 3 + random.nextInt(6);
            for (int i = 0; i < length; i++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            if (!first) {
                for (int k = random.nextInt(3); k > 0; k--) {
                    String special = specials[random.nextInt(specials.length)];
                    if (special.equals("日本") && encoding.equals("cp1252") || patterned && special.contains("/")) {
                        continue;
                    }
                    word.insert(random.nextInt(word.length() + 1), special);
                }
                if (random.nextInt(15) == 0) {
                    return specials[12 + random.nextInt(patterned ? 2 : 4)];
                }
            }
            String w = word.toString();
            if (!MISSING.contains(w) && !List.of("yes", "true", "false").contains(w.toLowerCase(Locale.ROOT))) {
                return w;
            }
        }
    }

    /** The value as a field: quoted when it must be (separator, quote, line break, blanks at its ends) and at random. */
    private static String field(Random random, String value, char sep) {
        boolean must = value.indexOf(sep) >= 0 || value.contains("\"") || value.contains("\n") || value.contains("\r")
                || (!value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' '));
        return must || random.nextInt(6) == 0 ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
