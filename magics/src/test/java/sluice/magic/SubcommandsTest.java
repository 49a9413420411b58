package sluice.magic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.junit.jupiter.api.Test;

class SubcommandsTest {
    @Command(name = "shelf", description = "Keep things on a shelf.")
    static final class Shelf implements Magic {
        @Override
        public Object run(String body) {
            throw new UsageError("%shelf needs one of: " + String.join(", ", subcommands().keySet()) + ".");
        }

        @Override
        public Map<String, Magic> subcommands() {
            Map<String, Magic> ops = new LinkedHashMap<>();
            ops.put("put", new Put());
            ops.put("count", body -> "0 things");
            return ops;
        }
    }

    @Command(description = "Put a thing on the shelf.")
    static final class Put implements Magic {
        @Parameters(paramLabel = "THING")
        String thing;

        @Option(names = "--times")
        int times = 1;

        @Override
        public Object run(String body) {
            return "put " + thing + " x" + times;
        }
    }

    private final Magics magics = new Magics().add("shelf", Magics.Kind.LINE, Shelf::new);

    @Test
    void theOperationNamedOnTheLine_runsWithItsOwnOptions() throws Exception {
        assertThat(magics.run(Magics.Kind.LINE, "shelf put book --times 2", null)).isEqualTo("put book x2");
        assertThat(magics.run(Magics.Kind.LINE, "shelf count", null)).isEqualTo("0 things");
    }

    @Test
    void noOperation_listsThem() {
        assertThatThrownBy(() -> magics.run(Magics.Kind.LINE, "shelf", null))
                .isInstanceOf(UsageError.class)
                .hasMessage("%shelf needs one of: put, count.");
    }

    @Test
    void unknownOperation_suggestsTheClosest() {
        assertThatThrownBy(() -> magics.run(Magics.Kind.LINE, "shelf pot book", null))
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("'pot'")
                .hasMessageContaining("Did you mean 'put'?");
    }

    @Test
    void helpOfAnOperation_isItsOwnUsage() throws Exception {
        String help = (String) magics.run(Magics.Kind.LINE, "shelf put --help", null);
        assertThat(help).startsWith("Usage: %shelf put").contains("--times", "THING");
        assertThat((String) magics.run(Magics.Kind.LINE, "shelf --help", null)).contains("Commands:", "put", "count");
    }

    @Test
    void completionKnowsOperationsAndTheirOptions() {
        assertThat(magics.subcommands("shelf")).containsExactly("put", "count");
        assertThat(magics.options("shelf", "put")).containsExactly("--help", "--times");
    }
}
