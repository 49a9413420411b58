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
}
