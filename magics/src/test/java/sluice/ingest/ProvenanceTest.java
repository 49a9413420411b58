package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.magic.Magics;
import sluice.magic.UsageError;
import sluice.session.Provenance;
import sluice.session.Session;

class ProvenanceTest {
    @TempDir
    Path dir;

    private final Session session = new Session();
    private final Magics magics = new Magics().add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session));

    @Test
    void ingest_recordsTheFilesSha256SizeAndShape() throws Exception {
        Path file = dir.resolve("scores.csv");
        Files.writeString(file, "name,score\nann,1\nbob,2\ncid,3\n");

        magics.run(Magics.Kind.LINE, "ingest '" + file + "' --as scores", null);

        assertThat(session.provenance().sources()).containsExactly(new Provenance.Source(
                "file", file.toString(), sha256(Files.readAllBytes(file)), Files.size(file), 3, 2, "scores"));
    }

    @Test
    void ingestOutput_carriesTheFingerprintInItsMetadata_whichJupyterKeepsInTheNotebook() throws Exception {
        Path file = dir.resolve("a.csv");
        Files.writeString(file, "x\n1\n");

        IngestReport report = (IngestReport) magics.run(Magics.Kind.LINE, "ingest '" + file + "'", null);

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> sluice = (Map<String, Map<String, Object>>) report.bundle().metadata().get("sluice");
        assertThat(sluice.get("ingested")).containsEntry("sha256", sha256(Files.readAllBytes(file)))
                .containsEntry("rows", 1).containsEntry("kind", "file").doesNotContainKey("name");
    }

    @Test
    void aFileOfManyBuffers_isHashedWholeBesideTheRead() throws Exception {
        StringBuilder csv = new StringBuilder("id,text\n");
        for (int i = 0; i < 200_000; i++) {
            csv.append(i).append(",row ").append(i % 97).append('\n');
        }
        Path file = Files.writeString(dir.resolve("big.csv"), csv);

        magics.run(Magics.Kind.LINE, "ingest '" + file + "'", null);

        Provenance.Source source = session.provenance().sources().get(0);
        assertThat(source.sha256()).isEqualTo(sha256(Files.readAllBytes(file)));
        assertThat(source.bytes()).isEqualTo(Files.size(file));
        assertThat(source.rows()).isEqualTo(200_000);
    }

    @Test
    void aReadThatFails_recordsNothing_andSaysTheReadersError() throws Exception {
        Path file = Files.writeString(dir.resolve("fake.parquet"), "not parquet at all\n".repeat(10_000));

        assertThatThrownBy(() -> magics.run(Magics.Kind.LINE, "ingest '" + file + "'", null))
                .isInstanceOf(UsageError.class).hasMessageContaining("is not a Parquet file");
        assertThat(session.provenance().sources()).isEmpty();
        assertThatThrownBy(session::table).hasMessageContaining("No table yet");
    }

    @Test
    void aGlob_isFingerprintedOverItsFilesInTheOrderRead() throws Exception {
        Files.writeString(dir.resolve("p1.csv"), "x\n1\n");
        Files.writeString(dir.resolve("p2.csv"), "x\n2\n");

        magics.run(Magics.Kind.LINE, "ingest '" + dir + "/p*.csv'", null);

        Provenance.Source source = session.provenance().sources().get(0);
        assertThat(source.kind()).isEqualTo("files");
        assertThat(source.sha256()).isEqualTo(sha256("x\n1\nx\n2\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(source.rows()).isEqualTo(2);
    }

    @Test
    void aChangedFile_getsADifferentFingerprint_andBothReadsAreRecorded() throws Exception {
        Path file = dir.resolve("d.csv");
        Files.writeString(file, "x\n1\n");
        magics.run(Magics.Kind.LINE, "ingest '" + file + "'", null);
        Files.writeString(file, "x\n2\n");
        magics.run(Magics.Kind.LINE, "ingest '" + file + "'", null);

        assertThat(session.provenance().sources()).extracting(Provenance.Source::sha256).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void aFailedIngest_recordsNothing() {
        try {
            magics.run(Magics.Kind.LINE, "ingest '" + dir.resolve("missing.csv") + "'", null);
        } catch (Exception expected) {
            // The error itself is tested with the other ingest errors.
        }
        assertThat(session.provenance().sources()).isEmpty();
    }

    @Test
    void seeds_areRecordedByWhatDrewWithThem_andShowInTheMap() {
        session.provenance().seed("train split", 42);
        session.provenance().seed("train split", 7);

        assertThat(session.provenance().toMap()).containsEntry("seeds", Map.of("train split", 7L));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
