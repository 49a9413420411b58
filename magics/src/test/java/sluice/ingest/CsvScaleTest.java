package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Wide and long files, files large enough to be read in parallel stretches, and type inference
 * checked against Tablesaw's own reader reading every row (the answer a full read gives).
 */
class CsvScaleTest {
    @TempDir
    Path dir;

    @Test
    void wideFile_of1000Columns_keepsEveryColumnAndType() {
        IngestFixture fx = new IngestFixture(dir);
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < 1000; c++) {
            csv.append(c == 0 ? "" : ",").append("col_").append(c);
        }
        csv.append('\n');
        for (int r = 0; r < 50; r++) {
            for (int c = 0; c < 1000; c++) {
                csv.append(c == 0 ? "" : ",").append(c % 3 == 0 ? String.valueOf(r * c) : c % 3 == 1 ? r + ".5" : "t" + r);
            }
            csv.append('\n');
        }
        Table t = fx.ingest(fx.write("wide.csv", csv.toString()));
        assertThat(t.columnCount()).isEqualTo(1000);
        assertThat(t.rowCount()).isEqualTo(50);
        assertThat(t.column("col_999").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(t.column("col_998").type()).isEqualTo(ColumnType.STRING);
        assertThat(t.column("col_997").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(t.intColumn("col_999").get(49)).isEqualTo(49 * 999);
    }

    @Test
    void longFile_of200kRows_withQuotedLineBreaksEverywhere_readsEveryRecordWhole() {
        IngestFixture fx = new IngestFixture(dir);
        StringBuilder csv = new StringBuilder("id,note,value,cat\n");
        long sum = 0;
        for (int i = 0; i < 200_000; i++) {
            String note = i % 3 == 0 ? "\"line one\nline two, with comma\n\"\"three\"\"\"" : "plain " + i;
            csv.append(i).append(',').append(note).append(',').append(i % 11 == 0 ? "" : String.valueOf(i * 2)).append(',')
                    .append("c").append(i % 5).append('\n');
            sum += i % 11 == 0 ? 0 : i * 2L;
        }
        Table t = fx.ingest(fx.write("long.csv", csv.toString()));
        assertThat(t.rowCount()).isEqualTo(200_000);
        assertThat(t.intColumn("id").asList().subList(0, 3)).containsExactly(0, 1, 2);
        assertThat(t.intColumn("id").get(199_999)).isEqualTo(199_999);
        assertThat((long) t.intColumn("value").sum()).isEqualTo(sum);
        assertThat(t.column("value").countMissing()).isEqualTo(200_000 / 11 + 1);
        assertThat(t.stringColumn("note").get(99_999)).isEqualTo("line one\nline two, with comma\n\"three\"");
        assertThat(t.stringColumn("note").get(100_000)).isEqualTo("plain 100000");
        assertThat(t.stringColumn("cat").countUnique()).isEqualTo(5);
    }

    @Test
    void quotedFieldSpanningTheMiddleOfALargeFile_isNotCutInTwo() {
        IngestFixture fx = new IngestFixture(dir);
        StringBuilder csv = new StringBuilder("id,text\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(i).append(",short\n");
        }
        StringBuilder giant = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            giant.append("9,\"not a record\",").append(i).append('\n');
        }
        csv.append("20000,\"").append(giant.toString().replace("\"", "\"\"")).append("\"\n");
        for (int i = 20_001; i < 40_000; i++) {
            csv.append(i).append(",short\n");
        }
        Table t = fx.ingest(fx.write("giant.csv", csv.toString()));
        assertThat(t.rowCount()).isEqualTo(40_000);
        assertThat(t.intColumn("id").get(39_999)).isEqualTo(39_999);
        assertThat(t.stringColumn("text").get(20_000)).isEqualTo(giant.toString());
    }

