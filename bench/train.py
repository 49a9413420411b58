#!/usr/bin/python3
"""%train beside scikit-learn on synth_1m.csv, in one run.

Run it with Debian's Python (python3-sklearn, python3-pandas from apt), not pyenv's:

    cd /work/main && mvn -q -B package -DskipTests
    /usr/bin/python3 bench/train.py                     # writes bench/results_train.md
    /usr/bin/python3 bench/train.py --only linear --only linear-200k --runs 5   # some cases only

Cases (the issue's targets in brackets):

- linear: ``%train linear`` on all 1M rows (800k training rows) beside ``LinearRegression`` [fit ratio <= 1.0];
- linear-200k: the same on the first 200k rows (160k training rows) [whole-cell ratio <= 1.0];
- forest: ``%train random-forest`` (100 trees) on the first 250k rows (200k training rows) beside
  ``RandomForestRegressor(n_estimators=100, n_jobs=-1, random_state=42)`` on the same rows
  [fit ratio <= 0.5, R² within 0.01];
- prediction of 200,000 rows by each model [ratio <= 1.0].

Both sides first fill the numeric columns with their means (not timed); scikit-learn then one-hot
encodes with ``get_dummies(drop_first=True)`` and splits with ``train_test_split(test_size=0.2,
random_state=42)``. Each side fits twice in one fresh process: cold (first) and warm (second).
"Fit" is encoding the training rows plus the model fit (scikit-learn: the fit alone); "whole" is
Sluice's whole ``%train`` (split, refitting the cleaning steps on the training rows, encoding, fit,
test scoring) and scikit-learn's encode + split + fit + score. The sides run interleaved, --runs times each; medians are reported.
For the linear cases a third process runs the kernel's background warm-up (TrainWarmUp, which a kernel
runs once started, while its user ingests) before ingesting: its first whole ``%train`` is what a kernel
user's first one takes, and is set beside scikit-learn's cold one. The cold row stays the fresh JVM's.
"""
from __future__ import annotations

import argparse
import datetime
import os
import statistics
import subprocess
import sys
from pathlib import Path

from common import REPO, run_json, synth_csv, timer_classpath

TIMER = REPO / "bench" / "train_timer.java"

SKLEARN_SCRIPT = r"""
import json, sys, time
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.linear_model import LinearRegression
from sklearn.metrics import r2_score
from sklearn.model_selection import train_test_split
path, rows, algorithm = sys.argv[1], int(sys.argv[2]), sys.argv[3]
df = pd.read_csv(path, nrows=rows)
num = df.select_dtypes(include="number").columns
df[num] = df[num].fillna(df[num].mean())
for c in df.select_dtypes(include="object").columns:
    df[c] = df[c].astype("category")
runs = []
for run in range(2):
    t0 = time.perf_counter()
    X = pd.get_dummies(df.drop(columns=["target"]), drop_first=True)
    X_train, X_test, y_train, y_test = train_test_split(X, df["target"], test_size=0.2, random_state=42)
    model = LinearRegression() if algorithm == "linear" else RandomForestRegressor(n_estimators=100, n_jobs=-1, random_state=42)
    t1 = time.perf_counter()
    model.fit(X_train, y_train)
    t2 = time.perf_counter()
    r2 = r2_score(y_test, model.predict(X_test))
    t3 = time.perf_counter()
    rows200k = X_test if len(X_test) >= 200_000 else X_train.iloc[:200_000]
    t4 = time.perf_counter()
    model.predict(rows200k)
    t5 = time.perf_counter()
    runs.append({"fit_s": t2 - t1, "magic_s": t3 - t0, "predict_s": t5 - t4, "r2": r2,
                 "train_rows": len(X_train), "test_rows": len(X_test), "predicted_rows": len(rows200k)})
print(json.dumps({"algorithm": algorithm, "runs": runs}))
"""

# (case, algorithm, rows of synth_1m.csv)
CASES = (("linear", "linear", 1_000_000), ("linear-200k", "linear", 200_000), ("random-forest", "random-forest", 250_000))


def med(values):
    return statistics.median(values)


