package sluice.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The javac-free path gives, value and type, what JShell gives, on chosen and on random arithmetic. */
class ConstantArithmeticTest {
    private static final JShell JSHELL = JShell.builder().executionEngine("local").build();
    private static final String[] LITERALS = {"0", "1", "2", "7", "10", "46341", "65536", "2147483647", "3L", "0L",
        "9223372036854775807L", "4000000000L", "0.1", "0.2", "2.5", "1.0", "0.0", "1000000.0", "123456789.123"};
    private static final String[] OPERATORS = {"+", "-", "*", "/", "%"};

    @AfterAll
    static void close() {
        JSHELL.close();
    }

    @Test
    void chosenCells_areWhatJShellGives() {
        List<String> cells = List.of("1 + 1", "  2*3 ", "7 / 2", "7 % -3", "-7 / 2", "7.0 / 2", "1 / 2.0", "0.1 + 0.2",
                "2147483647 + 1", "46341 * 46341", "2147483647L + 1", "(1 + 2) * (3 - 4) / 5", "-(-3)", "- 0.0", "-0.0 + 0",
                "1.0 / 0", "-1.0 / 0", "0.0 / 0", "5.5 % 2", "-5 % 3", "9223372036854775807L * 2", "1L", "42", "-5", "+5",
                "(((4)))", "3\t*\n4", "- -1", "1 - -1", "(-2147483647 - 1) / -1", "(-2147483647 - 1) % -1");
        for (String cell : cells) {
            assertThat(ConstantArithmetic.value(cell)).as(cell).isNotNull();
            assertSameAsJShell(cell);
        }
    }

    @Test
    void randomArithmetic_isWhatJShellGives() {
        Random random = new Random(2026);
        int taken = 0;
        for (int i = 0; i < 300; i++) {
            String cell = expression(random, 3);
            if (ConstantArithmetic.value(cell) != null) {
                taken++;
                assertSameAsJShell(cell);
            }
        }
        assertThat(taken).as("cells the fast path took").isGreaterThan(200);
    }

    @Test
    void anythingElse_isLeftToJShell() {
        for (String cell : List.of("1 / 0", "5 % 0", "1L / 0", "2147483648", "-2147483648", "010", "0x10", "1e3", "2f", "3d",
                "1_000", "1.", ".5", "1..2", "1 +", "(1", "1)", "1 + x", "x", "--1", "++1", "1 ++ 2", "1 + 1;", "Math.abs(1)",
                "1 // one", "1 /* c */ + 1", "0.1.2", "010.5", "\"a\" + 1", "'a' + 1", "1 << 2", "1 & 3", "1 == 1", "(int) 2.5", "")) {
            assertThat(ConstantArithmetic.value(cell)).as(cell).isNull();
        }
    }

    private static void assertSameAsJShell(String cell) {
        Number fast = ConstantArithmetic.value(cell);
        SnippetEvent event = JSHELL.eval(cell).get(0);
        assertThat(event.status()).as(cell).isEqualTo(Snippet.Status.VALID);
        assertThat(String.valueOf(fast)).as(cell).isEqualTo(event.value());
        String type = fast instanceof Integer ? "int" : fast instanceof Long ? "long" : "double";
        assertThat(type).as(cell).isEqualTo(((VarSnippet) event.snippet()).typeName());
        JSHELL.drop(event.snippet());
    }

    private static String expression(Random random, int depth) {
        int pick = random.nextInt(depth == 0 ? 2 : 6);
        return switch (pick) {
            case 0 -> LITERALS[random.nextInt(LITERALS.length)];
            case 1 -> "-" + LITERALS[random.nextInt(LITERALS.length)];
            case 2 -> "(" + expression(random, depth - 1) + ")";
            case 3 -> "-(" + expression(random, depth - 1) + ")";
            default -> expression(random, depth - 1) + " " + OPERATORS[random.nextInt(OPERATORS.length)] + " "
                    + expression(random, depth - 1);
        };
    }
}
