"""Executing Java cells: values, state, errors and output, as a notebook user sees them."""
import pytest

from sluice_kernel import require

require("jupyter_client")


def assert_no_java_stack_trace(run):
    text = "\n".join(run.reply.get("traceback", []))
    assert "sluice.kernel." not in text and "jdk.jshell." not in text, f"kernel internals shown:\n{text}"


def test_the_last_expression_is_displayed(kernel):
    run = kernel.ok("int half = 21;\nhalf * 2")
    assert run.result == "42"
    assert run.of_type("execute_result")[0]["content"]["execution_count"] == run.reply["execution_count"]


def test_a_cell_of_statements_displays_nothing(kernel):
    assert kernel.ok("int quiet = 1;").result is None
    assert kernel.ok('System.out.println("printed");').result is None
    printf = kernel.ok('System.out.printf("%d apples%n", 3)')
    assert printf.result is None and "3 apples" in printf.stdout


def test_state_persists_across_cells(kernel):
    kernel.ok("int counter = 41;")
    kernel.ok("counter++;")
    assert kernel.ok("counter").result == "42"


@pytest.mark.parametrize("first, second, use, expected", [
    ("int redefined = 1;", "int redefined = 2;", "redefined", "2"),
    ("String redefined2 = \"a\";", "int redefined2 = 3;", "redefined2 + 1", "4"),
    ("int twice() { return 1; }", "int twice() { return 2; }", "twice()", "2"),
    ("class Shape { int sides() { return 3; } }", "class Shape { int sides() { return 4; } }",
     "new Shape().sides()", "4"),
], ids=["variable", "variable-new-type", "method", "class"])
def test_redefining_replaces_the_old_definition(kernel, first, second, use, expected):
    kernel.ok(first)
    kernel.ok(second)
    assert kernel.ok(use).result == expected


def test_stdout_and_stderr_reach_the_cell(kernel):
    run = kernel.ok('System.out.println("to out"); System.err.println("to err");')
    assert run.stdout == "to out\n"
    assert run.stderr == "to err\n"


def test_output_reaches_the_cell_while_it_runs(kernel):
    run = kernel.ok('for (int i = 0; i < 3; i++) { System.out.println("tick " + i); Thread.sleep(700); }')
    assert run.stdout == "tick 0\ntick 1\ntick 2\n"
    first_output = min(at for at, m in run.messages if m["msg_type"] == "stream")
    assert run.reply_at - first_output > 1.0, (
        f"first output came only {run.reply_at - first_output:.2f} s before the reply: it was held back")


@pytest.mark.parametrize("code, expected", [
    ("new ArrayList<>()", "[]"),
    ("LocalDate.of(2024, 1, 1)", "2024-01-01"),
    ('Paths.get(".")', "."),
    ("IntStream.range(0, 3).sum()", "3"),
    ("new BigDecimal(\"1.50\").add(BigDecimal.ONE)", "2.50"),
])
def test_common_imports_need_no_typing(kernel, code, expected):
    assert kernel.ok(code).result == expected


def test_tablesaw_is_imported(kernel):
    run = kernel.ok('Table.create("t").addColumns(IntColumn.create("n", 1, 2)).rowCount()')
    assert run.result == "2"


def test_first_use_of_tablesaw_prints_no_logging_warnings(fresh_kernel):
    run = fresh_kernel.ok('Table.create("t")')
    assert run.stderr == "", f"stderr noise on first Tablesaw use: {run.stderr!r}"


def test_display_shows_a_value_before_the_cell_ends(kernel):
    run = kernel.ok('display("first"); System.out.println("then"); 3')
    kinds = [m["msg_type"] for _, m in run.messages if m["msg_type"] in ("display_data", "stream", "execute_result")]
    assert kinds == ["display_data", "stream", "execute_result"]
    assert run.of_type("display_data")[0]["content"]["data"]["text/plain"] == "first"


def test_runtime_error_names_the_users_exception(kernel):
    run = kernel.execute("1/0")
    assert run.status == "error"
    assert "ArithmeticException" in run.reply["ename"]
    assert "EvalException" not in run.reply["ename"]
    assert run.reply["evalue"] == "/ by zero"
    assert run.error is not None, run.describe()
    assert run.error["ename"] == run.reply["ename"]
    assert run.error["traceback"] == run.reply["traceback"]
    count = run.reply["execution_count"]
    assert any(f"cell [{count}], line 1" in line for line in run.reply["traceback"]), run.reply["traceback"]
    assert_no_java_stack_trace(run)


def test_runtime_error_traceback_points_at_the_cell_line(kernel):
    run = kernel.execute("int a = 1;\nint b = 0;\nint c = a / b;")
    assert run.status == "error"
    count = run.reply["execution_count"]
    assert any(f"cell [{count}], line 3" in line for line in run.reply["traceback"]), run.reply["traceback"]


