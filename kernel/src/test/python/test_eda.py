"""%eda through the protocol: the overview, and plots as bundles that show with and without JavaScript."""
import base64
import json
import re

from sluice_kernel import REPO, require

require("jupyter_client")

PENGUINS = REPO / "notebooks" / "data" / "penguins.csv"


def test_overview_lists_columns_and_warnings(kernel):
    kernel.ok(f"%ingest {PENGUINS}")
    data = kernel.ok("%eda").data
    assert data["text/plain"].startswith("penguins.csv: 344 rows × 8 columns")
    assert "Adelie (152)" in data["text/html"]


def test_a_histogram_is_plotly_json_a_png_and_html_that_needs_no_internet(kernel):
    kernel.ok(f"%ingest {PENGUINS}")
    data = kernel.ok("%eda hist body_mass_g --bins 10").data
    assert base64.b64decode(data["image/png"])[:8] == b"\x89PNG\r\n\x1a\n"
    figure = data["application/vnd.plotly.v1+json"]
    assert sum(figure["data"][0]["y"]) == 342
    html = data["text/html"]
    assert "data:image/png;base64," in html
    assert not re.search(r"https?://", html), "the chart must not load anything from the internet"
    assert "kernelspecs/sluice/plotly.min" in html
    assert len(json.dumps(data)) < 200_000


def test_a_text_column_in_hist_is_a_one_line_error(kernel):
    kernel.ok(f"%ingest {PENGUINS}")
    run = kernel.execute("%eda hist species")
    assert run.status == "error" and run.reply["ename"] == "UsageError"
    assert run.reply["evalue"] == "hist needs a numeric column; 'species' is a text column. Try %eda counts species."


def test_a_plotly_figure_returned_by_java_draws_with_the_offline_plotly(kernel):
    data = kernel.ok(
        "new tech.tablesaw.plotly.components.Figure(tech.tablesaw.plotly.traces.ScatterTrace"
        ".builder(new double[] {1, 2, 3}, new double[] {1, 4, 9}).build())").data
    assert data["text/plain"] == "Plotly figure (1 traces)"
    assert "Plotly.newPlot" in data["text/html"] and "kernelspecs/sluice/plotly.min" in data["text/html"]
    assert not re.search(r"https?://", data["text/html"])
