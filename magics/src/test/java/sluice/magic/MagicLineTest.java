package sluice.magic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MagicLineTest {
    @Test
    void splitsLikeAShell_quotesKeepSpacesAndSeparators() {
        MagicLine line = MagicLine.parse("ingest  data/a b.csv --sep ',' --query \"select * from t where x = 'a'\"");
        assertThat(line.name()).isEqualTo("ingest");
        assertThat(line.args()).containsExactly("data/a", "b.csv", "--sep", ",", "--query", "select * from t where x = 'a'");
    }

    @Test
    void nameAlone_hasNoArguments() {
        assertThat(MagicLine.parse("lsmagic  ").args()).isEmpty();
    }

    @Test
    void emptyName_isAUsageError() {
        assertThatThrownBy(() -> MagicLine.parse("  ")).isInstanceOf(UsageError.class).hasMessageContaining("%lsmagic");
    }
}
