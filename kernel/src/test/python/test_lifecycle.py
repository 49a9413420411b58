"""The kernel process: its kernelspec, interrupts, shutdown, restart, and launch mistakes."""
import json
import os
import re
import subprocess
import time

import pytest

from sluice_kernel import JAR, Kernel, require

require("jupyter_client")


def test_the_installed_kernelspec_asks_for_message_interrupts(kernelspec):
    spec = json.loads((kernelspec / "kernel.json").read_text())
    assert spec["language"] == "java"
    assert spec["interrupt_mode"] == "message"
    assert spec["argv"][-2:] == ["kernel", "{connection_file}"]


def test_a_kernel_reads_the_classes_of_its_start_from_the_archive_install_recorded(kernelspec, tmp_path):
    """A class read from the jar is parsed and verified at every start: the archive holds them all (ZeroMQ, HMAC,
    the messages' JSON), and the kernelspec's command line does not read picocli's Java 5 classes."""
    spec = json.loads((kernelspec / "kernel.json").read_text())
    log = tmp_path / "classes.txt"
    jar = spec["argv"].index("-jar")
    spec["argv"][jar:jar] = [f"-Xlog:class+load:file={log}"]
    logged = kernelspec.parent / "sluice-class-log"
    logged.mkdir()
    (logged / "kernel.json").write_text(json.dumps(spec))
    kernel = Kernel.start(kernel_name=logged.name)
    try:
        assert kernel.ok("1 + 1").result == "2"
        loaded = log.read_text().splitlines()
    finally:
        kernel.stop()
    from_jar = [line.split()[1] for line in loaded if "source: file:" in line or "source: jar:" in line]
    assert len(loaded) > 2000, f"-Xlog:class+load wrote only {len(loaded)} lines"
    assert len(from_jar) < 20, f"{len(from_jar)} classes read from the jar, not the archive: {from_jar[:40]}"


def interrupt(kernel, code, settle):
    """Runs CODE, interrupts it SETTLE seconds after it starts, and returns (execution, seconds to reply)."""
    msg_id = kernel.send(code)
    kernel.wait_for(msg_id, "execute_input")
    time.sleep(settle)
    sent = time.monotonic()
    kernel.manager.interrupt_kernel()
    run = kernel.collect(msg_id, code, timeout=10)
    return run, run.reply_at - sent


@pytest.mark.parametrize("code", ["while (true) {}", "Thread.sleep(60_000);", "%%time\nwhile (true) {}"],
                         ids=["busy-loop", "sleep", "timed-loop"])
def test_interrupt_stops_a_running_cell_and_keeps_state(fresh_kernel, code):
    fresh_kernel.ok("int keep = 7;")
    run, took = interrupt(fresh_kernel, code, settle=1.0)
    assert took < 2.0, f"the interrupted cell replied only after {took:.1f} s"
    assert run.status == "error", run.describe()
    assert "Interrupted" in run.reply["ename"]
    assert run.error is not None and "Interrupted" in run.error["ename"]
    assert fresh_kernel.ok("keep").result == "7"


@pytest.mark.parametrize("code", ["while (true) {}", "int spins = 0; while (true) { spins++; }"],
                         ids=["one-snippet", "two-snippets"])
def test_interrupt_sent_as_the_cell_starts_still_stops_it(fresh_kernel, code):
    fresh_kernel.ok("int keep = 7;")
    run, took = interrupt(fresh_kernel, code, settle=0.0)
    assert run.status == "error", f"an interrupted cell must not report success\n{run.describe()}"
    assert "Interrupted" in run.reply["ename"]
    assert took < 2.0, f"the interrupted cell replied only after {took:.1f} s"
    assert fresh_kernel.ok("keep").result == "7"


def test_interrupt_while_idle_leaves_the_next_cell_alone(fresh_kernel):
    fresh_kernel.manager.interrupt_kernel()
    time.sleep(0.3)
    run = fresh_kernel.ok("Thread.sleep(300); 1 + 1")
    assert run.result == "2"


