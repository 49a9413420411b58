"""%train through the protocol: the report, progress on the stream, model() in Java, errors as one line."""
from sluice_kernel import REPO, require

require("jupyter_client")

PENGUINS = REPO / "notebooks" / "data" / "penguins.csv"


def test_train_reports_the_model_and_java_cells_can_use_it(kernel):
    kernel.ok(f"%ingest {PENGUINS}")
    kernel.ok("%clean drop-missing")
    data = kernel.ok("%train random-forest --target species --seed 3").data
    plain = data["text/plain"]
    assert plain.startswith("random-forest classification of species")
    assert "rows: 264 training, 69 test (seed 3, stratified)" in plain
    assert "test accuracy 0.9" in plain or "test accuracy 1.0" in plain
    assert "<b>random-forest classification of species</b>" in data["text/html"]
    again = kernel.ok("model().predict(table().first(3)).asList()").data
    assert again["text/plain"] == "[Adelie, Adelie, Adelie]"


def test_the_same_cell_gives_the_same_metrics(kernel):
    kernel.ok(f"%ingest {PENGUINS}")
    kernel.ok("%clean drop-missing")
    first = kernel.ok("%train gradient-boosting --target body_mass_g").data["text/plain"]
    second = kernel.ok("%train gradient-boosting --target body_mass_g").data["text/plain"]
    strip = lambda text: [line for line in text.splitlines() if not line.startswith("trained in")]
    assert strip(first) == strip(second)


def test_a_bad_parameter_is_one_line_listing_the_valid_ones(kernel):
    kernel.ok(f"%ingest {PENGUINS}")
    run = kernel.execute("%train random-forest --target species --set depth=3")
    assert run.status == "error" and run.reply["ename"] == "UsageError"
    assert run.reply["evalue"].startswith("random-forest has no parameter 'depth'.")
    assert "max_depth (default 20)" in run.reply["evalue"]
