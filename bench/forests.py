#!/usr/bin/python3
"""The default random forest and gradient boosting of %train beside scikit-learn's, on the parity data sets.

Run it with Debian's Python (python3-sklearn), not pyenv's:

    cd /work/main && mvn -o -q -B -DskipTests package
    /usr/bin/python3 bench/forests.py                       # writes bench/results_forests.md
    /usr/bin/python3 bench/forests.py --only diamonds --algorithms random-forest \\
        --set-regression random-forest=node_size=1 --out /tmp/try.md     # try other settings

Data sets: scikit-learn's diabetes (regression), iris, wine and digits (classification), read from
its bundled files; diamonds (price, notebooks/data/diamonds.csv.gz); and a generated housing-like
regression table (columns at very different scales, a text column of 46 cities). Each is split by
``train_test_split(test_size=0.2, random_state=42)``, stratified for classification; Sluice gets the
same test rows with ``%train ... --test-rows FILE``. Text columns go to scikit-learn as
``OrdinalEncoder`` codes (sorted levels), the level indexes %train gives its trees.

scikit-learn runs its defaults, ``RandomForestRegressor/Classifier(random_state=0)`` and
``GradientBoostingRegressor/Classifier(random_state=0)``, on one core (its default n_jobs). Sluice
runs ``%train random-forest`` and ``%train gradient-boosting`` with their defaults (or --set-*).
Each side fits --fits times in one fresh process; the first fit is cold, the median of the others
is reported as warm. A third process per run takes a kernel's path: it runs the kernel's training
warm-up (TrainWarmUp) first, then ingests and fits; its first fit is what a notebook's first
``%train`` of the algorithm takes. The sides take turns, case by case, --runs times; medians across
processes.
The target: warm fit time at most 0.5 of scikit-learn's, metric (R² or accuracy) within 0.02. CPU
time (Sluice: the process's, over the whole magic, all threads; scikit-learn: its fit's) is shown
too: on a shared machine it says more about the work done than wall time does.
"""
from __future__ import annotations

import argparse
import datetime
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import REPO, run_json, timer_classpath

TIMER = REPO / "bench" / "forests_timer.java"
DIAMONDS = REPO / "notebooks" / "data" / "diamonds.csv.gz"
ALGORITHMS = ("random-forest", "gradient-boosting")

SKLEARN_SCRIPT = r"""
import json, sys, time
import numpy as np, pandas as pd
from sklearn import ensemble
from sklearn.metrics import accuracy_score, r2_score
from sklearn.preprocessing import OrdinalEncoder
path, target, test_rows, algorithm, task, fits = sys.argv[1:7]
df = pd.read_csv(path)
test = np.loadtxt(test_rows, dtype=int)
train = np.setdiff1d(np.arange(len(df)), test)
X, y = df.drop(columns=[target]), df[target]
text = X.select_dtypes(include="object").columns
if len(text):
    X[text] = OrdinalEncoder().fit(X.iloc[train][text]).transform(X[text])
learner = {("random-forest", "regression"): ensemble.RandomForestRegressor,
           ("random-forest", "classification"): ensemble.RandomForestClassifier,
           ("gradient-boosting", "regression"): ensemble.GradientBoostingRegressor,
           ("gradient-boosting", "classification"): ensemble.GradientBoostingClassifier}[(algorithm, task)]
runs = []
import os
for fit in range(int(fits)):
    model = learner(random_state=fit if os.environ.get("FOREST_SEEDS") else 0)
    t0, c0 = time.perf_counter(), time.process_time()
    model.fit(X.iloc[train], y.iloc[train])
    t1, c1 = time.perf_counter(), time.process_time()
    predicted = model.predict(X.iloc[test])
    metric = r2_score(y.iloc[test], predicted) if task == "regression" else accuracy_score(y.iloc[test], predicted)
    runs.append({"fit_s": t1 - t0, "cpu_s": c1 - c0, "metric": metric})
print(json.dumps({"runs": runs}))
"""


