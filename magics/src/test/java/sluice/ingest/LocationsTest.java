package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.magic.UsageError;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class LocationsTest {
    @TempDir
    Path dir;

    @Test
    void missingFile_suggestsTheNearMiss_inThePathFormTheUserTyped() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/penguins.csv"), "a\n1\n");
        assertThatThrownBy(() -> Locations.files("data/pengins.csv", dir))
                .isInstanceOf(UsageError.class)
                .hasMessage("No file 'data/pengins.csv'. Did you mean 'data/penguins.csv'?");
        assertThatThrownBy(() -> Locations.files("./data/pengins.csv", dir))
                .hasMessage("No file './data/pengins.csv'. Did you mean './data/penguins.csv'?");
        assertThatThrownBy(() -> Locations.files("dta/penguins.csv", dir))
                .hasMessage("No file 'dta/penguins.csv'. There is no folder 'dta'.");
        assertThatThrownBy(() -> Locations.files("data/zebras.csv", dir))
                .hasMessage("No file 'data/zebras.csv'.");
    }

    @Test
    void missingFile_throughTheMagic_keepsTheRelativePathAsTyped() {
        IngestFixture fx = new IngestFixture(dir);
        assertThat(fx.error("src/test/resources/ingest/pengins.csv")).isEqualTo(
                "No file 'src/test/resources/ingest/pengins.csv'. Did you mean 'src/test/resources/ingest/penguins.csv'?");
    }

    @Test
    void folderAndGlob_ofSameSchemaFiles_readAsOneTableInNameOrder() {
        IngestFixture fx = new IngestFixture(dir);
        fx.write("parts/part-1.csv", "id,city\n1,Oslo\n2,Lima\n");
        fx.write("parts/part-2.csv", "id,city\n3,Pune\n");
        fx.write("parts/part-3.csv.gz", "id,city\n4,Nice\n5,\"Bern\"\n");
        fx.write("parts/notes.txt.bak", "ignored by the glob");
        Table glob = fx.ingest("'" + dir + "/parts/part-*.csv*'");
        assertThat(glob.intColumn("id").asList()).containsExactly(1, 2, 3, 4, 5);
        assertThat(glob.stringColumn("city").asList()).containsExactly("Oslo", "Lima", "Pune", "Nice", "Bern");

        fx.write("same/a.csv", "x,y\n1,2.5\n");
        fx.write("same/b.csv", "x,y\n3,4\n");
        Table folder = fx.ingest("'" + dir + "/same'");
        assertThat(folder.rowCount()).isEqualTo(2);
        assertThat(folder.column("y").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(fx.ingest("'" + dir + "/same' --limit 1").rowCount()).isEqualTo(1);
    }

    @Test
    void filesWithDifferentColumns_sayWhichFileDiffers() {
        IngestFixture fx = new IngestFixture(dir);
        fx.write("mixed/a.csv", "x,y\n1,2\n");
        fx.write("mixed/b.csv", "x,z\n3,4\n");
        assertThat(fx.error("'" + dir + "/mixed/*.csv'")).isEqualTo("'" + dir + "/mixed/b.csv' has columns [x, z], but '"
                + dir + "/mixed/a.csv' has [x, y]. Files read together need the same columns.");
    }

    @Test
    void laterFileWhoseValueDoesNotFitTheFirstFilesType_namesThatFileAndLine() {
        IngestFixture fx = new IngestFixture(dir);
        fx.write("grow/a.csv", "x\n1\n2\n");
        fx.write("grow/b.csv", "x\n3\n4.5\n");
        assertThat(fx.error("'" + dir + "/grow'")).startsWith("b.csv line 3, column 'x': '4.5' is not an integer.");
        assertThat(fx.ingest("'" + dir + "/grow' --types x=decimal").doubleColumn("x").asList()).containsExactly(1.0, 2.0, 3.0, 4.5);
    }

    @Test
    void globWithoutMatches_andEmptyFolder_sayWhatWasLookedFor() throws Exception {
        IngestFixture fx = new IngestFixture(dir);
        Files.createDirectories(dir.resolve("nothing"));
        assertThat(fx.error("'" + dir + "/nothing/*.csv'")).isEqualTo("No file matches '" + dir + "/nothing/*.csv'.");
        assertThat(fx.error("'" + dir + "/nothing'")).isEqualTo("The folder '" + dir + "/nothing' has no files to read.");
    }
}