def test_shutdown_request_ends_the_process(fresh_kernel):
    process = fresh_kernel.manager.provisioner.process
    reply = fresh_kernel.request("shutdown")
    assert reply["content"]["status"] == "ok"
    assert reply["content"]["restart"] is False
    deadline = time.monotonic() + 5
    while process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is not None, "the kernel process is still running 5 s after shutdown_request"
    assert process.returncode == 0


def test_shutdown_ends_the_process_while_a_cell_runs(fresh_kernel):
    process = fresh_kernel.manager.provisioner.process
    fresh_kernel.wait_for(fresh_kernel.send("while (true) {}"), "execute_input")
    time.sleep(0.5)
    fresh_kernel.client.shutdown()
    deadline = time.monotonic() + 5
    while process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is not None, "the kernel process is still running 5 s after shutdown_request"


def test_restart_gives_a_working_kernel_with_fresh_state(fresh_kernel):
    fresh_kernel.ok("int beforeRestart = 1;")
    old_pid = fresh_kernel.manager.provisioner.process.pid
    fresh_kernel.manager.restart_kernel()
    fresh_kernel.client.wait_for_ready(timeout=60)
    assert fresh_kernel.manager.provisioner.process.pid != old_pid
    first = fresh_kernel.ok("1 + 1")
    assert first.result == "2"
    assert first.reply["execution_count"] == 1
    gone = fresh_kernel.execute("beforeRestart")
    assert gone.status == "error", gone.describe()


def launch(connection_file):
    return launcher("kernel", str(connection_file))


def launcher(*args):
    """`java -jar sluice.jar ARGS`, as a user or a kernelspec runs it."""
    return subprocess.run(["java", "-jar", str(JAR), *args], capture_output=True, text=True, timeout=60)


COMMANDS = ["kernel", "run", "install", "serve", "magics-table", "warmup", "resources"]