def housing(rows: int = 20_000, seed: int = 7):
    """A housing-like table: price from income, rooms, age, location and city, columns from 1 to 1e5."""
    import numpy as np
    import pandas as pd
    rng = np.random.default_rng(seed)
    cities = [f"city_{i:02d}" for i in range(46)]
    city_effect = rng.normal(0, 0.35, len(cities))
    city = rng.integers(0, len(cities), rows)
    income = rng.lognormal(1.2, 0.5, rows)                      # 1 .. 15
    age = rng.integers(1, 53, rows).astype(float)               # 1 .. 52
    rooms = rng.lognormal(7.5, 0.6, rows).round()               # hundreds .. tens of thousands
    population = (rooms * rng.lognormal(0.9, 0.3, rows)).round()
    latitude = rng.uniform(32.5, 42.0, rows)
    longitude = rng.uniform(-124.3, -114.3, rows)
    lot = rng.lognormal(9, 1.2, rows).round()                   # square feet, up to ~1e5 and beyond
    coast = np.exp(-np.abs(longitude + 122 - 0.5 * (latitude - 37)) / 1.5)
    price = (40_000 * income + 90_000 * coast + 60_000 * city_effect[city] - 800 * age
             + 20_000 * np.log(rooms / population * 3) + 10_000 * np.log(lot / 5000)
             + 30_000 * np.sin(latitude * 1.3) * (income > 4) + rng.normal(0, 10_000, rows))
    return pd.DataFrame({"income": income.round(4), "age": age, "rooms": rooms, "population": population,
                         "latitude": latitude.round(3), "longitude": longitude.round(3), "lot": lot,
                         "city": np.array(cities)[city], "price": np.maximum(price, 15_000).round(-2)})


def datasets(tmp: Path):
    """(name, task, csv, target, test-rows file) for each parity data set, written under tmp."""
    import numpy as np
    import pandas as pd
    from sklearn import datasets as sk
    from sklearn.model_selection import train_test_split
    frames = []
    diabetes = sk.load_diabetes(as_frame=True, scaled=False).frame
    frames.append(("diabetes", "regression", diabetes, "target"))
    for name, load in (("iris", sk.load_iris), ("wine", sk.load_wine), ("digits", sk.load_digits)):
        frame = load(as_frame=True).frame
        frames.append((name, "classification", frame, "target"))
    frames.append(("diamonds", "regression", pd.read_csv(DIAMONDS), "price"))
    frames.append(("housing", "regression", housing(), "price"))
    out = []
    for name, task, frame, target in frames:
        rows = np.arange(len(frame))
        _, test = train_test_split(rows, test_size=0.2, random_state=42,
                                   stratify=frame[target] if task == "classification" else None)
        csv, test_file = tmp / f"{name}.csv", tmp / f"{name}.test-rows"
        frame.to_csv(csv, index=False)
        test_file.write_text("".join(f"{i}\n" for i in sorted(test)))
        out.append((name, task, csv, target, test_file))
    return out


def med(values):
    return statistics.median(values)


