"""Issue 16: every notebook of notebooks/ run in JupyterLab 4 as a user runs it (Run All in headless
Chromium, no internet), and what it draws: every cell executed without error, every chart and Tablesaw
figure drawn by plotly, no page error, no request leaving 127.0.0.1. JupyterLab is built from its npm
packages by ../shared/jupyterlab/build.sh (into kernel/target/jupyterlab) and served by Debian's
jupyter_server; screenshots are kept in kernel/target/jupyterlab-shots/.

Outside CI the module skips, saying why, when ../shared, Node, Chromium or jupyterlab_server is missing.
"""
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest

from sluice_kernel import IN_CI, REPO, require

require("jupyter_client")

SHARED = REPO.parent / "shared" / "jupyterlab"
BUILD = REPO / "kernel" / "target" / "jupyterlab"
SHOTS = REPO / "kernel" / "target" / "jupyterlab-shots"
DRIVER = REPO / "kernel" / "src" / "test" / "js" / "jupyterlab-run.mjs"
INTERACT = REPO / "kernel" / "src" / "test" / "js" / "jupyterlab-interact.mjs"
NOTEBOOKS = sorted(path.name for path in (REPO / "notebooks").glob("*.ipynb"))


def missing(reason):
    if IN_CI:
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(kernelspec, postgres_tables, mariadb_tables, tmp_path_factory):
    """JupyterLab serving a copy of notebooks/ (the runs change nothing in the repository): its URL and root."""
    if not (SHARED / "build.sh").is_file():
        missing(f"{SHARED} is missing: the JupyterLab build lives beside the repository, in ../shared")
    if shutil.which("node") is None or shutil.which("npm") is None:
        missing("Node and npm are needed to build JupyterLab 4 from npm")
    if not os.access("/usr/bin/chromium", os.X_OK):
        missing("chromium is not installed (apt-get install -y chromium, as .ci/run does in CI)")
    if subprocess.run(["/usr/bin/python3", "-c", "import jupyterlab_server"], capture_output=True).returncode:
        missing("jupyterlab_server is not installed (apt-get install -y python3-jupyterlab-server, as .ci/run does)")
    built = subprocess.run(["sh", str(SHARED / "build.sh"), str(BUILD)], capture_output=True, text=True, timeout=1200)
    assert built.returncode == 0, f"JupyterLab build failed:\n{built.stdout}\n{built.stderr}"
    shutil.copy(DRIVER, BUILD / "driver" / DRIVER.name)
    shutil.copy(INTERACT, BUILD / "driver" / INTERACT.name)
    root = tmp_path_factory.mktemp("lab-root")
    shutil.copytree(REPO / "notebooks", root / "notebooks")
    for path in (root / "notebooks").glob("*.ipynb"):  # committed with outputs: what the tests see must be this run's
        notebook = json.loads(path.read_text())
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                cell["outputs"], cell["execution_count"] = [], None
        path.write_text(json.dumps(notebook))
    port = free_port()
    log = open(tmp_path_factory.mktemp("lab-log") / "server.log", "w")
    server = subprocess.Popen(["sh", str(SHARED / "serve.sh"), str(BUILD), str(port), str(root)],
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/api/status", timeout=2)
            break
        except OSError:
            assert server.poll() is None and time.time() < deadline, f"JupyterLab did not start: see {log.name}"
            time.sleep(0.5)
    yield url, root
    os.killpg(server.pid, 15)
    server.wait(timeout=30)
    log.close()


def drive(lab, notebook, tag, mode="run", driver=DRIVER):
    url, _ = lab
    env = dict(os.environ, LAB_URL=url, SHOTS=str(SHOTS))
    done = subprocess.run(["node", driver.name, f"notebooks/{notebook}", tag, mode], cwd=BUILD / "driver",
                          env=env, capture_output=True, text=True, timeout=900)
    result = json.loads((SHOTS / f"{tag}-result.json").read_text())
    assert done.returncode == 0 and "error" not in result, f"{notebook}: {result.get('error')}\n{done.stderr}"
    return result


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_each_notebook_runs_in_jupyterlab_and_draws_every_chart(lab, notebook):
    result = drive(lab, notebook, notebook.removesuffix(".ipynb"))
    code = [cell for cell in result["cells"] if cell["type"] == "code"]
    assert code, f"{notebook} shows no code cells"
    for cell in code:
        assert cell["executionCount"] is not None, f"{notebook}: not run: {cell['source']!r}"
        assert not cell["errors"], f"{notebook}: {cell['source']!r} failed: {cell['errors']}"
        for chart in cell["charts"]:
            assert chart["drawn"], f"{notebook}: plotly did not draw the {chart['kind']} of {cell['source']!r}"
    assert not result["pageErrors"], f"{notebook}: page errors {result['pageErrors']}"
    outside = [host for host in result["hosts"] if host and not host.startswith("127.0.0.1:")]
    assert not outside, f"{notebook}: requests left 127.0.0.1: {outside}"
    assert (SHOTS / f"{notebook.removesuffix('.ipynb')}.png").stat().st_size > 10_000


def test_a_tablesaw_figure_from_a_java_cell_draws_in_jupyterlab(lab):
    result = json.loads((SHOTS / "java-api-result.json").read_text()) if (SHOTS / "java-api-result.json").is_file() \
        else drive(lab, "java-api.ipynb", "java-api")
    figures = [chart for cell in result["cells"] for chart in cell["charts"] if "sluice-figure" in chart["kind"]]
    assert figures and all(chart["drawn"] for chart in figures), figures


def test_progress_lines_leave_no_leftovers_in_jupyterlab(lab):
    """%train compare rewrites its progress line as it goes (each algorithm, fold and tree count): one line
    remains in JupyterLab, the last, ending in done (ProgressTest checks that a shorter line covers a longer)."""
    notebook = lab[1] / "notebooks" / "progress.ipynb"
    notebook.write_text(json.dumps({"nbformat": 4, "nbformat_minor": 5,
                                    "metadata": {"kernelspec": {"name": "sluice", "display_name": "Sluice", "language": "java"}},
                                    "cells": [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                                               "source": ["%ingest data/diamonds.csv.gz --limit 8000\n",
                                                          "%train compare --target price"]}]}))
    result = drive(lab, "progress.ipynb", "progress")
    shown = result["cells"][0]["shownText"]
    progress = [line for line in shown.splitlines() if line.startswith("comparing algorithms")]
    assert progress and progress[-1].rstrip().endswith(", done"), shown
    assert len(progress) == 1, f"one progress line should remain: {progress}"


