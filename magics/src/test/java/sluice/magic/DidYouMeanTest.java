package sluice.magic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    private final List<String> columns = List.of("bill_length_mm", "body_mass_g", "species", "island");

    @Test
    void typo_findsTheNearestName() {
        assertThat(DidYouMean.closest("spceies", columns)).contains("species");
        assertThat(DidYouMean.closest("Island", columns)).contains("island");
    }

    @Test
    void unrelatedWord_findsNothing() {
        assertThat(DidYouMean.closest("price", columns)).isEmpty();
        assertThat(DidYouMean.hint("price", columns, "")).isEmpty();
    }

    @Test
    void hint_quotesTheSuggestionWithItsPrefix() {
        assertThat(DidYouMean.hint("lsmgic", List.of("lsmagic", "time"), "%")).isEqualTo(" Did you mean '%lsmagic'?");
    }
}