def test_user_exception_keeps_its_own_message(kernel):
    run = kernel.execute('throw new IllegalStateException("no table yet");')
    assert run.reply["ename"].endswith("IllegalStateException")
    assert run.reply["evalue"] == "no table yet"


def test_compile_error_shows_message_line_column_and_source(kernel):
    run = kernel.execute('int x = "a";')
    assert run.status == "error"
    assert "incompatible types" in run.reply["evalue"]
    assert "line 1" in run.reply["evalue"] and "column 9" in run.reply["evalue"]
    assert any('int x = "a";' in line for line in run.reply["traceback"]), run.reply["traceback"]
    assert run.error["evalue"] == run.reply["evalue"]
    assert_no_java_stack_trace(run)


def test_compile_error_on_a_later_line_names_that_line(kernel):
    # The ; that javac rejects is the 17th character of the indented fourth line.
    run = kernel.execute("int a1 = 1;\n\nint b1 = 2;\n  int c1 = a1 + ;\nint d1 = 4;")
    assert run.status == "error"
    assert "line 4, column 17" in run.reply["evalue"], run.reply["evalue"]
    assert any("int c1 = a1 + ;" in line for line in run.reply["traceback"]), run.reply["traceback"]


def test_the_kernel_answers_after_errors(kernel):
    kernel.execute("1/0")
    kernel.execute("int broken = ;")
    kernel.execute('throw new RuntimeException("boom");')
    assert kernel.ok("1 + 1").result == "2"


def test_a_failed_cell_keeps_earlier_state(kernel):
    kernel.ok("int kept = 5;")
    assert kernel.execute("kept = kept / 0;").status == "error"
    assert kernel.ok("kept").result == "5"


@pytest.mark.parametrize("code", ["", "   \n\n", "// just a comment", "/* a block\n   comment */"],
                         ids=["empty", "blank", "line-comment", "block-comment"])
def test_a_cell_with_nothing_to_run_is_fine(kernel, code):
    run = kernel.execute(code)
    assert run.status == "ok", run.describe()
    assert run.result is None and run.error is None and run.stdout == "" and run.stderr == ""


def test_an_incomplete_statement_is_an_error_that_says_why(kernel):
    run = kernel.execute("int x =")
    assert run.status == "error"
    assert run.reply["evalue"].strip(), run.describe()
    assert_no_java_stack_trace(run)


def test_an_exception_inside_a_lambda_errors_cleanly(kernel):
    run = kernel.execute("List.of(1, 0).stream().map(i -> 1 / i).toList()")
    assert run.status == "error"
    assert "ArithmeticException" in run.reply["ename"]
    assert any("cell [" in line for line in run.reply["traceback"]), run.reply["traceback"]
    assert_no_java_stack_trace(run)
    assert kernel.ok("2 + 2").result == "4"


def test_a_thread_that_throws_leaves_the_kernel_alive(kernel):
    run = kernel.execute('new Thread(() -> { throw new RuntimeException("in thread"); }).start(); Thread.sleep(200);')
    assert run.status == "ok", run.describe()
    assert "in thread" in run.stderr
    assert kernel.ok("3 + 3").result == "6"


def test_stop_on_error_aborts_cells_queued_behind_a_failure(kernel):
    failing = kernel.send("1/0")
    queued = kernel.send("int neverRuns = 1;")
    assert kernel.collect(failing, "1/0").status == "error"
    assert kernel.collect(queued, "int neverRuns = 1;").status == "aborted"
    assert kernel.execute("neverRuns").status == "error"


def test_a_cell_that_is_a_literal_or_a_name_shows_what_java_computes(kernel):
    # Such cells skip the compiler; in parentheses the same expression goes through JShell. Both must agree.
    kernel.ok('int count = 7; double ratio = 0.1 + 0.2; String word = "héllo"; char letter = \'x\'; '
              'long[] longs = {1, 2}; String none = null; Table tiny = Table.create("tiny", IntColumn.create("n", 1, 2));')
    kernel.ok("class Holder { static int count = 99; }")  # a static field of the same name elsewhere changes nothing
    cells = ["0", "-7", "2147483647", "-2147483648", "9000000000L", "12l", "true", "false", '"plain text"', '""',
             "count", "ratio", "word", "letter", "longs", "none", "tiny"]
    for cell in cells:
        quick, compiled = kernel.ok(cell), kernel.ok(f"({cell})")
        assert quick.result == compiled.result, f"{cell}: {quick.result!r} but JShell gives {compiled.result!r}"
        assert [m["content"]["data"] for m in quick.of_type("execute_result")] == \
               [m["content"]["data"] for m in compiled.of_type("execute_result")], cell
    assert kernel.ok("count").result == "7"
    kernel.ok('String count = "now text";')
    assert kernel.ok("count").result == "now text"
    for cell, says in [("2147483648", "integer number too large"), ("undefinedName", "cannot find symbol")]:
        run = kernel.execute(cell)
        assert run.status == "error" and says in run.error["evalue"], run.describe()