def report(results: dict, loads: list[float], command: str, runs: int) -> str:
    cases = [c for c in CASES if c[0] in results]
    import sklearn
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    lines = [
        "# %train beside scikit-learn",
        "",
        f"{datetime.date.today()}: `synth_1m.csv`, {runs} interleaved processes per side, each fitting twice "
        f"(cold, then warm). {os.cpu_count()} cores, {java}, scikit-learn {sklearn.__version__}. "
        f"Load average during the runs: {min(loads):.1f}–{max(loads):.1f}.",
        "",
        "Reproduce: `" + command + "`",
        "",
        "| case | measure | Sluice | scikit-learn | ratio |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for case, algorithm, _ in cases:
        s, k = results[case]["sluice"], results[case]["sklearn"]
        first = s[0]["runs"][0]
        label = f"{algorithm} ({first['train_rows']:,} training rows)"
        for measure, key in (("fit", "fit_s"), ("whole %train / encode+split+fit+score", "magic_s"),
                             ("predict 200,000 rows", "predict_s")):
            for phase, i in (("cold", 0), ("warm", 1)):
                sv = med([r["runs"][i][key] for r in s])
                kv = med([r["runs"][i][key] for r in k])
                lines.append(f"| {label} | {measure}, {phase} | {sv:.3f} s | {kv:.3f} s | {sv / kv:.2f} |")
            if key == "magic_s" and results[case].get("kernel"):
                sv = med([r["runs"][0][key] for r in results[case]["kernel"]])
                kv = med([r["runs"][0][key] for r in k])
                lines.append(f"| {label} | {measure}, first after the kernel's warm-up / cold | {sv:.3f} s | {kv:.3f} s "
                             f"| {sv / kv:.2f} |")
        sr2 = med([r["runs"][1]["r2"] for r in s])
        kr2 = med([r["runs"][1]["r2"] for r in k])
        lines.append(f"| {label} | test R² | {sr2:.4f} | {kr2:.4f} | Δ {sr2 - kr2:+.4f} |")
    lines += ["", "Raw runs:", ""]
    for case, _, _ in cases:
        for side in ("sluice", "kernel", "sklearn"):
            for r in results[case].get(side, []):
                lines.append(f"- {case}, {side}: " + "; ".join(
                    f"fit {x['fit_s']:.3f} s, whole {x['magic_s']:.3f} s, predict {x['predict_s']:.3f} s, R² {x['r2']:.4f}"
                    for x in r["runs"]))
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", default=os.environ.get("DATA_DIR", "/tmp/sluice-bench-data"))
    ap.add_argument("--jar", default=str(REPO / "kernel" / "target" / "sluice.jar"))
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--only", choices=[c for c, _, _ in CASES], action="append",
                    help="run this case (repeatable; the report then shows only those)")
    ap.add_argument("--out", default=str(REPO / "bench" / "results_train.md"))
    args = ap.parse_args()
    csv = synth_csv(args.data_dir)
    cases = [c for c in CASES if args.only is None or c[0] in args.only]
    results = {c: {"sluice": [], "kernel": [], "sklearn": []} for c, _, _ in cases}
    loads = []
    with timer_classpath(args.jar, TIMER) as classpath:
        for i in range(args.runs):
            for case, algorithm, rows in cases:
                loads.append(os.getloadavg()[0])
                results[case]["sluice"].append(
                    run_json(["java", "-cp", classpath, "TrainTimer", str(csv), str(rows), algorithm]))
                if algorithm == "linear":
                    results[case]["kernel"].append(
                        run_json(["java", "-cp", classpath, "TrainTimer", "--warm-up", str(csv), str(rows), algorithm]))
                results[case]["sklearn"].append(run_json([sys.executable, "-c", SKLEARN_SCRIPT, str(csv), str(rows), algorithm]))
                print(f"run {i + 1}/{args.runs} {case}: sluice {results[case]['sluice'][-1]}, "
                      f"sklearn {results[case]['sklearn'][-1]}", file=sys.stderr)
        loads.append(os.getloadavg()[0])
    command = "/usr/bin/python3 bench/train.py" + (f" --runs {args.runs}" if args.runs != 1 else "") + "".join(
        f" --only {case}" for case in args.only or [])
    text = report(results, loads, command, args.runs)
    Path(args.out).write_text(text)
    print(text)


if __name__ == "__main__":
    main()