def test_an_error_cell_shows_one_line_in_jupyterlab(lab):
    """A magic's mistake is one line a person can act on, not a stack trace to scroll past."""
    (lab[1] / "notebooks" / "mistake.ipynb").write_text(json.dumps({
        "nbformat": 4, "nbformat_minor": 5,
        "metadata": {"kernelspec": {"name": "sluice", "display_name": "Sluice", "language": "java"}},
        "cells": [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                   "source": ["%ingest data/penguins.csv\n", "%eda hist bodymass"]}]}))
    result = drive(lab, "mistake.ipynb", "mistake")
    cell = result["cells"][0]
    assert cell["errors"] and "bodymass" in cell["errors"][0], cell
    shown = [line for line in cell["shownText"].splitlines() if line.strip()]
    error = [line for line in shown if "bodymass" in line]
    assert len(error) == 1 and not any(line.lstrip().startswith("at ") for line in shown), shown


@pytest.mark.parametrize("notebook", ["eda.ipynb", "java-api.ipynb"])
def test_an_executed_notebook_opened_untrusted_shows_every_chart_as_an_image(lab, notebook):
    """A notebook executed elsewhere (`sluice.jar run`, as nbconvert would) opens untrusted: no script
    runs, so each %eda chart and each Tablesaw figure must show its static PNG."""
    name = notebook.removesuffix(".ipynb")
    out = lab[1] / "notebooks" / f"{name}-executed.ipynb"
    done = subprocess.run(["java", "-jar", str(REPO / "kernel" / "target" / "sluice.jar"), "run",
                           str(lab[1] / "notebooks" / notebook), "-o", str(out)],
                          cwd=lab[1] / "notebooks", capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    result = drive(lab, out.name, f"{name}-untrusted", mode="open")
    charts = [chart for cell in result["cells"] for chart in cell["charts"]]
    assert charts, f"{notebook} shows no charts"
    assert all(not cell["trusted"] for cell in result["cells"] if cell["type"] == "code" and cell["outputTypes"])
    for chart in charts:
        assert chart["imageShown"] and not chart["drawn"], chart
    assert not result["pageErrors"], result["pageErrors"]


def test_completion_tooltip_stop_and_restart_work_as_a_user_uses_them(lab):
    """Keyboard and toolbar, in JupyterLab: Tab lists magics and Java members, Shift+Tab shows a signature,
    the stop button ends a busy loop and the kernel keeps its state, a restart starts it afresh."""
    (lab[1] / "notebooks" / "interact.ipynb").write_text(json.dumps({
        "nbformat": 4, "nbformat_minor": 5, "cells": [{"cell_type": "code", "metadata": {}, "execution_count": None,
                                                       "outputs": [], "source": []}],
        "metadata": {"kernelspec": {"name": "sluice", "display_name": "Sluice", "language": "java"}}}))
    result = drive(lab, "interact.ipynb", "interact", driver=INTERACT)
    assert "%lsmagic" in result["magicCompletions"], result["magicCompletions"]
    assert {"max", "min"} & {item.split("(")[0].strip() for item in result["javaCompletions"]}, result["javaCompletions"]
    assert result["tooltip"] and "max(" in result["tooltip"], result["tooltip"]
    assert result["busyBeforeStop"] == "busy" and result["stopButton"]
    assert result["secondsToStop"] < 5, result["secondsToStop"]
    assert any(output.startswith("error") for output in result["loopOutputs"]), result["loopOutputs"]
    assert result["afterStop"] == ["execute_result 42"], result["afterStop"]
    assert result["afterRestart"] == ["execute_result 2"], result["afterRestart"]
    assert any(output.startswith("error") for output in result["keptAfterRestart"]), result["keptAfterRestart"]
    assert not result["pageErrors"], result["pageErrors"]
