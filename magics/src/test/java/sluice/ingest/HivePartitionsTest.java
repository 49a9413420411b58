package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.session.Provenance;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** Folders of key=value folders, as Spark, Hive and pyarrow write a partitioned table. */
class HivePartitionsTest {
    private static final String SCHEMA = "message sale { required int32 id; optional double amount; }";

    @TempDir
    Path dir;

    private Path sale(String path, int... ids) {
        Path file = dir.resolve(path);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ParquetFiles.write(file, SCHEMA, java.util.Arrays.stream(ids)
                .<java.util.function.Consumer<org.apache.parquet.example.data.Group>>mapToObj(id -> g -> g.append("id", id).append("amount", id * 1.5))
                .toList());
    }

    @Test
    void eachFilesRows_getTheValuesOfItsFolders_asColumnsAfterItsOwn() {
        sale("sales/year=2023/region=north/part-0.parquet", 1, 2);
        sale("sales/year=2023/region=south/part-0.parquet", 3);
        sale("sales/year=2024/region=north/part-0.parquet", 4);
        sale("sales/year=2024/region=north/part-1.parquet", 5);

        Table t = new IngestFixture(dir).ingest(IngestFixture.quoted(dir.resolve("sales")));

        assertThat(t.name()).isEqualTo("sales");
        assertThat(t.columnNames()).containsExactly("id", "amount", "year", "region");
        assertThat(t.intColumn("id").asList()).containsExactly(1, 2, 3, 4, 5);
        assertThat(t.column("year").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(t.intColumn("year").asList()).containsExactly(2023, 2023, 2023, 2024, 2024);
        assertThat(t.stringColumn("region").asList()).containsExactly("north", "north", "south", "north", "north");
    }

    @Test
    void values_areDecoded_missingIsMissing_andMarkersAreNotData() throws IOException {
        sale("t/city=New%20York/month=01/part-0.parquet", 1);
        sale("t/city=A+B%2FC/month=12/part-0.parquet", 2);
        sale("t/city=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__/part-0.parquet", 3);
        Files.writeString(dir.resolve("t/_SUCCESS"), "");
        Files.writeString(dir.resolve("t/city=New%20York/month=01/.part-0.parquet.crc"), "crc");
        sale("t/_temporary/0/part-9.parquet", 9);

        Table t = new IngestFixture(dir).ingest(IngestFixture.quoted(dir.resolve("t")));

        assertThat(t.intColumn("id").asList()).containsExactly(2, 1, 3);
        assertThat(t.stringColumn("city").asList()).containsExactly("A+B/C", "New York", "");
        assertThat(t.stringColumn("city").isMissing().size()).isEqualTo(1);
        assertThat(t.intColumn("month").asList()).containsExactly(12, 1, null);
    }

    @Test
    void aKeyWithAnyValueNotAnInteger_isText_andIntegersPast32BitsAreLong() {
        sale("t/code=7/at=5000000000/part-0.parquet", 1);
        sale("t/code=x7/at=1/part-0.parquet", 2);

        Table t = new IngestFixture(dir).ingest(IngestFixture.quoted(dir.resolve("t")));

        assertThat(t.stringColumn("code").asList()).containsExactly("7", "x7");
        assertThat(t.longColumn("at").asList()).containsExactly(5_000_000_000L, 1L);
    }

    @Test
    void csvFilesInPartitions_areReadTheSameWay() {
        IngestFixture fx = new IngestFixture(dir);
        fx.write("logs/day=1/a.csv", "level,ms\ninfo,3\nwarn,5\n");
        fx.write("logs/day=2/a.csv", "level,ms\nerror,8\n");

        Table t = fx.ingest(IngestFixture.quoted(dir.resolve("logs")));

        assertThat(t.columnNames()).containsExactly("level", "ms", "day");
        assertThat(t.intColumn("day").asList()).containsExactly(1, 1, 2);
        assertThat(t.intColumn("ms").asList()).containsExactly(3, 5, 8);
    }

    @Test
    void columnsAndLimit_mayNamePartitionKeys() {
        sale("s/year=2023/part-0.parquet", 1, 2);
        sale("s/year=2024/part-0.parquet", 3, 4);

        Table t = new IngestFixture(dir).ingest(IngestFixture.quoted(dir.resolve("s")) + " --columns year,id --limit 3");

        assertThat(t.columnNames()).containsExactly("year", "id");
        assertThat(t.intColumn("year").asList()).containsExactly(2023, 2023, 2024);
        assertThat(t.intColumn("id").asList()).containsExactly(1, 2, 3);
    }

    @Test
    void theFingerprint_coversEveryDataFileInTheOrderRead() throws Exception {
        Path a = sale("s/k=1/part-0.parquet", 1);
        Path b = sale("s/k=2/part-0.parquet", 2);
        IngestFixture fx = new IngestFixture(dir);

        fx.ingest(IngestFixture.quoted(dir.resolve("s")));

        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(Files.readAllBytes(a));
        sha.update(Files.readAllBytes(b));
        Provenance.Source source = fx.session.provenance().sources().get(0);
        assertThat(source.kind()).isEqualTo("files");
        assertThat(source.sha256()).isEqualTo(HexFormat.of().formatHex(sha.digest()));
        assertThat(source.bytes()).isEqualTo(Files.size(a) + Files.size(b));
    }

    @Test
    void aFileOutOfLine_aKeyTheFileAlsoHas_orNoDataFiles_isOneLine() throws IOException {
        IngestFixture fx = new IngestFixture(dir);
        sale("a/year=2023/part-0.parquet", 1);
        sale("a/year=2023/extra/part-1.parquet", 2);
        assertThat(fx.error(IngestFixture.quoted(dir.resolve("a")))).isEqualTo("The folder '" + dir.resolve("a")
                + "' is read as a partitioned table (key=value folders), but 'year=2023/extra/part-1.parquet' is out of line:"
                + " its folder 'extra' is not key=value. Move the file, or read one partition by its folder.");

        sale("b/year=2023/part-0.parquet", 1);
        sale("b/region=x/part-0.parquet", 2);
        assertThat(fx.error(IngestFixture.quoted(dir.resolve("b")))).contains("'year=2023/part-0.parquet' is out of line:"
                + " its folders are year, the first file's region.");

        sale("c/id=1/part-0.parquet", 1);
        assertThat(fx.error(IngestFixture.quoted(dir.resolve("c")))).contains("has a column 'id' and lies in a folder id=…");
        assertThat(fx.error(IngestFixture.quoted(dir.resolve("c")) + " --columns id,amount"))
                .contains("has a column 'id' and lies in a folder id=…");
        fx.write("e/id=1/a.csv", "id,x\n5,1\n");
        assertThat(fx.error(IngestFixture.quoted(dir.resolve("e")) + " --columns id")).contains("has a column 'id' and lies in a folder id=…");

        Files.createDirectories(dir.resolve("d/year=2023"));
        assertThat(fx.error(IngestFixture.quoted(dir.resolve("d")))).contains("has key=value folders but no data files in them.");
        assertThat(fx.session.provenance().sources()).isEmpty();
    }

    @Test
    void oneFolderOfAPartitionedTable_readsAsAPlainFolder() {
        sale("s/year=2023/part-0.parquet", 1);
        sale("s/year=2023/part-1.parquet", 2);

        Table t = new IngestFixture(dir).ingest(IngestFixture.quoted(dir.resolve("s/year=2023")));

        assertThat(t.columnNames()).isEqualTo(List.of("id", "amount"));
        assertThat(t.rowCount()).isEqualTo(2);
    }
}
