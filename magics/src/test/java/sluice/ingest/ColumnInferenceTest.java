package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.io.ColumnTypeDetector;
import tech.tablesaw.io.ReadOptions;

class ColumnInferenceTest {
    private static final String[] POOL = {
        "1", "-7", "+3", "007", "2147483647", "2147483648", "-2147483648", "9223372036854775807", "12345678901234567890",
        "1.0", "39.00", "1.5", "-0.25", ".5", "5.", "1e5", "1E-3", "2.5e+10", "5%", "NaN", "Infinity", "0x10",
        "true", "False", "T", "n", "Y", "yes", "0", "2024-01-31", "2024-02-30", "01/31/2024", "13:45", "13:45:00",
        "2024-01-31T13:45:00", "2024-01-31 13:45", "", "NA", "null", "N/A", "?", "abc", " 1", "1 ", "-", "e5", "1e",
    };

    @Test
    void detect_agreesWithTablesawsDetector_onRandomColumns() {
        ReadOptions options = CsvCells.utf8(IngestOptions.DEFAULT_MISSING.toArray(String[]::new)).readOptions;
        Random random = new Random(3);
        for (int trial = 0; trial < 3000; trial++) {
            List<String> values = new ArrayList<>();
            int size = 1 + random.nextInt(6);
            int from = random.nextInt(POOL.length);
            for (int i = 0; i < size; i++) {
                values.add(POOL[(from + random.nextInt(8)) % POOL.length]);
            }
            ColumnType tablesaw = new ColumnTypeDetector(options.columnTypesToDetect())
                    .detectColumnTypes(values.stream().map(v -> new String[] {v}).iterator(), options)[0];
            assertThat(ColumnInference.detect(values, options)).as(values.toString()).isEqualTo(tablesaw);
            assertThat(fromBytes(values)).as("from bytes: " + values).isEqualTo(tablesaw);
        }
    }

    private static ColumnType fromBytes(List<String> values) {
        CsvCells cells = CsvCells.utf8(IngestOptions.DEFAULT_MISSING.toArray(String[]::new));
        TypeGuess guess = new TypeGuess(cells.readOptions);
        for (String value : values) {
            byte[] b = ("," + value + ",").getBytes(StandardCharsets.UTF_8);
            int end = b.length - 1;
            if (!cells.isMissing(b, 1, end, 0)) {
                guess.offer(b, 1, end, 0, cells);
            }
        }
        return guess.type();
    }

    @Test
    void aCommaInANumber_makesItText_whereTablesawWouldDropTheComma() {
        ReadOptions options = CsvCells.utf8(IngestOptions.DEFAULT_MISSING.toArray(String[]::new)).readOptions;
        assertThat(ColumnInference.detect(List.of("1,000", "2"), options)).isEqualTo(ColumnType.STRING);
        assertThat(fromBytes(List.of("12,5", "3"))).isEqualTo(ColumnType.STRING);
    }

    @Test
    void allMissing_isText() {
        ReadOptions options = CsvCells.utf8(new String[] {"", "NA"}).readOptions;
        assertThat(ColumnInference.detect(List.of("NA", ""), options)).isEqualTo(ColumnType.STRING);
    }
}
