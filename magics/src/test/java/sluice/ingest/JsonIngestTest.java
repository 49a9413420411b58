package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class JsonIngestTest {
    @TempDir
    Path dir;

    private static final String RECORDS = """
            [
              {"id": 1, "name": "Ann", "score": 1.5, "ok": true, "day": "2024-01-31", "tags": {"a": [1, 2]}},
              {"id": 2, "name": null, "score": 2, "ok": false, "day": null, "tags": null},
              {"id": 3, "score": null, "ok": true, "day": "2024-02-01", "tags": ["x"], "extra": "late"}
            ]
            """;

    @Test
    void arrayOfRecords_becomesTypedColumns_withNullsAndAbsentKeysMissing() {
        IngestFixture fx = new IngestFixture(dir);
        Table t = fx.ingest(fx.write("records.json", RECORDS));
        assertThat(t.columnNames()).containsExactly("id", "name", "score", "ok", "day", "tags", "extra");
        assertThat(t.types()).containsExactly(ColumnType.INTEGER, ColumnType.STRING, ColumnType.DOUBLE, ColumnType.BOOLEAN,
                ColumnType.LOCAL_DATE, ColumnType.STRING, ColumnType.STRING);
        assertThat(t.rowCount()).isEqualTo(3);
        assertThat(t.column("name").countMissing()).isEqualTo(2);
        assertThat(t.column("score").countMissing()).isEqualTo(1);
        assertThat(t.column("extra").countMissing()).isEqualTo(2);
        assertThat(t.stringColumn("tags").asList()).containsExactly("{\"a\":[1,2]}", "", "[\"x\"]");
        assertThat(t.doubleColumn("score").get(1)).isEqualTo(2.0);
    }

    @Test
    void jsonLines_readLikeAnArray_andSkipBlankLines() {
        IngestFixture fx = new IngestFixture(dir);
        Table lines = fx.ingest(fx.write("records.jsonl", """
                {"id": 1, "name": "Ann", "score": 1.5, "ok": true, "day": "2024-01-31", "tags": {"a": [1, 2]}}
                {"id": 2, "name": null, "score": 2, "ok": false, "day": null, "tags": null}

                {"id": 3, "score": null, "ok": true, "day": "2024-02-01", "tags": ["x"], "extra": "late"}
                """));
        Table array = fx.ingest(fx.write("records.json", RECORDS));
        assertThat(lines.types()).isEqualTo(array.types());
        assertThat(lines.rowCount()).isEqualTo(3);
        assertThat(lines.stringColumn("tags").asList()).isEqualTo(array.stringColumn("tags").asList());
    }

    @Test
    void typesAndLimitAndMissing_applyToJsonToo() {
        IngestFixture fx = new IngestFixture(dir);
        String file = fx.write("codes.ndjson", "{\"zip\": \"01234\", \"v\": \"?\"}\n{\"zip\": \"98765\", \"v\": \"7\"}\n{\"zip\": \"1\", \"v\": \"8\"}\n");
        Table t = fx.ingest(file + " --types zip=text --missing ? --limit 2");
        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.stringColumn("zip").asList()).containsExactly("01234", "98765");
        assertThat(t.intColumn("v").asList()).containsExactly(null, 7);
    }

    @Test
    void valueThatDoesNotFitATypedColumn_namesTheRecordNotALine() {
        IngestFixture fx = new IngestFixture(dir);
        String file = fx.write("bad.json", "[\n{\"x\": 1},\n{\"x\": 2},\n{\"x\": \"three\"}\n]");
        assertThat(fx.error(file + " --types x=integer")).isEqualTo(
                "bad.json record 3, column 'x': 'three' is not an integer. Fix the value, read the column as text with"
                        + " --types x=text, or add the token to --missing.");
        assertThat(fx.ingest(file).column("x").type()).isEqualTo(ColumnType.STRING);
    }

    @Test
    void malformedJson_saysWhereItBreaks() {
        IngestFixture fx = new IngestFixture(dir);
        assertThat(fx.error(fx.write("broken.json", "[{\"a\": 1},\n{\"a\": 2,,}]")))
                .startsWith("broken.json is not valid JSON at line 2, column ").contains("(record 2)");
        assertThat(fx.error(fx.write("scalars.json", "[1, 2]")))
                .startsWith("scalars.json record 1: expected an object with named fields, found number.");
        assertThat(fx.error(fx.write("none.json", "[]"))).isEqualTo("none.json holds no records.");
    }

    @Test
    void failedJsonIngest_leavesTheSessionAsItWas() {
        IngestFixture fx = new IngestFixture(dir);
        Table before = fx.ingest(fx.write("good.json", RECORDS));
        fx.error(fx.write("bad.json", "[{\"x\": \"a\"}]") + " --types x=integer");
        assertThat(fx.session.table()).isSameAs(before);
    }
}
