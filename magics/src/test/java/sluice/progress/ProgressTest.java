package sluice.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress line as a user sees it on the cell's stream. */
class ProgressTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void aReadOverASecond_showsTimeAndShareRead_thenDone() throws Exception {
        try (Progress progress = new Progress("reading big.csv", out)) {
            InputStream in = progress.track(new ByteArrayInputStream(new byte[4_000_000]), 8_000_000);
            in.readNBytes(4_000_000);
            Thread.sleep(1_300);
        }
        String shown = printed.toString(StandardCharsets.UTF_8);
        assertThat(shown).containsPattern("^\\rreading big\\.csv: \\d+ s, 4\\.0 of 8\\.0 MB \\(50%\\)");
        assertThat(shown).endsWith(", done\n");
    }

    @Test
    void aShorterLine_coversTheTailOfTheLongerOneBefore() throws Exception {
        String[] detail = {"fitting logistic (40 of 100 trees)"};
        try (Progress progress = new Progress("training", out, java.time.Duration.ZERO)) {
            progress.detail(() -> detail[0]);
            Thread.sleep(1_200);
            detail[0] = "fold 2";
            Thread.sleep(1_100);
        }
        String shown = printed.toString(StandardCharsets.UTF_8);
        String[] lines = shown.substring(1, shown.length() - 1).split("\r");
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < lines.length; i++) {
            assertThat(lines[i].length()).as("line %d %s", i, lines[i]).isGreaterThanOrEqualTo(lines[i - 1].stripTrailing().length());
        }
        assertThat(lines[lines.length - 1].stripTrailing()).endsWith("fold 2, done");
    }

    @Test
    void aQuickRead_showsNothing() {
        try (Progress progress = new Progress("reading small.csv", out)) {
            progress.track(new ByteArrayInputStream(new byte[10]), 10);
        }
        assertThat(printed.size()).isZero();
    }

    @Test
    void workPastTheDelay_endsWithItsLine_evenBeforeATick() {
        try (Progress progress = new Progress("exploring t", out, java.time.Duration.ZERO)) {
            progress.detail(() -> "3 of 12 columns");
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).containsPattern("\\rexploring t: \\d+ s, 3 of 12 columns, done\n$");
    }
}
