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


def test_a_value_out_of_range_is_one_line_naming_the_range_and_keeps_the_model(kernel):
    kernel.ok(f"%ingest {PENGUINS}")
    kernel.ok("%clean drop-missing")
    kernel.ok("%train tree --target species")
    for value in ("0", "2.7"):
        run = kernel.execute(f"%train random-forest --target species --set trees={value}")
        assert run.status == "error" and run.reply["ename"] == "UsageError"
        assert run.reply["evalue"] == f"--set trees must be a whole number from 1 to 100,000; got '{value}'."
        assert "Exception" not in "\n".join(run.reply["traceback"])
    assert kernel.ok("System.out.print(model().algorithm());").stdout == "tree"
