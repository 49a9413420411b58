"""Every notebook in notebooks/ runs top to bottom under nbclient with no error output."""
import pytest

from sluice_kernel import KERNEL_NAME, REPO, require

nbformat = require("nbformat")
nbclient = require("nbclient")

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks_to_run():
    assert NOTEBOOKS, f"no notebooks in {REPO / 'notebooks'}"


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
    versions = notebook.metadata.language_info.get("sluice", {})
    assert versions.get("sluice") and versions.get("java", {}).get("version") and versions.get("libraries", {}).get("tablesaw"), \
        f"{path.name}: language_info lacks the versions Sluice ran on: {notebook.metadata.language_info}"
    for n, cell in enumerate(code_cells, 1):
        if cell.source.startswith("%ingest"):
            shown = [o for o in cell.outputs if o.output_type == "execute_result"]
            fingerprint = shown[0].metadata.get("sluice", {}).get("ingested", {}) if shown else {}
            assert len(fingerprint.get("sha256", "")) == 64, f"{path.name}: %ingest in code cell {n} has no fingerprint: {shown}"
