package sluice.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrainWarmUpTest {
    @Test
    void everyAlgorithmIsTrainedOnce_andNotAgain() {
        assertThat(TrainWarmUp.run(() -> false)).hasSize(12).contains("train linear --target y --exclude label", "train random-forest --target digit")
                .anyMatch(line -> line.startsWith("train random-forest")).anyMatch(line -> line.startsWith("train gradient-boosting"));
        assertThat(TrainWarmUp.run(() -> false)).isEmpty();
    }
}
