package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class ParquetIngestTest {
    @TempDir
    Path dir;

    private static final String EVERY_TYPE = """
            message every {
              required int32 id;
              optional int64 big;
              optional int32 small (INTEGER(8, true));
              optional int32 unsigned (INTEGER(32, false));
              optional double score;
              optional float ratio;
              optional boolean ok;
              optional int32 day (DATE);
              optional int64 at (TIMESTAMP(MILLIS, true));
              optional int64 at_micros (TIMESTAMP(MICROS, false));
              optional int32 clock (TIME(MILLIS, true));
              optional binary name (STRING);
              optional binary kind (ENUM);
              optional int32 price (DECIMAL(9, 2));
              optional fixed_len_byte_array(16) key (UUID);
            }""";

    private static Consumer<Group> everyTypeRow(int i) {
        return g -> {
            g.append("id", i);
            if (i == 1) {
                return; // every optional column null
            }
            g.append("big", 5_000_000_000L + i).append("small", -i).append("unsigned", (int) 4_000_000_000L)
                    .append("score", i + 0.25).append("ratio", 0.1f).append("ok", i % 2 == 0)
                    .append("day", (int) LocalDate.of(2024, 1, 31).toEpochDay())
                    .append("at", LocalDateTime.of(2024, 1, 31, 13, 45, 7, 250_000_000).toInstant(java.time.ZoneOffset.UTC).toEpochMilli())
                    .append("at_micros", 1_706_708_707_000_000L).append("clock", 13 * 3_600_000 + 45 * 60_000)
                    .append("name", "n" + i).append("kind", i % 2 == 0 ? "even" : "odd").append("price", 12_345 + i)
                    .append("key", Binary.fromConstantByteArray(bytes(new UUID(1, i))));
        };
    }

    private static byte[] bytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
    }

    private static List<Consumer<Group>> rows(int n, java.util.function.IntFunction<Consumer<Group>> row) {
        List<Consumer<Group>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(row.apply(i));
        }
        return rows;
    }

    @Test
    void everyMappedType_readsAsTheCsvTypesWould_andNullsAreMissing() {
        IngestFixture fx = new IngestFixture(dir);
        Path file = ParquetFiles.write(dir.resolve("every.parquet"), EVERY_TYPE, rows(3, ParquetIngestTest::everyTypeRow));
        Table t = fx.ingest(IngestFixture.quoted(file));
        assertThat(t.name()).isEqualTo("every.parquet");
        assertThat(t.types()).containsExactly(ColumnType.INTEGER, ColumnType.LONG, ColumnType.INTEGER, ColumnType.LONG,
                ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.BOOLEAN, ColumnType.LOCAL_DATE, ColumnType.LOCAL_DATE_TIME,
                ColumnType.LOCAL_DATE_TIME, ColumnType.LOCAL_TIME, ColumnType.STRING, ColumnType.STRING, ColumnType.DOUBLE,
                ColumnType.STRING);
        assertThat(t.rowCount()).isEqualTo(3);
        for (String column : t.columnNames()) {
            assertThat(t.column(column).isMissing(1)).as(column).isEqualTo(!column.equals("id"));
        }
        assertThat(t.intColumn("id").asList()).containsExactly(0, 1, 2);
        assertThat(t.longColumn("big").get(2)).isEqualTo(5_000_000_002L);
        assertThat(t.intColumn("small").get(2)).isEqualTo(-2);
        assertThat(t.longColumn("unsigned").get(2)).isEqualTo(4_000_000_000L);
        assertThat(t.doubleColumn("score").get(2)).isEqualTo(2.25);
        assertThat(t.doubleColumn("ratio").get(2)).isEqualTo(0.1);
        assertThat(t.booleanColumn("ok").get(0)).isTrue();
        assertThat(t.booleanColumn("ok").get(2)).isTrue();
        assertThat(t.dateColumn("day").get(2)).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(t.dateTimeColumn("at").get(2)).isEqualTo(LocalDateTime.of(2024, 1, 31, 13, 45, 7, 250_000_000));
        assertThat(t.dateTimeColumn("at_micros").get(2)).isEqualTo(LocalDateTime.of(2024, 1, 31, 13, 45, 7));
        assertThat(t.timeColumn("clock").get(2)).isEqualTo(LocalTime.of(13, 45));
        assertThat(t.stringColumn("name").get(2)).isEqualTo("n2");
        assertThat(t.stringColumn("kind").asList()).containsExactly("even", "", "even");
        assertThat(t.doubleColumn("price").get(2)).isEqualTo(123.47);
        assertThat(t.stringColumn("key").get(2)).isEqualTo(new UUID(1, 2).toString());
    }

    @Test
    void valuesSluiceCannotHoldAsTheyAre_keepEveryDigitAsText() {
        IngestFixture fx = new IngestFixture(dir);
        Path file = ParquetFiles.write(dir.resolve("fine.parquet"), """
                message fine {
                  optional int64 at (TIMESTAMP(MICROS, true));
                  optional binary amount (DECIMAL(20, 2));
                  optional binary rate (DECIMAL(20, 2));
                  optional int32 code;
                }""", List.of(
                g -> g.append("at", 1_706_708_707_123_456L).append("amount", decimal("123456789012345678.91"))
                        .append("rate", decimal("0.25")).append("code", Integer.MIN_VALUE),
                g -> g.append("at", 0L).append("rate", decimal("-1.50")).append("code", 7)));
        Table t = fx.ingest(IngestFixture.quoted(file));
        assertThat(t.stringColumn("at").asList()).containsExactly("2024-01-31T13:45:07.123456", "1970-01-01T00:00");
        assertThat(t.stringColumn("amount").asList()).containsExactly("123456789012345678.91", "");
        assertThat(t.doubleColumn("rate").asList()).containsExactly(0.25, -1.5);
        // Integer.MIN_VALUE is IntColumn's missing value, so the column widens rather than losing it.
        assertThat(t.longColumn("code").asList()).containsExactly((long) Integer.MIN_VALUE, 7L);
    }

    private static Binary decimal(String value) {
        BigInteger unscaled = new java.math.BigDecimal(value).setScale(2).unscaledValue();
        return Binary.fromConstantByteArray(unscaled.toByteArray());
    }

    @Test
    void legacyInt96Timestamps_andUnannotatedBinaryText_areRead() {
        IngestFixture fx = new IngestFixture(dir);
        LocalDateTime when = LocalDateTime.of(2023, 12, 31, 23, 59, 58, 500_000_000);
        long julianDay = when.toLocalDate().toEpochDay() + 2_440_588L;
        Path file = ParquetFiles.write(dir.resolve("spark.parquet"), "message spark { optional int96 ts; optional binary city; }",
                List.of(g -> g.append("ts", new NanoTime((int) julianDay, when.toLocalTime().toNanoOfDay())).append("city", "Zürich")));
        Table t = fx.ingest(IngestFixture.quoted(file));
        assertThat(t.dateTimeColumn("ts").get(0)).isEqualTo(when);
        assertThat(t.stringColumn("city").get(0)).isEqualTo("Zürich");

        Path bytes = ParquetFiles.write(dir.resolve("bytes.parquet"), "message b { optional binary blob; }",
                List.of(g -> g.append("blob", Binary.fromConstantByteArray(new byte[]{(byte) 0xFF, 0x00}))));
        assertThat(fx.error(IngestFixture.quoted(bytes))).isEqualTo("bytes.parquet column 'blob' is binary data that is not UTF-8 text,"
                + " which Sluice does not read; name the other columns with --columns to read those.");
    }

    @Test
    void columns_areReadInTheOrderAsked_andAnUnknownOneSaysWhichAreThere() {
        IngestFixture fx = new IngestFixture(dir);
        String file = IngestFixture.quoted(ParquetFiles.write(dir.resolve("every.parquet"), EVERY_TYPE, rows(3, ParquetIngestTest::everyTypeRow)));
        Table t = fx.ingest(file + " --columns name,id");
        assertThat(t.columnNames()).containsExactly("name", "id");
        assertThat(t.intColumn("id").asList()).containsExactly(0, 1, 2);
        assertThat(fx.error(file + " --columns id,nmae")).startsWith("No column 'nmae' in --columns. Did you mean 'name'? Columns: id, big, small,");
        assertThat(fx.session.table()).isSameAs(t);
    }

    @Test
    void columnsAndLimit_readNothingElse_soADamagedColumnOrRowGroupOutsideThemDoesNotMatter() throws Exception {
        IngestFixture fx = new IngestFixture(dir);
        Path file = ParquetFiles.write(dir.resolve("groups.parquet"), "message g { required int32 id; required binary label (STRING); }",
                CompressionCodecName.UNCOMPRESSED, 1_000, rows(3_000, i -> g -> g.append("id", i).append("label", "row " + i)));
        org.apache.parquet.hadoop.metadata.ParquetMetadata footer;
        try (var reader = ParquetSource.open(file)) {
            footer = reader.getFooter();
        }
        assertThat(footer.getBlocks()).hasSizeGreaterThan(1);
        long firstGroupRows = footer.getBlocks().get(0).getRowCount();
        var labels = footer.getBlocks().get(0).getColumns().get(1);
        var secondGroup = footer.getBlocks().get(1).getColumns().get(0);
        byte[] bytes = Files.readAllBytes(file);
        java.util.Arrays.fill(bytes, (int) labels.getStartingPos(), (int) labels.getStartingPos() + 16, (byte) 0xFF);
        java.util.Arrays.fill(bytes, (int) secondGroup.getStartingPos(), (int) secondGroup.getStartingPos() + 16, (byte) 0xFF);
        Files.write(file, bytes);

        Table t = fx.ingest(IngestFixture.quoted(file) + " --columns id --limit " + firstGroupRows);
        assertThat(t.rowCount()).isEqualTo((int) firstGroupRows);
        assertThat(t.intColumn("id").get((int) firstGroupRows - 1)).isEqualTo((int) firstGroupRows - 1);
        assertThat(fx.error(IngestFixture.quoted(file))).startsWith("groups.parquet could not be read as Parquet: ")
                .endsWith("The file may be damaged or cut short; write it again.");
    }

    @Test
    void limit_stopsAcrossRowGroupsAndFiles_andZeroKeepsTheTypes() {
        IngestFixture fx = new IngestFixture(dir);
        for (int part = 0; part < 3; part++) {
            int base = part * 1_000;
            ParquetFiles.write(dir.resolve("lake/part-" + part + ".parquet"), "message p { required int64 n; optional double x; }",
                    CompressionCodecName.SNAPPY, 400, rows(1_000, i -> g -> g.append("n", (long) base + i).append("x", i / 4.0)));
        }
        fx.write("lake/_SUCCESS", "");
        String lake = IngestFixture.quoted(dir.resolve("lake"));
        Table all = fx.ingest(lake);
        assertThat(all.rowCount()).isEqualTo(3_000);
        assertThat(all.longColumn("n").get(2_999)).isEqualTo(2_999L);
        assertThat(fx.ingest(lake + " --limit 1500").longColumn("n").asList()).hasSize(1_500).endsWith(1_499L);
        Table none = fx.ingest(IngestFixture.quoted(dir.resolve("lake/part-0.parquet")) + " --limit 0");
        assertThat(none.rowCount()).isZero();
        assertThat(none.types()).containsExactly(ColumnType.LONG, ColumnType.DOUBLE);
        assertThat(fx.ingest(IngestFixture.quoted(dir) + "/lake/part-*.parquet --columns x").columnNames()).containsExactly("x");
    }

    @Test
    void everyShippedCodec_readsTheSameValues() {
        IngestFixture fx = new IngestFixture(dir);
        for (CompressionCodecName codec : List.of(CompressionCodecName.UNCOMPRESSED, CompressionCodecName.SNAPPY,
                CompressionCodecName.GZIP, CompressionCodecName.ZSTD, CompressionCodecName.LZ4_RAW)) {
            Path file = ParquetFiles.write(dir.resolve(codec + ".parquet"), "message c { required int32 id; optional binary s (STRING); }",
                    codec, 1_000_000, rows(500, i -> g -> g.append("id", i).append("s", "v" + i % 7)));
            Table t = fx.ingest(IngestFixture.quoted(file));
            assertThat(t.intColumn("id").sum()).as(codec.name()).isEqualTo(499 * 500 / 2.0);
            assertThat(t.stringColumn("s").get(499)).as(codec.name()).isEqualTo("v2");
        }
    }

    @Test
    void aFileThatIsNotParquet_getsOneLine() {
        IngestFixture fx = new IngestFixture(dir);
        assertThat(fx.error(fx.write("fake.parquet", "a,b\n1,2\n"))).isEqualTo("fake.parquet is not a Parquet file (a Parquet file"
                + " starts and ends with PAR1). Check the file, or rename it to what it holds (.csv, .json).");
        byte[] cut = "PAR1 and then nothing more".getBytes(StandardCharsets.US_ASCII);
        assertThat(fx.error(fx.write("cut.parquet", cut))).endsWith("It may be cut short; copy it again.");
        assertThat(fx.error(fx.write("empty.parquet", ""))).startsWith("empty.parquet is not a Parquet file");
    }

    @Test
    void nestedColumns_areNamedWithTheirType_andTheOthersStillRead() {
        IngestFixture fx = new IngestFixture(dir);
        Path file = ParquetFiles.write(dir.resolve("nested.parquet"), """
                message n {
                  required int32 id;
                  optional group tags (LIST) { repeated group list { optional binary element (STRING); } }
                  optional group place { optional double lat; optional double lon; }
                  repeated int32 scores;
                }""", List.of(g -> {
            g.append("id", 1);
            g.addGroup("tags").addGroup("list").append("element", "a");
            g.addGroup("place").append("lat", 1.0).append("lon", 2.0);
            g.append("scores", 3);
        }));
        String quoted = IngestFixture.quoted(file);
        assertThat(fx.error(quoted)).isEqualTo("nested.parquet column 'tags' is a nested list column, which Sluice does not read;"
                + " name the other columns with --columns to read those.");
        assertThat(fx.error(quoted + " --columns id,place")).contains("column 'place' is a nested struct column");
        assertThat(fx.error(quoted + " --columns scores")).contains("column 'scores' is a nested repeated column");
        assertThat(fx.ingest(quoted + " --columns id").intColumn("id").asList()).containsExactly(1);
    }

    @Test
    void textOptions_areRefusedForParquet_whichStoresItsTypes() {
        IngestFixture fx = new IngestFixture(dir);
        String file = IngestFixture.quoted(ParquetFiles.write(dir.resolve("every.parquet"), EVERY_TYPE, rows(2, ParquetIngestTest::everyTypeRow)));
        assertThat(fx.error(file + " --types id=text")).isEqualTo("--sep, --header, --no-header, --missing and --types are for text files;"
                + " every.parquet is Parquet, which stores its column types and missing values. Change types after reading with %clean cast.");
        assertThat(fx.error(file + " --sheet 1")).isEqualTo("--sheet is for Excel workbooks (.xlsx), not 'every.parquet'.");
    }

    @Test
    void filesOfAFolder_mustAgreeOnTypes() {
        IngestFixture fx = new IngestFixture(dir);
        ParquetFiles.write(dir.resolve("mixed/a.parquet"), "message m { required int32 v; }", List.of(g -> g.append("v", 1)));
        ParquetFiles.write(dir.resolve("mixed/b.parquet"), "message m { required double v; }", List.of(g -> g.append("v", 1.5)));
        assertThat(fx.error(IngestFixture.quoted(dir.resolve("mixed")))).contains("b.parquet' has column 'v' as a decimal number, but '")
                .endsWith("a.parquet' has it as an integer. Files read together need the same column types.");
    }
}
