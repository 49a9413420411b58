package sluice.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private final History history = new History();

    HistoryTest() {
        history.add(1, "int x = 1;", null);
        history.add(2, "x + 1", "2");
        history.add(3, "x + 1", "2");
        history.add(4, "%lsmagic", "...");
    }

    @Test
    void tail_givesTheLastEntries_withOutputWhenAsked() {
        assertThat(history.tail(2, false)).containsExactly(List.of(1, 3, "x + 1"), List.of(1, 4, "%lsmagic"));
        assertThat(history.tail(1, true)).containsExactly(List.of(1, 4, Arrays.asList("%lsmagic", "...")));
    }

    @Test
    void range_isStartInclusiveStopExclusive() {
        assertThat(history.range(2, 3, false)).containsExactly(List.of(1, 2, "x + 1"));
        assertThat(history.range(3, 0, false)).hasSize(2);
    }

    @Test
    void search_matchesGlobs_uniqueDropsRepeats_nKeepsTheLast() {
        assertThat(history.search("x*", 0, false, false)).hasSize(2);
        assertThat(history.search("x*", 0, true, false)).containsExactly(List.of(1, 3, "x + 1"));
        assertThat(history.search("*", 1, false, false)).containsExactly(List.of(1, 4, "%lsmagic"));
        assertThat(history.search("?lsmagic", 0, false, false)).hasSize(1);
    }
}