def warm(result: dict, key: str) -> float:
    runs = result["runs"]
    return med([r[key] for r in (runs[1:] or runs)])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jar", default=str(REPO / "kernel" / "target" / "sluice.jar"))
    ap.add_argument("--runs", type=int, default=1, help="processes per side and case, interleaved")
    ap.add_argument("--fits", type=int, default=3, help="fits per process; the first is cold")
    ap.add_argument("--seeds", action="store_true",
                    help="fit i of a process seeded by i on both sides (Sluice --seed i, scikit-learn random_state=i); "
                         "the metrics are then means over every fit: on 30 test rows (iris) one row is 0.033")
    ap.add_argument("--only", action="append", help="data set(s) to run (default: all)")
    ap.add_argument("--algorithms", default=",".join(ALGORITHMS))
    ap.add_argument("--set-regression", action="append", default=[], metavar="ALGO=k=v,k=v",
                    help="--set for Sluice's ALGO on regression sets")
    ap.add_argument("--set-classification", action="append", default=[], metavar="ALGO=k=v,k=v")
    ap.add_argument("--no-sklearn", action="store_true", help="Sluice only (to try settings quickly)")
    ap.add_argument("--out", default=str(REPO / "bench" / "results_forests.md"))
    args = ap.parse_args()
    if args.seeds:
        os.environ["FOREST_SEEDS"] = "1"
    metric_of = (lambda results: statistics.mean(f["metric"] for r in results for f in r["runs"])) if args.seeds \
        else (lambda results: med([warm(r, "metric") for r in results]))
    settings = {}
    for task in ("regression", "classification"):
        for item in getattr(args, "set_" + task):
            algorithm, _, value = item.partition("=")
            settings[(algorithm, task)] = value
    algorithms = args.algorithms.split(",")
    rows, loads = [], []
    with tempfile.TemporaryDirectory() as tmp, timer_classpath(args.jar, TIMER) as classpath:
        for name, task, csv, target, test_file in datasets(Path(tmp)):
            if args.only and name not in args.only:
                continue
            for algorithm in algorithms:
                sluice, sklearn, kernel = [], [], []
                for _ in range(args.runs):
                    loads.append(os.getloadavg()[0])
                    case = [str(csv), target, str(test_file), algorithm, task, str(args.fits),
                            settings.get((algorithm, task), "")]
                    sluice.append(run_json(["java", "-cp", classpath, "ForestsTimer", *case]))
                    kernel.append(run_json(["java", "-cp", classpath, "ForestsTimer", "--warm-up", *case]))
                    if not args.no_sklearn:
                        sklearn.append(run_json([sys.executable, "-c", SKLEARN_SCRIPT, str(csv), target,
                                                 str(test_file), algorithm, task, str(args.fits)]))
                row = {"set": name, "task": task, "algorithm": algorithm,
                       "settings": settings.get((algorithm, task), ""),
                       "s_metric": metric_of(sluice),
                       "s_cold": med([r["runs"][0]["fit_s"] for r in sluice]),
                       "s_kernel": med([r["runs"][0]["fit_s"] for r in kernel]),
                       "s_fit": med([warm(r, "fit_s") for r in sluice]),
                       "s_cpu": med([warm(r, "cpu_s") for r in sluice])}
                if sklearn:
                    row.update(k_metric=metric_of(sklearn),
                               k_fit=med([warm(r, "fit_s") for r in sklearn]),
                               k_cpu=med([warm(r, "cpu_s") for r in sklearn]))
                rows.append(row)
                print(row, file=sys.stderr, flush=True)
        loads.append(os.getloadavg()[0])
    command = "/usr/bin/python3 bench/forests.py " + " ".join(sys.argv[1:])
    text = report(rows, loads, command.strip(), args)
    if not args.no_sklearn:
        Path(args.out).write_text(text)
    print(text)


def report(rows, loads, command, args) -> str:
    import sklearn
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    lines = [
        "# Default forest and boosting beside scikit-learn's",
        "",
        f"{datetime.date.today()}: {args.runs} interleaved process(es) per side and case, {args.fits} fits each "
        f"(first cold; warm = median of the rest), and a kernel's path: the first fit after the kernel's "
        f"training warm-up. {'Metrics: means over the fits, fit i seeded by i on both sides. ' if args.seeds else ''}"
        f"{os.cpu_count()} cores shared, {java}, scikit-learn "
        f"{sklearn.__version__} (one core, its default). Load average during the runs: {min(loads):.1f}–{max(loads):.1f}.",
        "",
        "Reproduce: `" + command + "`",
        "",
        "| data set | algorithm | Sluice metric | scikit-learn | Δ | Sluice fit warm (cold) | scikit-learn fit | ratio "
        "| kernel's first fit | ratio | Sluice CPU | scikit-learn CPU | CPU ratio |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        metric = "R²" if r["task"] == "regression" else "accuracy"
        label = r["algorithm"] + (f" `{r['settings']}`" if r["settings"] else "")
        if "k_metric" in r:
            lines.append(f"| {r['set']} ({metric}) | {label} | {r['s_metric']:.4f} | {r['k_metric']:.4f} | "
                         f"{r['s_metric'] - r['k_metric']:+.4f} | {r['s_fit']:.3f} s ({r['s_cold']:.3f}) | "
                         f"{r['k_fit']:.3f} s | {r['s_fit'] / r['k_fit']:.2f} | {r['s_kernel']:.3f} s | "
                         f"{r['s_kernel'] / r['k_fit']:.2f} | {r['s_cpu']:.3f} s | {r['k_cpu']:.3f} s | "
                         f"{r['s_cpu'] / r['k_cpu']:.2f} |")
        else:
            lines.append(f"| {r['set']} ({metric}) | {label} | {r['s_metric']:.4f} | | | "
                         f"{r['s_fit']:.3f} s ({r['s_cold']:.3f}) | | | {r['s_kernel']:.3f} s | | {r['s_cpu']:.3f} s | | |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