    @Test
    void valuesBeyondTheSample_thatDoNotFitItsType_getTheTypeAFullReadGives() {
        IngestFixture fx = new IngestFixture(dir);
        StringBuilder csv = new StringBuilder("n,late,code,flag,when\n");
        for (int i = 0; i < 30_000; i++) {
            String n = i == 25_000 ? "2.5" : String.valueOf(i);
            String late = i < 20_000 ? "" : String.valueOf(i);
            String code = i == 28_000 ? "x12" : String.format("%03d", i % 1000);
            String flag = i == 29_000 ? "maybe" : i % 2 == 0 ? "true" : "false";
            String when = i == 29_999 ? "soon" : "2024-01-" + String.format("%02d", i % 28 + 1);
            csv.append(n).append(',').append(late).append(',').append(code).append(',').append(flag).append(',').append(when).append('\n');
        }
        String file = fx.write("late.csv", csv.toString());
        Table t = fx.ingest(file);
        assertThat(t.types()).containsExactly(ColumnType.DOUBLE, ColumnType.INTEGER, ColumnType.STRING, ColumnType.STRING,
                ColumnType.STRING);
        assertThat(t.doubleColumn("n").get(25_000)).isEqualTo(2.5);
        assertThat(t.doubleColumn("n").get(29_999)).isEqualTo(29_999.0);
        assertThat(t.intColumn("late").countMissing()).isEqualTo(20_000);
        assertThat(t.stringColumn("code").get(7)).isEqualTo("007");
        assertThat(t.stringColumn("code").get(28_000)).isEqualTo("x12");
        sameAsFullTablesawRead(t, dir.resolve("late.csv"));
    }

    @Test
    void randomAwkwardFiles_readExactlyAsTablesawReadsEveryRow() {
        for (long seed = 1; seed <= 3; seed++) {
            Path file = dir.resolve("random_" + seed + ".csv");
            new IngestFixture(dir).write(file.getFileName().toString(), randomCsv(new Random(seed), 40_000));
            Table ours = new IngestFixture(dir).ingest(IngestFixture.quoted(file));
            sameAsFullTablesawRead(ours, file);
        }
    }

    private static String randomCsv(Random random, int rows) {
        String[] missing = {"", "NA", "NaN", "null", "N/A"};
        StringBuilder csv = new StringBuilder("int,dec,sci,mixed,text,bool,date,sparse\n");
        for (int r = 0; r < rows; r++) {
            String[] cells = {
                String.valueOf(random.nextInt(2_000_000) - 1_000_000),
                String.valueOf(random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6)),
                String.format("%.6g", random.nextDouble() * 1e6),
                r > 35_000 && random.nextInt(100) == 0 ? "\"x,1\"" : String.valueOf(random.nextLong() / 1000),
                random.nextInt(4) == 0 ? "\"say \"\"" + r + "\"\",\nok\"" : "t" + random.nextInt(50),
                random.nextBoolean() ? "true" : "False",
                String.format("20%02d-%02d-%02d", random.nextInt(30), random.nextInt(12) + 1, random.nextInt(28) + 1),
                r % 997 == 0 ? String.valueOf(r) : "",
            };
            for (int c = 0; c < cells.length; c++) {
                if (random.nextInt(40) == 0) {
                    cells[c] = missing[random.nextInt(missing.length)];
                }
                csv.append(c == 0 ? "" : ",").append(cells[c]);
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static void sameAsFullTablesawRead(Table ours, Path file) {
        Table stock = Table.read().usingOptions(CsvReadOptions.builder(file.toFile())
                .missingValueIndicator(IngestOptions.DEFAULT_MISSING.toArray(String[]::new))
                .sample(false));
        assertThat(ours.columnNames()).isEqualTo(stock.columnNames());
        assertThat(ours.types()).as(file + " types").isEqualTo(stock.types());
        assertThat(ours.rowCount()).isEqualTo(stock.rowCount());
        for (int c = 0; c < stock.columnCount(); c++) {
            Column<?> a = ours.column(c);
            Column<?> b = stock.column(c);
            for (int r = 0; r < b.size(); r++) {
                if (!Objects.equals(a.get(r), b.get(r))) {
                    assertThat(a.get(r)).as(file.getFileName() + " " + a.name() + " row " + r).isEqualTo(b.get(r));
                }
            }
        }
    }
}
