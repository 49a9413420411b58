"""Every notebook in notebooks/ runs top to bottom under nbclient with no error output."""
import os
import shutil
import subprocess

import pytest

from sluice_kernel import KERNEL_NAME, REPO, require

nbformat = require("nbformat")
nbclient = require("nbclient")

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks_to_run():
    assert NOTEBOOKS, f"no notebooks in {REPO / 'notebooks'}"


@pytest.fixture(scope="module")
def postgres_tables():
    """Loads the PostgreSQL tables the notebooks read, as their markdown says (data/*.sql)."""
    scripts = sorted((REPO / "notebooks" / "data").glob("*.sql"))
    psql = shutil.which("psql")
    for script in scripts:
        result = None if psql is None else subprocess.run(
            [psql, "-h", "127.0.0.1", "-d", "test", "-v", "ON_ERROR_STOP=1", "-q", "-f", str(script.relative_to(REPO / "notebooks"))],
            cwd=REPO / "notebooks", capture_output=True, text=True)
        if result is None or result.returncode != 0:
            reason = f"could not load {script.name} into PostgreSQL at 127.0.0.1:5432/test: " + (
                "psql is not installed" if result is None else result.stderr.strip())
            if os.environ.get("CI") == "true":
                pytest.fail(reason)
            pytest.skip(reason)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_without_errors(kernelspec, postgres_tables, path):
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(notebook, kernel_name=KERNEL_NAME, timeout=120,
                                     resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as e:
        pytest.fail(f"{path.name}: a cell failed:\n{e}", pytrace=False)
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    errors = [(n, output) for n, cell in enumerate(code_cells, 1)
              for output in cell.get("outputs", []) if output.output_type == "error"]
    assert not errors, f"{path.name}: error output in code cells {[n for n, _ in errors]}: {errors[0][1]}"
    unrun = [n for n, cell in enumerate(code_cells, 1) if cell.source.strip() and cell.execution_count is None]
    assert not unrun, f"{path.name}: code cells {unrun} did not run"
