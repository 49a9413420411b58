package sluice.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolverWarmUpTest {
    @Test
    void warmUp_resolvesItsOwnArtifactOnceAndLeavesNothingBehind(@TempDir Path tmp) throws Exception {
        assertThat(ResolverWarmUp.run(tmp)).isTrue();
        assertThat(ResolverWarmUp.run(tmp)).isFalse();
        try (var left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }
}
