"""Shell requests other than execute get the replies the messaging spec describes."""
import re

import pytest

from sluice_kernel import require

require("jupyter_client")


@pytest.mark.parametrize("method, args, kwargs", [
    ("kernel_info", (), {}),
    ("comm_info", (), {}),
    ("history", (), {"hist_access_type": "tail", "n": 5}),
    ("inspect", ("Math.max",), {}),
    ("complete", ("Math.ma",), {}),
    ("is_complete", ("int x = 1;",), {}),
    ("execute", ("1 + 1",), {}),
], ids=lambda v: v if isinstance(v, str) else "")
def test_every_reply_carries_a_status(kernel, method, args, kwargs):
    reply = kernel.request(method, *args, **kwargs)
    assert reply["msg_type"] == method + "_reply"
    assert "status" in reply["content"], reply["content"]
    if method != "is_complete":
        assert reply["content"]["status"] == "ok", reply["content"]


def test_kernel_info_names_java_and_the_lexer(kernel):
    info = kernel.request("kernel_info")["content"]
    assert info["implementation"] == "sluice"
    assert info["language_info"]["name"] == "java"
    assert info["language_info"]["file_extension"] == ".jshell"
    assert info["language_info"]["pygments_lexer"] == "java"
    assert info["protocol_version"].startswith("5.")


def test_history_lists_the_cells_that_ran(kernel):
    first = kernel.ok("int historyMarker = 20;")
    second = kernel.ok("historyMarker * 2")
    count = second.reply["execution_count"]

    tail = kernel.history(hist_access_type="tail", n=2)["history"]
    assert [row[2] for row in tail] == ["int historyMarker = 20;", "historyMarker * 2"]
    assert [row[1] for row in tail] == [first.reply["execution_count"], count]

    with_output = kernel.history(hist_access_type="tail", n=1, output=True)["history"]
    assert with_output[0][2] == ["historyMarker * 2", "40"]

    session = tail[-1][0]
    ranged = kernel.history(hist_access_type="range", session=session, start=count, stop=count + 1)["history"]
    assert [row[2] for row in ranged] == ["historyMarker * 2"]

    found = kernel.history(hist_access_type="search", pattern="historyMarker ?*", unique=True)["history"]
    assert [row[2] for row in found] == ["historyMarker * 2"]


def test_silent_and_unstored_runs_leave_the_execution_count_alone(kernel):
    before = kernel.ok("1").reply["execution_count"]

    silent = kernel.execute("2", silent=True)
    assert silent.status == "ok"
    assert silent.of_type("execute_input") == [] and silent.result is None, silent.describe()
    unstored = kernel.execute("3", store_history=False)
    assert unstored.status == "ok"

    assert kernel.ok("4").reply["execution_count"] == before + 1


def test_inspect_with_the_cursor_at_the_end_of_a_method_name(kernel):
    code = "Math.max"
    reply = kernel.inspect(code, len(code))
    assert reply["status"] == "ok"
    assert reply["found"] is True, reply
    assert "max(int a, int b)" in reply["data"]["text/plain"]


def test_inspect_with_the_cursor_inside_a_call(kernel):
    code = "Math.max(1, 2)"
    reply = kernel.inspect(code, code.index("max") + 2)
    assert reply["found"] is True, reply
    assert "max(" in reply["data"]["text/plain"]


def test_inspect_a_variable_names_its_type(kernel):
    kernel.ok('String inspected = "x";')
    reply = kernel.inspect("inspected", len("inspected"))
    assert reply["found"] is True, reply
    assert "String" in reply["data"]["text/plain"]


def test_inspect_an_unknown_name_finds_nothing(kernel):
    reply = kernel.inspect("noSuchThingAnywhere", len("noSuchThingAnywhere"))
    assert reply["status"] == "ok"
    assert reply["found"] is False


def test_completion_replaces_the_word_being_typed(kernel):
    code = "int n = Math.ma"
    reply = kernel.complete(code, len(code))
    assert reply["matches"] == ["max("]
    assert (reply["cursor_start"], reply["cursor_end"]) == (code.index("ma", 9), len(code))


def test_completion_knows_variables_defined_earlier(kernel):
    kernel.ok('String completed = "x";')
    reply = kernel.complete("completed.isEm")
    assert reply["matches"] == ["isEmpty()"]


@pytest.mark.parametrize("code", ["for (int i = 0; i < 3; i++) {", "int f() {"])
def test_is_complete_suggests_whitespace_to_indent_the_next_line(kernel, code):
    reply = kernel.is_complete(code)
    assert reply["status"] == "incomplete"
    assert reply.get("indent", "").strip() == "", f"indent must be whitespace, got {reply.get('indent')!r}"


def test_message_dates_carry_seconds_so_clients_can_time_cells(kernel):
    run = kernel.execute("1 + 1")
    dates = [m["header"]["date"] for _, m in run.messages]
    for date in dates:
        text = date if isinstance(date, str) else date.isoformat()
        assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", text), f"header date {text!r} has no seconds"
