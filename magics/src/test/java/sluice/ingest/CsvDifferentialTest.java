package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    @TempDir
    Path dir;

    @Test
    void generatedFiles_readCellByCell_asPythonsCsvModuleReadsThem() throws Exception {
        requirePython();
        Random random = new Random(13);
        GeneratedCsv csv = new GeneratedCsv(dir);
        List<GeneratedCsv.Written> files = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            files.add(csv.write(random, i));
        }
        ObjectMapper json = new ObjectMapper();
        Path manifest = dir.resolve("manifest.json");
        Path out = dir.resolve("reference.json");
        json.writeValue(manifest.toFile(), files.stream().map(GeneratedCsv.Written::entry).toList());
        Process python = new ProcessBuilder(PYTHON.toString(), REFERENCE.toString(), manifest.toString(), out.toString())
                .redirectErrorStream(true).start();
        String said = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor()).as(said).isZero();
        Map<String, List<List<String>>> reference = json.readValue(out.toFile(), new TypeReference<>() { });

        List<String> disagreements = new ArrayList<>();
        long cells = 0;
        for (GeneratedCsv.Written file : files) {
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
}
