package sluice.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellTest {
    @Test
    void javaAndMagicLines_runInOrder_withTheirLineNumbers() {
        Cell cell = Cell.parse("int x = 1;\nx++;\n%lsmagic\nx");
        assertThat(cell.cellMagic()).isNull();
        assertThat(cell.parts()).containsExactly(
                new Cell.Part(false, "int x = 1;\nx++;\n", 1),
                new Cell.Part(true, "lsmagic", 3),
                new Cell.Part(false, "x\n", 4));
    }

    @Test
    void moduloOnAContinuationLine_isJavaNotAMagic() {
        Cell cell = Cell.parse("int r = 7\n% 3;\n  %x");
        assertThat(cell.parts()).containsExactly(new Cell.Part(false, "int r = 7\n% 3;\n  %x\n", 1));
    }

    @Test
    void cellMagic_takesTheRestOfTheCellAsBody() {
        Cell cell = Cell.parse("\n%%time --repeat 2\nint y = 2;\n%lsmagic");
        assertThat(cell.cellMagic()).isEqualTo("time --repeat 2");
        assertThat(cell.body()).isEqualTo("int y = 2;\n%lsmagic");
    }

    @Test
    void questionMark_asksForHelpOnAName() {
        assertThat(Cell.question("String?")).isEqualTo("String");
        assertThat(Cell.question(" Math.max?? ")).isEqualTo("Math.max");
        assertThat(Cell.question("%lsmagic?")).isEqualTo("%lsmagic");
        assertThat(Cell.question("a ? b : c")).isNull();
    }
}
