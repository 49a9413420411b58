package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class CsvErrorsTest {
    @TempDir
    Path dir;

    @Test
    void rowWithTooFewFields_namesItsLineAndTheColumnWithoutAValue() {
        IngestFixture fx = new IngestFixture(dir);
        assertThat(fx.error(fx.write("short.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n"))).isEqualTo(
                "short.csv line 3: 2 fields where there are 3 columns in the header; no value for column 'c'."
                        + " Fill the row (an empty field is a missing value), or check --sep.");
    }

    @Test
    void rowWithTooManyFields_namesItsLineAndTheFirstExtraValue() {
        IngestFixture fx = new IngestFixture(dir);
        assertThat(fx.error(fx.write("long.csv", "a,b\n1,2\n3,4,oops\n"))).isEqualTo(
                "long.csv line 3: 3 fields where there are 2 columns in the header; the first extra value is 'oops'."
                        + " Quote values that hold the separator, or check --sep.");
    }

    @Test
    void lineNumbers_countQuotedLineBreaksBlankLinesAndCrLf_likeAnEditor() {
        IngestFixture fx = new IngestFixture(dir);
        assertThat(fx.error(fx.write("q.csv", "a,b\n1,\"x\ny\"\n\n2,3,4\n"))).startsWith("q.csv line 5: 3 fields");
        assertThat(fx.error(fx.write("crlf.csv", "a,b\r\n1,\"x\r\ny\"\r\n2\r\n"))).startsWith("crlf.csv line 4: 1 field ");
        byte[] text = "a,b\n1,2\n3\n".getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[text.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bom, 3, text.length);
        assertThat(fx.error(fx.write("bom.csv", bom))).startsWith("bom.csv line 3: 1 field ");
        assertThat(fx.error(fx.write("nohead.csv", "1,2\n3\n") + " --no-header"))
                .startsWith("nohead.csv line 2: 1 field where there are 2 fields in the first row; no value for column 'C1'.");
    }

    @Test
    void valueThatDoesNotFitATypedColumn_namesLineColumnAndValue() {
        IngestFixture fx = new IngestFixture(dir);
        String file = fx.write("typed.csv", "x,y\n1,a\n2,b\nfoo,c\n");
        assertThat(fx.error(file + " --types x=integer")).isEqualTo(
                "typed.csv line 4, column 'x': 'foo' is not an integer. Fix the value, read the column as text with"
                        + " --types x=text, or add the token to --missing.");
        assertThat(fx.ingest(file + " --types x=integer --missing foo").intColumn("x").asList()).containsExactly(1, 2, null);
    }

    @Test
    void unknownType_suggestsTheWordOutputsUse_whileOldNamesStillRead() {
        IngestFixture fx = new IngestFixture(dir);
        String file = fx.write("types.csv", "x,y\n1,2024-01-31T10:00\n");
        assertThat(fx.error(file + " --types x=doubel")).isEqualTo("Unknown type 'doubel' for column 'x'. Did you mean 'decimal'?"
                + " Types: integer, decimal, boolean, date, date-time, text.");
        assertThat(fx.ingest(file + " --types x=double,y=datetime").types())
                .containsExactly(tech.tablesaw.api.ColumnType.DOUBLE, tech.tablesaw.api.ColumnType.LOCAL_DATE_TIME);
    }

    @Test
    void badValueAfterAQuotedLineBreak_isReportedOnTheLineItSitsOn() {
        IngestFixture fx = new IngestFixture(dir);
        String file = fx.write("note.csv", "id,note,n\n1,\"first\nsecond\",oops\n");
        assertThat(fx.error(file + " --types n=integer")).startsWith("note.csv line 3, column 'n': 'oops' is not an integer.");
        assertThat(fx.error(fx.write("d.csv", "day\n2024-01-01\n2024-13-45\n") + " --types day=date"))
                .startsWith("d.csv line 3, column 'day': '2024-13-45' is not a date (like 2024-01-31).");
    }

    @Test
    void errorsDeepInALargeFile_giveTheRightLine_whicheverThreadFoundThem() {
        IngestFixture fx = new IngestFixture(dir);
        StringBuilder csv = new StringBuilder("id,name,score\n");
        for (int i = 1; i <= 150_000; i++) {
            csv.append(i).append(',').append(i % 7 == 0 ? "\"multi\nline\"" : "plain").append(',').append(i * 0.5).append('\n');
        }
        int lines = (int) csv.chars().filter(ch -> ch == '\n').count();
        String bad = fx.write("big_bad.csv", csv + "150001,x,notanumber\n");
        assertThat(fx.error(bad + " --types score=decimal"))
                .startsWith("big_bad.csv line " + (lines + 1) + ", column 'score': 'notanumber' is not a decimal number.");
        String ragged = fx.write("big_ragged.csv", csv + "150001,x\n" + csv.substring(csv.indexOf("\n") + 1));
        assertThat(fx.error(ragged)).startsWith("big_ragged.csv line " + (lines + 1) + ": 2 fields where there are 3 columns");
    }

    @Test
    void unclosedQuote_namesTheLineWhereItOpens() {
        IngestFixture fx = new IngestFixture(dir);
        assertThat(fx.error(fx.write("open.csv", "a,b\n1,2\n3,\"never closed\n4,5\n"))).isEqualTo(
                "open.csv line 3: a quoted field opens here and never closes. Look for a stray \" in that row.");
    }

    @Test
    void failedIngest_leavesTheSessionExactlyAsItWas() {
        IngestFixture fx = new IngestFixture(dir);
        Table before = fx.ingest(IngestFixture.penguins() + " --as penguins");
        fx.error(fx.write("bad.csv", "a,b\n1,2\n3\n") + " --as bad");
        fx.error(fx.write("typed.csv", "x\n1\nfoo\n") + " --types x=integer");
        fx.error("'" + dir.resolve("nothere.csv") + "'");
        assertThat(fx.session.table()).isSameAs(before);
        assertThat(fx.session.tableNames()).containsExactly("penguins");
        assertThat(before.rowCount()).isEqualTo(344);
    }

    @Test
    void emptyFile_saysSo() {
        IngestFixture fx = new IngestFixture(dir);
        assertThat(fx.error(fx.write("empty.csv", "\n\n"))).startsWith("The file '").endsWith("empty.csv' is empty.");
    }
}
