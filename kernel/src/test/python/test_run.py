"""`java -jar sluice.jar run NOTEBOOK`: notebooks run without Jupyter, record what they ran on and
read, give the same outputs when run again, and the same outputs as under a Jupyter client."""
import copy
import hashlib
import re
import subprocess

import pytest

from sluice_kernel import JAR, KERNEL_NAME, REPO, require

nbformat = require("nbformat")
nbclient = require("nbclient")

RUN = sorted(path.name for path in (REPO / "notebooks").glob("*.ipynb"))
DURATION = re.compile(r"\d+(?:[.,]\d+)?\s?(?:s|ms|µs)\b")
PROGRESS = re.compile(r"^\r.*$", re.M)  # %ingest's progress on stderr, shown when a read takes over a second
PORT = re.compile(r"(?<=127\.0\.0\.1:)\d+|(?<=port )\d+")  # %deploy --port 0 takes any free port
PNG = re.compile(r"(?<=data:image/png;base64,)[A-Za-z0-9+/=]+")  # fonts are drawn a little differently by each JDK
VERSION = re.compile(r"(?<=version )[0-9a-f]{12}\b|^  [0-9a-f]{12}(?=  )", re.M)  # a model's file records the Java it ran on
INSTANT = re.compile(r"\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z")  # %deploy status: when a model began serving


def run(name, out):
    """Runs notebooks/NAME from the repository root, as a user would; returns the process and the notebook written."""
    result = subprocess.run(["java", "-jar", str(JAR), "run", f"notebooks/{name}", "-o", str(out)],
                            cwd=REPO, capture_output=True, text=True, timeout=300)
    assert out.is_file(), f"run wrote no {out}:\n{result.stderr}"
    return result, nbformat.read(out, as_version=4)


@pytest.fixture(scope="module")
def executed(postgres_tables, mariadb_tables, tmp_path_factory):
    """Each notebook in RUN, run once: name -> (process, notebook)."""
    folder = tmp_path_factory.mktemp("run")
    return {name: run(name, folder / name) for name in RUN}


def code_cells(notebook):
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def masked(text):
    text = VERSION.sub("<version>", INSTANT.sub("<instant>", PNG.sub("<png>", text)))
    return PORT.sub("<port>", DURATION.sub("<time>", text))


def shown(notebook):
    """What each code cell showed, timings, instants and ports masked, progress lines dropped and the stream
    pieces left around them joined (where progress fell between two warnings depends on timing):
    one list per cell."""
    cells = []
    for cell in code_cells(notebook):
        outputs = []
        for output in cell.get("outputs", []):
            output = copy.deepcopy(dict(output))
            if output["output_type"] == "stream":
                text = PROGRESS.sub("", output["text"]).strip("\n")
                if not text:
                    continue
                if outputs and outputs[-1]["output_type"] == "stream" and outputs[-1]["name"] == output["name"]:
                    outputs[-1]["text"] += "\n" + masked(text)
                    continue
                output["text"] = masked(text)
            if "data" in output:
                output["data"] = {mime: "<png>" if mime == "image/png" else masked(value) if isinstance(value, str) else value
                                  for mime, value in output["data"].items()}
            output.pop("metadata", None)
            outputs.append(output)
        cells.append(outputs)
    return cells


@pytest.mark.parametrize("name", RUN)
def test_run_executes_every_cell_without_error(executed, name):
    result, notebook = executed[name]
    assert result.returncode == 0, f"run {name} exited {result.returncode}:\n{result.stderr}"
    nbformat.validate(notebook)
    cells = code_cells(notebook)
    errors = [n for n, cell in enumerate(cells, 1) for o in cell.outputs if o.output_type == "error"]
    assert not errors, f"{name}: error output in code cells {errors}"
    counts = [cell.execution_count for cell in cells if cell.source.strip()]
    assert counts == list(range(1, len(counts) + 1)), f"{name}: execution counts {counts}"
    assert f"ran {len(counts)} cells; wrote" in result.stderr
    assert f"[1] cell " in result.stderr, "run prints a progress line per cell"


