"""The parity suite's data sets (issue 12), for sklearn_reference.py, which writes them beside itself:
scikit-learn's bundled sets, the sets generated from fixed numpy seeds, and the targets of each.
ggplot2's txhousing is read from txhousing.csv.gz, which txhousing.R exports."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn import datasets

HERE = Path(__file__).resolve().parent


def snake(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def bundled() -> dict[str, pd.DataFrame]:
    """scikit-learn's bundled sets, read from the installed package, with plain column names."""
    diabetes = datasets.load_diabetes(as_frame=True, scaled=False).frame.rename(columns={"target": "y"})
    iris = datasets.load_iris(as_frame=True)
    wine = datasets.load_wine(as_frame=True)
    digits = datasets.load_digits(as_frame=True).frame.astype(int).rename(columns={"target": "digit"})
    iris_frame = iris.data.rename(columns=snake).assign(species=iris.target_names[iris.target])
    wine_frame = wine.data.rename(columns=snake).assign(cultivar=wine.target_names[wine.target])
    return {"diabetes": diabetes, "iris": iris_frame, "wine": wine_frame, "digits": digits}


def terciles(y: np.ndarray) -> np.ndarray:
    """A text class per row from y's terciles: lo, mid, hi."""
    return np.array(["lo", "mid", "hi"])[np.digitize(y, np.quantile(y, [1 / 3, 2 / 3]))]


def scaled(rng):
    """Columns of 1e-3 beside columns of 1e9, both mattering."""
    n = 1000
    tiny, huge, mid = rng.uniform(0, 1e-3, n), rng.uniform(0, 1e9, n), rng.normal(0, 1, n)
    y = 4000 * tiny + 3e-9 * huge + mid + rng.normal(0, 0.5, n)
    return pd.DataFrame({"tiny": tiny, "huge": huge, "mid": mid, "y": y, "label": terciles(y)})


def collinear(rng):
    """A duplicated column and exact linear combinations (values on a 1/64 grid, so the sums are exact)."""
    n = 600
    a, b, e = (np.round(rng.normal(0, 1, n) * 64) / 64 for _ in range(3))
    y = 2 * a - b + 0.5 * e + rng.normal(0, 0.3, n)
    return pd.DataFrame({"a": a, "b": b, "a_copy": a, "a_plus_b": a + b, "three_a_minus_two_b": 3 * a - 2 * b,
                         "e": e, "y": y, "label": terciles(y)})


def constant(rng):
    """A constant column and an all-zero column beside two that matter."""
    n = 400
    x1, x2 = rng.normal(0, 1, n), rng.normal(5, 2, n)
    y = 3 * x1 - 2 * x2 + rng.normal(0, 1, n)
    return pd.DataFrame({"x1": x1, "seven": np.full(n, 7.0), "x2": x2, "zero": np.zeros(n), "y": y,
                         "label": terciles(y)})


def levels150(rng):
    """A text feature of 150 levels, about 20 rows each, with an effect per level."""
    n = 3000
    names = np.array([f"L{i:03d}" for i in range(150)])
    level = rng.randint(0, 150, n)
    x = rng.normal(0, 1, n)
    y = rng.normal(0, 5, 150)[level] + 2 * x + rng.normal(0, 1, n)
    return pd.DataFrame({"cat": names[level], "x": x, "y": y, "label": terciles(y)})


def issue12(rng):
    """Issue 12's case: y = 3e-8·big + 40·small + level(cat) + noise, big in 1e8–5e9, cat of 46 levels."""
    n = 2000
    names = np.array([f"city_{i:02d}" for i in range(46)])
    level = rng.randint(0, 46, n)
    big, small = rng.uniform(1e8, 5e9, n), rng.uniform(0, 1, n)
    y = 3e-8 * big + 40 * small + rng.normal(0, 20, 46)[level] + rng.normal(0, 0.5, n)
    return pd.DataFrame({"big": big, "small": small, "cat": names[level], "y": y})


def tiny_classes(rng):
    """Three classes of 40 rows and three of two rows: a split leaves them one training row, or none to test."""
    counts = {"c1": 40, "c2": 40, "c3": 40, "c4": 2, "c5": 2, "c6": 2}
    centres = {c: rng.normal(0, 2, 3) for c in counts}
    rows = [np.append(centres[c] + rng.normal(0, 1, 3), c) for c, k in counts.items() for _ in range(k)]
    frame = pd.DataFrame(rows, columns=["x1", "x2", "x3", "label"])
    frame[["x1", "x2", "x3"]] = frame[["x1", "x2", "x3"]].astype(float)
    return frame.sample(frac=1, random_state=rng).reset_index(drop=True)


# name: (generator, seed)
GENERATED = {"scaled": (scaled, 1), "collinear": (collinear, 2), "constant": (constant, 3),
             "levels150": (levels150, 4), "issue12": (issue12, 5), "tiny_classes": (tiny_classes, 6)}

# data set: its targets, each (target, task); sklearn_reference.py trains the algorithms of its REGRESSION or CLASSIFICATION
TARGETS = {
    "diabetes": [("y", "regression")],
    "iris": [("species", "classification")],
    "wine": [("cultivar", "classification")],
    "digits": [("digit", "classification")],
    "scaled": [("y", "regression"), ("label", "classification")],
    "collinear": [("y", "regression"), ("label", "classification")],
    "constant": [("y", "regression"), ("label", "classification")],
    "levels150": [("y", "regression"), ("label", "classification")],
    "issue12": [("y", "regression")],
    "tiny_classes": [("label", "classification")],
    "txhousing": [("median", "regression")],
}


def frames() -> dict[str, pd.DataFrame]:
    """The data sets sklearn_reference.py writes (txhousing.R writes txhousing)."""
    data = bundled()
    for name, (generate, seed) in GENERATED.items():
        data[name] = generate(np.random.RandomState(seed))
    return data


def load() -> dict[str, pd.DataFrame]:
    """The data sets as written, read back exactly: what Sluice reads too."""
    return {name: pd.read_csv(HERE / file_of(name), float_precision="round_trip") for name in TARGETS}


def file_of(name: str) -> str:
    return name + (".csv.gz" if name in ("digits", "txhousing") else ".csv")
