package sluice.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellOutputTest {
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final CellOutput output = new CellOutput(new PrintStream(console, true, StandardCharsets.UTF_8));
    private final List<String> sent = new ArrayList<>();

    @Test
    void manyLines_areSentAsOneMessagePerFlush() {
        output.attach(sent::add);
        PrintStream out = new PrintStream(output, false, StandardCharsets.UTF_8);
        for (int i = 0; i < 1000; i++) {
            out.println(i);
        }
        out.flush();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).lines()).hasSize(1000);
    }

    @Test
    void aCharacterSplitAcrossWrites_isNotBroken() {
        output.attach(sent::add);
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        output.write(euro, 0, 2);
        output.flush();
        output.write(euro, 2, 1);
        output.flush();
        assertThat(String.join("", sent)).isEqualTo("€");
    }

    @Test
    void outputWithNoCellRunning_goesToTheProcessStream() {
        output.write("late\n".getBytes(StandardCharsets.UTF_8), 0, 5);
        output.attach(sent::add);
        output.flush();
        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo("late\n");
        assertThat(sent).isEmpty();
    }

    @Test
    void aFloodingCell_isCutAtTheLimitWithOneNote_andTheNextCellStartsAfresh() {
        output.attach(sent::add);
        PrintStream out = new PrintStream(output, false, StandardCharsets.UTF_8);
        for (int i = 0; i < 300_000; i++) {
            out.println("line " + i);
        }
        out.flush();
        output.detach();
        String shown = String.join("", sent);
        assertThat(shown.length()).isBetween(CellOutput.CELL_LIMIT, CellOutput.CELL_LIMIT + 300);
        assertThat(shown).startsWith("line 0\n").contains("[output cut: the cell wrote 2,")
                .contains("more bytes after the first 1,000,000");
        sent.clear();
        output.attach(sent::add);
        out.println("next cell");
        out.flush();
        output.detach();
        assertThat(sent).containsExactly("next cell\n");
    }
}
