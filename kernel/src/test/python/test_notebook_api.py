"""IJava's notebook API (display, updateDisplay, render, DisplayData) and stdin, through the real kernel.

The display cells are as IJava's documentation writes them, so notebooks made for IJava or JJava run unchanged.
"""
import os
import queue
import time

import pytest

from sluice_kernel import require

require("jupyter_client")


def displays(run):
    return [m["content"] for m in run.of_type("display_data")]


def test_display_with_a_mime_type_shows_the_text_as_that_type(kernel):
    run = kernel.ok('display("<b>bold</b>", "text/html");')
    shown = displays(run)
    assert len(shown) == 1, run.describe()
    assert shown[0]["data"] == {"text/html": "<b>bold</b>"}
    assert shown[0]["transient"]["display_id"]
    assert run.result is None, "a cell ending in display(...) shows no display id"


def test_display_returns_an_id_that_update_display_replaces(kernel):
    first = kernel.ok('String id = display("<i>draft</i>", "text/html");')
    shown_id = displays(first)[0]["transient"]["display_id"]
    assert kernel.ok("id").result == shown_id
    later = kernel.ok('updateDisplay(id, "<i>final</i>", "text/html");')
    updates = [m["content"] for m in later.of_type("update_display_data")]
    assert len(updates) == 1, later.describe()
    assert updates[0]["data"] == {"text/html": "<i>final</i>"}
    assert updates[0]["transient"]["display_id"] == shown_id


def test_render_returns_a_bundle_the_cell_can_extend_and_show(kernel):
    run = kernel.ok('DisplayData d = render("x^2", "text/latex");\n'
                    'd.putMarkdown("**x squared**");\n'
                    'display(d);')
    data = displays(run)[0]["data"]
    assert data["text/latex"] == "x^2"
    assert data["text/markdown"] == "**x squared**"


def test_a_display_data_built_in_the_cell_shows_every_type_it_holds(kernel):
    run = kernel.ok('DisplayData d = new DisplayData("plain");\nd.putHTML("<p>rich</p>");\nd.putSVG("<svg/>");\ndisplay(d);')
    data = displays(run)[0]["data"]
    assert data == {"text/plain": "plain", "text/html": "<p>rich</p>", "image/svg+xml": "<svg/>"}


def test_a_table_shown_as_html_only_keeps_its_html(kernel):
    run = kernel.ok('display(Table.create("t", IntColumn.create("n", 1, 2)), "text/html");')
    data = displays(run)[0]["data"]
    assert list(data) == ["text/html"] and "<table" in data["text/html"]


def test_a_value_that_cannot_show_as_a_type_is_one_line(kernel):
    run = kernel.execute('display(Table.create("t", IntColumn.create("n", 1)), "image/png");')
    assert run.status == "error"
    assert run.error["ename"] == "UsageError", run.describe()
    assert "cannot be shown as image/png" in run.error["evalue"]
    assert len(run.error["traceback"]) == 1


def answer_inputs(kernel, code, answers):
    """Runs CODE and answers each input_request with the next of ANSWERS; returns (execution, the requests)."""
    msg_id = kernel.send(code, allow_stdin=True)
    requests = []
    deadline = time.monotonic() + 30
    while len(requests) < len(answers) and time.monotonic() < deadline:
        try:
            msg = kernel.client.get_stdin_msg(timeout=0.1)
        except queue.Empty:
            continue
        assert msg["msg_type"] == "input_request"
        requests.append(msg["content"])
        kernel.client.input(answers[len(requests) - 1])
    return kernel.collect(msg_id, code), requests


@pytest.mark.parametrize("code", [
    'String name = new Scanner(System.in).nextLine();',
    'String name = new BufferedReader(new InputStreamReader(System.in)).readLine();',
], ids=["Scanner", "BufferedReader"])
def test_a_cell_reads_a_line_the_user_types(kernel, code):
    run, requests = answer_inputs(kernel, 'System.out.print("Your name: ");\n' + code, ["Ada Lovelace"])
    assert run.status == "ok", run.describe()
    assert requests[0]["password"] is False
    assert run.stdout == "Your name: "
    assert kernel.ok("name.length()").result == "12"


def test_two_reads_ask_twice(kernel):
    run, requests = answer_inputs(kernel, "Scanner s = new Scanner(System.in);\nint a = s.nextInt();\nint b = s.nextInt();\na + b",
                                  ["40", "2"])
    assert len(requests) == 2
    assert run.result == "42"


def test_read_password_asks_with_password_set_and_the_answer_stays_out_of_the_notebook(kernel):
    run, requests = answer_inputs(kernel, 'String secret = readPassword("Database password: ");\nsecret.length()',
                                  ["s3cret-pw"])
    assert requests == [{"prompt": "Database password: ", "password": True}]
    assert run.result == "9"
    assert "s3cret-pw" not in str(run.messages)


def test_without_stdin_a_read_is_one_line_of_error_not_a_hang(kernel):
    started = time.monotonic()
    run = kernel.execute("new Scanner(System.in).nextLine()", timeout=10, allow_stdin=False)
    assert time.monotonic() - started < 5
    assert run.status == "error"
    assert run.error["ename"] == "UsageError", run.describe()
    assert "No input is possible here" in run.error["evalue"]
    assert len(run.error["traceback"]) == 1
    assert kernel.ok("1 + 1").result == "2"


def test_ingest_password_prompt_asks_hidden_and_the_database_checks_it(kernel):
    from test_ingest import mariadb_reachable
    mariadb_reachable()
    user, table = f"sluice_pw_{os.getpid()}", f"pw_rows_{os.getpid()}"
    root = 'try (var c = java.sql.DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/test?user=root"); var s = c.createStatement()) { '
    kernel.ok(root + f's.execute("CREATE USER \'{user}\'@\'%\' IDENTIFIED BY \'Pw-4711\'");'
              f' s.execute("CREATE TABLE {table} (id INT)"); s.execute("INSERT INTO {table} VALUES (1), (2)");'
              f' s.execute("GRANT SELECT ON test.{table} TO \'{user}\'@\'%\'"); }}')
    source = f"%ingest 'jdbc:mariadb://127.0.0.1:3306/test?user={user}' --table {table} --password-prompt"
    try:
        run, requests = answer_inputs(kernel, source, ["Pw-4711"])
        assert requests == [{"prompt": f"Password for jdbc:mariadb://127.0.0.1:3306/test?user={user}: ", "password": True}]
        assert run.status == "ok", run.describe()
        assert "2 rows × 1 column" in run.result
        assert "Pw-4711" not in str(run.messages)

        run, _ = answer_inputs(kernel, source, ["wrong-pw-99"])
        assert run.status == "error" and run.error["ename"] == "UsageError", run.describe()
        assert "Access denied" in run.error["evalue"] or "password" in run.error["evalue"].lower(), run.describe()
        assert "wrong-pw-99" not in str(run.messages)

        run = kernel.execute(source, allow_stdin=False)
        assert run.error["ename"] == "UsageError" and "No input is possible here" in run.error["evalue"], run.describe()
        run = kernel.execute(source + " --password-env HOME")
        assert run.error["evalue"] == "Give --password-env or --password-prompt, not both."
        assert kernel.ok('table().rowCount()').result == "2"
    finally:
        kernel.ok(root + f's.execute("DROP TABLE IF EXISTS {table}"); s.execute("DROP USER IF EXISTS \'{user}\'@\'%\'"); }}')