@pytest.mark.parametrize("name", RUN)
def test_run_records_what_the_notebook_ran_on(executed, name):
    _, notebook = executed[name]
    sluice = notebook.metadata.get("sluice")
    assert sluice, f"{name}: no sluice entry in the metadata: {notebook.metadata}"
    assert re.match(r"\d+\.\d+", sluice["sluice"])
    assert sluice["java"]["version"] and sluice["libraries"]["tablesaw"]
    assert notebook.metadata.language_info.sluice["sluice"] == sluice["sluice"]


def test_run_fingerprints_every_source_the_notebook_read(executed):
    _, notebook = executed["ingest.ipynb"]
    sources = notebook.metadata.sluice["sources"]
    penguins = REPO / "notebooks" / "data" / "penguins.csv"
    files = [s for s in sources if s["source"] == "data/penguins.csv"]
    assert files and all(s["sha256"] == hashlib.sha256(penguins.read_bytes()).hexdigest() for s in files), sources
    assert files[0]["bytes"] == penguins.stat().st_size and files[0]["rows"] == 344
    queries = [s for s in sources if s["kind"] == "query"]
    assert len(queries) == 4 and all(len(q["sha256"]) == 64 and "password" not in q["source"] for q in queries), queries
    assert {q["source"].split("//")[0] for q in queries} == {"jdbc:postgresql:", "jdbc:mariadb:", "jdbc:mysql:"}, queries


@pytest.mark.parametrize("name", RUN)
def test_the_committed_outputs_are_what_the_notebook_gives_now(executed, name):
    """notebooks/ are committed with their outputs, for GitHub and nbviewer to show; a run today must show
    the same, apart from timings, ports and the PNGs' bytes (each JDK draws fonts a little differently)."""
    committed = shown(nbformat.read(REPO / "notebooks" / name, as_version=4))
    _, ran = executed[name]
    now = shown(ran)
    assert len(committed) == len(now), f"{name}: {len(committed)} code cells committed, {len(now)} run"
    update = f"if the change is meant, commit the new outputs: java -jar kernel/target/sluice.jar run notebooks/{name}"
    for n, (a, b) in enumerate(zip(committed, now), 1):
        assert a == b, f"{name}: code cell {n} shows something else than its committed outputs; {update}"


def test_run_in_place_keeps_the_notebooks_permissions(tmp_path):
    notebook = tmp_path / "mine.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]), notebook)
    notebook.chmod(0o664)
    result = subprocess.run(["java", "-jar", str(JAR), "run", str(notebook)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert nbformat.read(notebook, as_version=4).cells[0].outputs[0]["data"]["text/plain"] == "2"
    assert notebook.stat().st_mode & 0o777 == 0o664


def test_run_shows_what_a_jupyter_client_shows(executed, kernelspec):
    path = REPO / "notebooks" / "first-steps.ipynb"
    notebook = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(notebook, kernel_name=KERNEL_NAME, timeout=120,
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    _, ran = executed["first-steps.ipynb"]
    for n, (jupyter, sluice) in enumerate(zip(shown(notebook), shown(ran)), 1):
        assert sluice == jupyter, f"first-steps.ipynb: code cell {n} differs between run and nbclient"


def test_a_failing_notebook_exits_non_zero_naming_the_cell(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("int n = 1;"),
        nbformat.v4.new_markdown_cell("then a column that is not there"),
        nbformat.v4.new_code_cell("%ingest data/penguins.csv\n%eda hist bodymass"),
    ])
    path = tmp_path / "broken.ipynb"
    nbformat.write(notebook, path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "penguins.csv").write_bytes((REPO / "notebooks" / "data" / "penguins.csv").read_bytes())
    result = subprocess.run(["java", "-jar", str(JAR), "run", str(path)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "sluice: cell 3 failed (In [2]): UsageError: No column 'bodymass'." in result.stderr
    written = nbformat.read(path, as_version=4)
    assert written.cells[2].outputs[-1].output_type == "error"