def test_help_lists_the_launchers_commands():
    result = launcher("--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage: java -jar sluice.jar "), result.stdout
    listed = re.findall(r"^  (\S+)  ", result.stdout.partition("Commands:")[2], re.M)
    assert listed == COMMANDS + ["help"], result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_says_how_to_use_it(command):
    result = launcher(command, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Usage: java -jar sluice.jar {command} "), result.stdout


@pytest.mark.parametrize("args, says", [
    (["frobnicate"], "sluice: Unknown command 'frobnicate'."),
    ([], "sluice: No command given."),
    (["run", "--frobnicate", "notes.ipynb"], "sluice: Unknown option: '--frobnicate'"),
], ids=["unknown-command", "no-command", "unknown-option"])
def test_a_launch_mistake_is_one_line_after_the_usage(args, says):
    result = launcher(*args)
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("Usage: java -jar sluice.jar " + (args[0] + " " if args[1:] else "")), result.stderr
    assert lines[-1] == says, result.stderr
    assert "Exception" not in result.stderr and result.stdout == ""


@pytest.mark.parametrize("content", [None, "not json at all", '{"transport": "tcp", "ip":', "[1, 2]", "{}"],
                         ids=["missing", "not-json", "truncated", "array", "no-ports"])
def test_a_bad_connection_file_is_one_line_on_stderr(tmp_path, content):
    path = tmp_path / "connection.json"
    if content is not None:
        path.write_text(content)
    result = launch(path)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got:\n{result.stderr}"
    assert str(path) in lines[0]
    assert "Exception in thread" not in result.stderr and "\tat " not in result.stderr


@pytest.mark.parametrize("code", ["System.exit(3);", "Runtime.getRuntime().exit(0);", "Runtime.getRuntime().halt(1);",
                                  "void quit() { System.exit(2); }\nquit();"],
                         ids=["System.exit", "Runtime.exit", "Runtime.halt", "in-a-method"])
def test_exit_from_a_cell_is_refused_and_the_session_stays(fresh_kernel, code):
    fresh_kernel.ok("int keep = 7;")
    run = fresh_kernel.execute(code)
    assert run.status == "error", run.describe()
    assert run.error["ename"] == "UsageError"
    assert "the kernel keeps running" in run.error["evalue"]
    assert len(run.error["traceback"]) == 1, run.error["traceback"]
    assert fresh_kernel.ok("keep").result == "7"


@pytest.mark.parametrize("code", [
    "class Spin { void run() { while (true) { } } }\nnew Spin().run();",
    "while (true) { try { Thread.sleep(0); } catch (Throwable t) { } }",
    "long n = 0; for (;;) { try { n++; } catch (Exception e) { } }",
], ids=["a-method-of-a-class", "catching-throwable", "catching-exception"])
def test_interrupt_stops_busy_code_that_a_cell_declares_or_guards(fresh_kernel, code):
    fresh_kernel.ok("int keep = 7;")
    run, took = interrupt(fresh_kernel, code, settle=1.0)
    assert run.status == "error", run.describe()
    assert took < 2.0, f"the interrupted cell replied only after {took:.1f} s"
    assert fresh_kernel.ok("keep").result == "7"
    assert fresh_kernel.ok("keep + 1").result == "8"


def test_the_kernel_runs_on_the_java_it_was_installed_with(kernel):
    expected = os.environ.get("SLUICE_EXPECT_JAVA")
    if not expected:
        pytest.skip("SLUICE_EXPECT_JAVA is not set (run-python-tests.sh sets it to the Java of each pass)")
    assert kernel.ok('System.getProperty("java.specification.version")').result == expected


def test_a_flood_of_output_is_cut_with_a_note_and_the_kernel_answers_on(kernel):
    run = kernel.execute('for (int i = 0; i < 1_000_000; i++) System.out.println("line " + i);', timeout=60)
    assert run.status == "ok", run.describe()
    assert len(run.stdout) < 1_100_000
    assert "[output cut: the cell wrote" in run.stdout
    assert kernel.ok("1 + 1").result == "2"


def test_a_failing_thread_leaves_the_kernel_answering(kernel):
    kernel.ok("int keep = 7;")
    run = kernel.ok('new Thread(() -> { throw new IllegalStateException("boom in a thread"); }).start();\n'
                    'Thread.sleep(300);')
    assert "boom in a thread" in run.stderr
    assert kernel.ok("keep").result == "7"


def test_a_cell_past_the_heap_is_stopped_and_the_kernel_answers_on(kernel):
    kernel.ok("int keep = 7;")
    # One block, so what it allocated is garbage once it fails (a variable of the session would keep it).
    run = kernel.execute("{ List<long[]> hog = new ArrayList<>(); while (true) hog.add(new long[1_000_000]); }", timeout=120)
    assert run.status == "error" and run.error["ename"] == "java.lang.OutOfMemoryError", run.describe()
    # Stopped before the heap is exhausted to its last byte, where the kernel's own threads would fail too.
    assert "was stopped so that the kernel keeps running" in run.error["evalue"], run.describe()
    assert "--jvm-opt -Xmx" in run.error["evalue"]
    assert kernel.ok("keep").result == "7"
    # One allocation larger than the heap fails at once, as plain Java does.
    run = kernel.execute("long[] huge = new long[2_000_000_000];", timeout=60)
    assert run.error["ename"] == "java.lang.OutOfMemoryError", run.describe()
    assert kernel.ok("keep + 1").result == "8"


def test_a_cell_that_churns_through_garbage_is_not_stopped(kernel):
    # A cell stopped for the heap leaves its arrays as garbage in G1's old generation, which young
    # collections count as in use until a full one: the next cell must not be stopped for them.
    run = kernel.execute("{ List<long[]> hog = new ArrayList<>(); while (true) hog.add(new long[1_000_000]); }", timeout=120)
    assert "was stopped so that the kernel keeps running" in run.error["evalue"], run.describe()
    # Many times the heap in short-lived arrays: full of garbage at moments, never full of live data.
    run = kernel.execute("long churned = 0;\nfor (int i = 0; i < 3000; i++) { long[] a = new long[1_000_000]; a[i % 1000] = i; churned += a[i % 1000]; }\nchurned",
                         timeout=120)
    assert run.status == "ok", run.describe()
    assert run.result == str(sum(range(3000)))
