package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReaderWarmUpTest {
    @TempDir
    Path tmp;

    @Test
    void readsACsvAndAParquetFileOnce_andLeavesNoFileBehind() throws IOException {
        List<String> first = ReaderWarmUp.run(tmp);
        List<String> second = ReaderWarmUp.run(tmp);

        assertThat(first).containsExactly("warm-up.csv", "warm-up.parquet");
        assertThat(second).isEmpty();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void sweep_removesTheWarmUpFoldersOfAKilledKernel_butNotAFreshOneNorOthers() throws IOException {
        Path stale = Files.createDirectories(tmp.resolve("sluice-warm-up123/dev/sluice"));
        Files.writeString(stale.resolve("warm-up-1.pom"), "<project/>");
        Path killed = tmp.resolve("sluice-warm-up123");
        java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        Files.setLastModifiedTime(killed, hourAgo);
        Path fresh = Files.createDirectory(tmp.resolve("sluice-warm-up456"));
        Path other = Files.createDirectory(tmp.resolve("someone-else"));
        Files.setLastModifiedTime(other, hourAgo);

        ReaderWarmUp.sweep(tmp);

        assertThat(killed).doesNotExist();
        assertThat(fresh).isDirectory();
        assertThat(other).isDirectory();
    }
}
