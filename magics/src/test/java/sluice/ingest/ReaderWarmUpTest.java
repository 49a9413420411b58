package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReaderWarmUpTest {
    @Test
    void readsACsvAndAParquetFileOnce_andLeavesNoFileBehind() throws IOException {
        List<String> first = ReaderWarmUp.run();
        List<String> second = ReaderWarmUp.run();

        assertThat(first).containsExactly("warm-up.csv", "warm-up.parquet");
        assertThat(second).isEmpty();
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("sluice-warm-up"));
        }
    }
}
