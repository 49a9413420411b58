"""Every notebook in notebooks/ runs top to bottom under nbclient with no error output; the example
analyses show what they are there to show."""
import re

import pytest

from sluice_kernel import KERNEL_NAME, REPO, require

nbformat = require("nbformat")
nbclient = require("nbclient")

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def shown(cell):
    """What a code cell printed and showed as text, in order."""
    return "\n".join(o.text if o.output_type == "stream" else o.get("data", {}).get("text/plain", "")
                     for o in cell.get("outputs", []))


def mimes(cell):
    return {mime for o in cell.get("outputs", []) for mime in o.get("data", {})}


def cell_starting(code_cells, start):
    found = [cell for cell in code_cells if cell.source.startswith(start)]
    assert found, f"no code cell starts with {start!r}"
    return found


def check_penguins(cells):
    train = shown(cell_starting(cells, "%train compare")[0])
    assert re.search(r"^test accuracy (0\.\d{4}|1\.0000)", train, re.M) and "leaderboard (cross-validated accuracy" in train, train
    assert all("image/png" in mimes(cell) for cell in cell_starting(cells, "%eda scatter") + cell_starting(cells, "%evaluate"))
    predicted = cell_starting(cells, 'Table birds = table("raw")')[0]
    assert "predicted" in shown(predicted) and "text/html" in mimes(predicted), shown(predicted)
    assert re.search(r"^predicted species: (Adelie|Chinstrap|Gentoo)$", shown(cell_starting(cells, "Table newcomer")[0]), re.M)
    assert re.search(r"^Serving .* at http://127\.0\.0\.1:\d+ \(version [0-9a-f]{12}\)$",
                     shown(cell_starting(cells, "%deploy --port 0")[0]), re.M)
    posted = shown(cell_starting(cells, "import java.net.URI")[0])
    assert re.search(r'^HTTP 200: \{"prediction":\["(Adelie|Chinstrap|Gentoo)"\],"probabilities"', posted, re.M), posted
    assert re.search(r"^Stopped the endpoint at http://127\.0\.0\.1:\d+; port \d+ is free\.$", shown(cell_starting(cells, "%deploy stop")[0]), re.M)


def check_regression(cells):
    for train in cell_starting(cells, "%train"):
        assert re.search(r"^test r2 0\.\d{4}\s+\(mse .*, rmse .*, mae .*\)", shown(train), re.M), shown(train)
    evaluations = cell_starting(cells, "%evaluate")
    assert len(evaluations) == 2 and all("image/png" in mimes(cell) for cell in evaluations)
    assert re.search(r"^[\d,]+ of 53,940 stones get a negative price", shown(cell_starting(cells, "var linearModel")[0]), re.M)
    table = shown(cell_starting(cells, "var forestModel")[0])
    assert [line.split()[0] for line in table.splitlines() if line.strip()][1:] == ["r2", "rmse", "mae"], table


def check_java_api(cells):
    figures = [cell for cell in cells if cell.source.startswith("import tech.tablesaw.plotly")]
    assert len(figures) == 2 and all(shown(c).startswith("Plotly figure") and "text/html" in mimes(c) for c in figures)
    assert "island: text [Biscoe, Dream, Torgersen]" in shown(cell_starting(cells, "model().inputs()")[0])
    assert re.match(r"\{accuracy=(0\.|1\.0)", shown(cell_starting(cells, "model().metrics()")[0]))
    assert re.search(r"loaded back: same predictions for all \d+ measured penguins: true$",
                     shown(cell_starting(cells, "Path file")[0]), re.M)
    assert re.search(r"^50 trees, ", shown(cell_starting(cells, "var forest")[0]), re.M)


def check_ingest(cells):
    parquet = shown(cell_starting(cells, "%ingest data/penguins.parquet")[0])
    assert re.match(r"data/penguins\.parquet → 344 rows × 3 columns in ", parquet), parquet
    assert shown(cell_starting(cells, 'table().column("body_mass_g").type()')[0]) == "INTEGER, 2 missing"
    summary = shown(cell_starting(cells, "%ingest data/penguins.xlsx --sheet summary")[0])
    assert re.search(r"^  penguins +integer +0$", summary, re.M) and "Gentoo" in summary, summary


KEY_OUTPUTS = {"penguins.ipynb": check_penguins, "ingest.ipynb": check_ingest, "regression.ipynb": check_regression, "java-api.ipynb": check_java_api}


def test_there_are_notebooks_to_run():
    assert NOTEBOOKS, f"no notebooks in {REPO / 'notebooks'}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_without_errors(kernelspec, postgres_tables, mariadb_tables, path):
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
    if path.name in KEY_OUTPUTS:
        KEY_OUTPUTS[path.name](code_cells)
