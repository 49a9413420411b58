"""%evaluate through the protocol: after %ingest, %clean and %train, one report with metrics and plots."""
import base64
import re

from sluice_kernel import REPO, require

require("jupyter_client")

PENGUINS = REPO / "notebooks" / "data" / "penguins.csv"


def test_evaluate_after_train_shows_metrics_and_plots_that_need_no_internet(kernel):
    run = kernel.execute("%evaluate")
    assert run.status == "error" and run.reply["ename"] == "UsageError"
    assert run.reply["evalue"].startswith("No model yet. Run %train")

    kernel.ok(f"%ingest {PENGUINS}")
    kernel.ok("%clean drop-missing sex")
    kernel.ok("%train logistic --target sex", timeout=120)
    data = kernel.ok("%evaluate", timeout=120).data

    assert set(data) == {"text/plain", "text/html", "image/png"}
    assert base64.b64decode(data["image/png"])[:8] == b"\x89PNG\r\n\x1a\n"
    plain = data["text/plain"]
    assert plain.startswith("logistic classification of sex, on 67 test rows")
    for metric in ("accuracy", "precision_macro", "recall_macro", "f1_macro", "roc_auc"):
        assert re.search(rf"^\s+{metric}\s+0\.\d{{4}}", plain, re.M), plain
    assert "Line: ROC curve, male positive" in plain
    html = data["text/html"]
    assert html.count("data:image/png;base64,") == 2, "the confusion matrix and the ROC curve, each with its image"
    assert "kernelspecs/sluice/plotly.min" in html and not re.search(r"https?://", html)

    run = kernel.execute("%evaluate --on validation")
    assert run.status == "error" and run.reply["evalue"] == "--on takes test or train, not 'validation'."
