package sluice.magic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MagicsTest {
    private final List<String> ran = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Magics magics = new Magics();

    MagicsTest() {
        magics.add("lsmagic", Magics.Kind.LINE, () -> new LsMagic(magics));
        magics.add("time", Magics.Kind.CELL, () -> new TimeMagic(body -> {
            ran.add(body);
            return "value of " + body;
        }, new PrintStream(printed, true, StandardCharsets.UTF_8)));
    }

    @Test
    void lsmagic_listsEveryMagicWithItsSummary_oneLineEach() throws Exception {
        String listing = (String) magics.run(Magics.Kind.LINE, "lsmagic", null);
        assertThat(listing.lines().limit(2)).containsExactly(
                "%lsmagic  List the magics, one line each.",
                "%%time    Run the cell and print its wall-clock time.");
    }

    @Test
    void help_printsUsageFromTheDeclaration() throws Exception {
        String help = (String) magics.run(Magics.Kind.CELL, "time --help", "1");
        assertThat(help).startsWith("Usage: %%time").contains("--repeat=N", "-h, --help");
        assertThat(ran).isEmpty();
        assertThat(magics.usage("time")).isEqualTo(help);
    }

    @Test
    void unknownMagic_namesTheClosestOne() {
        assertThatThrownBy(() -> magics.run(Magics.Kind.LINE, "lsmagc", null))
                .isInstanceOf(UsageError.class)
                .hasMessage("No magic %lsmagc. Did you mean '%lsmagic'? Run %lsmagic to list them.");
    }

    @Test
    void unknownOption_isAUsageErrorWithTheSynopsis() {
        assertThatThrownBy(() -> magics.run(Magics.Kind.CELL, "time --repaet 3", "x"))
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("--repaet")
                .hasMessageContaining("Did you mean '--repeat'?")
                .satisfies(e -> assertThat(((UsageError) e).usage()).startsWith("Usage: %%time"));
        assertThat(ran).isEmpty();
    }

    @Test
    void badOptionValue_isAUsageError() {
        assertThatThrownBy(() -> magics.run(Magics.Kind.CELL, "time --repeat many", "x"))
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("'many'");
    }

    @Test
    void cellMagicWrittenAsLineMagic_saysHowToWriteIt() {
        assertThatThrownBy(() -> magics.run(Magics.Kind.LINE, "time", null))
                .isInstanceOf(UsageError.class)
                .hasMessage("%time is a cell magic: write it as %%time on the first line of the cell.");
    }

    @Test
    void timeMagic_runsTheBodyAndPrintsWallTime() throws Exception {
        Object value = magics.run(Magics.Kind.CELL, "time --repeat 3", "work()");
        assertThat(value).isEqualTo("value of work()");
        assertThat(ran).containsExactly("work()", "work()", "work()");
        assertThat(printed.toString(StandardCharsets.UTF_8)).matches("Wall time: best .+, median .+ of 3 runs\\R");
    }

    @Test
    void timeMagic_rejectsZeroRepeats() {
        assertThatThrownBy(() -> magics.run(Magics.Kind.CELL, "time --repeat 0", "x"))
                .isInstanceOf(UsageError.class)
                .hasMessage("--repeat must be at least 1, not 0.");
    }

    @Test
    void optionsAndNames_feedCompletion() {
        assertThat(magics.names()).containsExactly("%lsmagic", "%%time");
        assertThat(magics.options("time")).containsExactly("--help", "--repeat");
    }

    @Test
    void freshInstancePerCall_optionsDoNotLeakBetweenCalls() throws Exception {
        magics.run(Magics.Kind.CELL, "time --repeat 2", "a");
        ran.clear();
        magics.run(Magics.Kind.CELL, "time", "b");
        assertThat(ran).containsExactly("b");
    }
}
