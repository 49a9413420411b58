package sluice.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class JavaShellTest {
    private static final JavaShell JAVA = new JavaShell();

    @AfterAll
    static void close() {
        JAVA.stop();
    }

    @Test
    void lastExpression_isReturnedAsTheObjectItself() throws Exception {
        Object value = JAVA.run("var list = new ArrayList<String>();\nlist.add(\"a\");\nlist", 1, 1);
        assertThat(value).isInstanceOf(java.util.ArrayList.class).isEqualTo(List.of("a"));
    }

    @Test
    void stringExpression_isReturnedToo() throws Exception {
        assertThat(JAVA.run("\"a\" + \"b\"", 1, 1)).isEqualTo("ab");
        assertThat(JAVA.run("String q = \"q\";\nq", 1, 1)).isEqualTo("q");
    }

    @Test
    void aCellThatIsOnlyAName_isTheVariableItself_evenAfterARedefinition() throws Exception {
        JAVA.run("List<Integer> seen = new ArrayList<>(List.of(1));", 1, 1);
        Object first = JAVA.run("seen", 2, 1);
        assertThat(first).isSameAs(JAVA.run("(seen)", 3, 1)).isEqualTo(List.of(1));
        JAVA.run("String seen = \"text\";", 4, 1);
        assertThat(JAVA.run("seen", 5, 1)).isEqualTo("text");
        assertThat(JAVA.run("42", 6, 1)).isEqualTo(42);
        assertThat(JAVA.run("-9000000000L", 6, 1)).isEqualTo(-9_000_000_000L);
    }

    @Test
    void statementOnly_hasNoValue() throws Exception {
        assertThat(JAVA.run("int unused = 3;", 1, 1)).isSameAs(JavaShell.NO_VALUE);
        assertThat(JAVA.run("// just a comment\n", 1, 1)).isSameAs(JavaShell.NO_VALUE);
    }

    @Test
    void redefinitions_replaceEarlierOnes() throws Exception {
        JAVA.run("int twice(int x) { return 2 * x; }", 1, 1);
        JAVA.run("int twice(int x) { return x + x + 0; }\nrecord P(int a) {}", 2, 1);
        JAVA.run("record P(int a, int b) {}", 3, 1);
        assertThat(JAVA.run("new P(1, twice(2)).b()", 4, 1)).isEqualTo(4);
    }

    @Test
    void compileError_pointsAtTheCellLineAndColumn() {
        assertThatThrownBy(() -> JAVA.run("int ok = 1;\nint bad = \"text\";", 5, 1))
                .isInstanceOfSatisfying(CompileError.class, e -> {
                    assertThat(e.line).isEqualTo(2);
                    assertThat(e.column).isEqualTo(11);
                    assertThat(e.sourceLine).isEqualTo("int bad = \"text\";");
                    assertThat(e.getMessage()).contains("incompatible types");
                });
    }

    @Test
    void userException_keepsItsNameAndOnlyTheUsersFrames() {
        assertThatThrownBy(() -> JAVA.run("int divide(int a) { return a / 0; }\n\ndivide(1)", 7, 3))
                .isInstanceOfSatisfying(UserCodeException.class, e -> {
                    assertThat(e.className).isEqualTo("java.lang.ArithmeticException");
                    assertThat(e.getMessage()).isEqualTo("/ by zero");
                    assertThat(e.frames).containsExactly("divide (cell [7], line 3)", "cell [7], line 5");
                });
    }

    @Test
    void stop_endsABusyLoopAndASleep_andStateSurvives() throws Exception {
        JAVA.run("int kept = 42;", 8, 1);
        for (String endless : List.of("while (true) {}", "Thread.sleep(60_000);")) {
            CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
                try {
                    JAVA.run(endless, 9, 1);
                    return null;
                } catch (Exception e) {
                    return e;
                }
            });
            Thread.sleep(500);
            JAVA.stop();
            assertThat(run.get(2, TimeUnit.SECONDS)).isInstanceOf(CellInterrupted.class);
        }
        assertThat(JAVA.run("kept", 10, 1)).isEqualTo(42);
    }

    @Test
    void completeness_tellsAConsoleWhetherToRunOrWait() {
        assertThat(JAVA.completeness("int x = 1;")).isEqualTo("complete");
        assertThat(JAVA.completeness("for (int i = 0; i < 3; i++) {")).isEqualTo("incomplete");
    }
}
