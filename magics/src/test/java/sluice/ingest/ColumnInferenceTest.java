package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;

class ColumnInferenceTest {
    private static final String[] POOL = {
        "1", "-7", "+3", "007", "2147483647", "2147483648", "-2147483648", "9223372036854775807", "12345678901234567890",
        "1.0", "39.00", "1.5", "-0.25", ".5", "5.", "1e5", "1E-3", "2.5e+10", "1,000", "1,5", "5%", "NaN", "Infinity", "0x10",
        "true", "False", "T", "n", "Y", "yes", "0", "2024-01-31", "2024-02-30", "01/31/2024", "13:45", "13:45:00",
        "2024-01-31T13:45:00", "2024-01-31 13:45", "31.12.2023", "03/04/2024", "", "NA", "null", "N/A", "?", "abc", " 1", "1 ", "-", "e5", "1e",
    };

    @Test
    void detect_fromStringsAndFromBytes_agree_onRandomColumns() {
        CsvCells cells = CsvCells.utf8(IngestOptions.DEFAULT_MISSING.toArray(String[]::new));
        Random random = new Random(3);
        for (int trial = 0; trial < 3000; trial++) {
            List<String> values = new ArrayList<>();
            int size = 1 + random.nextInt(6);
            int from = random.nextInt(POOL.length);
            for (int i = 0; i < size; i++) {
                values.add(POOL[(from + random.nextInt(8)) % POOL.length]);
            }
            assertThat(fromBytes(values)).as("from bytes: " + values).isEqualTo(ColumnInference.detect(values, cells));
        }
    }

    @Test
    void eachValueAlone_hasTheTypeAUserExpects() {
        CsvCells cells = CsvCells.utf8(IngestOptions.DEFAULT_MISSING.toArray(String[]::new));
        Map<String, ColumnType> expected = new LinkedHashMap<>();
        for (String v : List.of("1", "-7", "+3", "007", "2147483647", "-2147483647")) {
            expected.put(v, ColumnType.INTEGER);
        }
        // the smallest int is Tablesaw's missing marker in an int column, so it needs a long one
        for (String v : List.of("-2147483648", "2147483648", "9223372036854775807")) {
            expected.put(v, ColumnType.LONG);
        }
        for (String v : List.of("1.0", "39.00", ".5", "5.", "1e5", "2.5e+10")) {
            expected.put(v, ColumnType.DOUBLE);
        }
        // a comma, a percent sign, hex, Infinity and a 65-bit integer are never numbers here
        for (String v : List.of("12345678901234567890", "1,000", "5%", "Infinity", "0x10", "01/31/2024", "2024-02-30", "1e")) {
            expected.put(v, ColumnType.STRING);
        }
        expected.put("2024-01-31", ColumnType.LOCAL_DATE);
        expected.put("31.01.2024", ColumnType.LOCAL_DATE);
        expected.put("2024/1/31", ColumnType.LOCAL_DATE);
        expected.put("31-Jan-2024", ColumnType.LOCAL_DATE);
        expected.put("2024-01-31T13:45:00", ColumnType.LOCAL_DATE_TIME);
        expected.put("2024-01-31 13:45", ColumnType.LOCAL_DATE_TIME);
        expected.put("31.01.2024 13:45:00.250", ColumnType.LOCAL_DATE_TIME);
        expected.put("true", ColumnType.BOOLEAN);
        expected.put("13:45:00", ColumnType.LOCAL_TIME);
        expected.forEach((value, type) -> {
            assertThat(ColumnInference.detect(List.of(value), cells)).as(value).isEqualTo(type);
            assertThat(fromBytes(List.of(value))).as("from bytes: " + value).isEqualTo(type);
        });
    }

    private static ColumnType fromBytes(List<String> values) {
        CsvCells cells = CsvCells.utf8(IngestOptions.DEFAULT_MISSING.toArray(String[]::new));
        TypeGuess guess = new TypeGuess(cells);
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
    void allMissing_isText() {
        CsvCells cells = CsvCells.utf8(new String[] {"", "NA"});
        assertThat(ColumnInference.detect(List.of("NA", ""), cells)).isEqualTo(ColumnType.STRING);
    }
}
