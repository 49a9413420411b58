#!/usr/bin/python3
"""%eda overview and box plot beside pandas describe() + isna().sum() + value_counts() and seaborn, in one run.

Run it with Debian's Python (python3-pandas and python3-seaborn from apt), not pyenv's:

    cd /work/main && mvn -q -B package -DskipTests
    /usr/bin/python3 bench/eda.py                       # writes bench/results_eda.md

What it does:

1. Makes synth_1m.csv with ../shared/bench/gen.py in --data-dir (default /tmp/sluice-bench-data)
   unless it is there, and reads it once so it is in the page cache.
2. Sluice: a fresh JVM runs bench/eda_timer.java (compiled against a copy of the kernel jar).
   Each round ingests the file on a fresh Session (not timed), then times, through the Magics
   dispatch the kernel uses, ``%eda`` plus building its bundle (the HTML table, the warnings, the
   heatmap's PNG and plotly JSON: what the cell shows), then ``%eda box --x cat_a --y target`` plus its
   bundle (PNG and plotly JSON). Round 1 is cold (first time in the JVM), the other --rounds - 1 warm.
3. pandas: a fresh Python process does the same rounds: ``pd.read_csv`` (not timed), then times
   ``df.describe()``, ``df.isna().sum()`` and ``value_counts()`` of each text column together, then
   ``seaborn.boxplot(x='cat_a', y='target')`` saved to PNG (pandas, seaborn and matplotlib are
   imported before the first round).
4. Steps 2 and 3 are interleaved --runs times (default 3). Reported: medians over the processes
   (min-max) of the cold round and of each process's median warm round; ratio Sluice / pandas
   (target <= 1.0 for the overview; the box plot's target is under 1 s).
"""
from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

from common import REPO, run_json, synth_csv, timer_classpath

TIMER = REPO / "bench" / "eda_timer.java"

PANDAS_SCRIPT = r"""
import io, json, sys, time
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
overview, box = [], []
for _ in range(int(sys.argv[2])):
    df = pd.read_csv(sys.argv[1])
    text = [c for c in df.columns if df[c].dtype == object]
    t0 = time.perf_counter()
    described = df.describe()
    missing = df.isna().sum()
    counts = {c: df[c].value_counts() for c in text}
    t1 = time.perf_counter()
    ax = sns.boxplot(data=df, x="cat_a", y="target")
    png = io.BytesIO()
    ax.figure.savefig(png, format="png")
    plt.close(ax.figure)
    t2 = time.perf_counter()
    overview.append(t1 - t0)
    box.append(t2 - t1)
print(json.dumps({"overview_s": overview, "box_s": box, "rows": len(df), "text": text,
                  "png_bytes": png.getbuffer().nbytes, "describe_rows": list(described.index)}))
"""


def stat(values: list[float]) -> str:
    return f"{statistics.median(values):.3f} s ({min(values):.3f}–{max(values):.3f})"

def report(args, csv: Path, runs: dict, loads: list[float], command: str) -> str:
    s, p = runs["sluice"], runs["pandas"]
    cold = lambda rs, k: [r[k][0] for r in rs]
    warm = lambda rs, k: [statistics.median(r[k][1:]) for r in rs]
    med = statistics.median
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
    import pandas as pd  # only for versions
    import seaborn as sns
    lines = [
        "# %eda overview and box plot beside pandas describe + isna + value_counts and seaborn",
        "",
        f"{datetime.date.today()}: `{csv.name}` ({p[0]['rows']:,} rows × 12 columns, in the page cache), "
        f"{args.runs} interleaved processes per side, {args.rounds} rounds per process (round 1 cold, the "
        f"other {args.rounds - 1} warm; each round on a freshly read table, the read not timed). "
        f"{os.cpu_count()} cores ({cpu}), {java}, pandas {pd.__version__}, seaborn {sns.__version__}. "
        f"Load average during the runs: {min(loads):.1f}–{max(loads):.1f} (the machine is shared).",
        "",
        "Reproduce: `" + command + "`",
        "",
        "Overview. Sluice: `%eda` through `sluice.magic.Magics` as the kernel runs it, plus `.bundle()` on the "
        "result (HTML table, warnings incl. duplicate rows and correlated pairs, the heatmap's PNG and plotly "
        "JSON): what the user waits for. pandas: `df.describe()`, `df.isna().sum()` and `value_counts()` of "
        "each text column (" + ", ".join(p[0]["text"]) + ").",
        "",
        "Box plot. Sluice: `%eda box --x cat_a --y target` plus its bundle (PNG and plotly JSON). seaborn: "
        "`sns.boxplot(data=df, x='cat_a', y='target')` saved to PNG.",
        "",
        "Median over processes (min–max). Warm = each process's median of its warm rounds.",
        "",
        "| | Sluice | pandas / seaborn | ratio Sluice / pandas |",
        "| --- | --- | --- | --- |",
    ]
    for label, k in (("**overview**", "overview_s"), ("box plot", "box_s")):
        for phase, f in (("cold", cold), ("warm", warm)):
            lines.append(f"| {label}, {phase} | {stat(f(s, k))} | {stat(f(p, k))} | {med(f(s, k)) / med(f(p, k)):.2f} |")
    lines += [
        "",
        f"Target ratio ≤ 1.0 (overview): cold {med(cold(s, 'overview_s')) / med(cold(p, 'overview_s')):.2f}, "
        f"warm {med(warm(s, 'overview_s')) / med(warm(p, 'overview_s')):.2f}. "
        f"Box plot under 1 s: cold {med(cold(s, 'box_s')):.2f} s, warm {med(warm(s, 'box_s')):.2f} s.",
        "",
        "Note: the overview does more than the pandas calls: distinct counts and skew per numeric column, "
        "a duplicate-row check, all pairwise correlations and a rendered heatmap.",
        "",
        "What Sluice showed (text/plain of the last round):",
        "",
        "```",
        s[0]["says"],
        "```",
        "",
        "Raw runs (seconds, overview / box per round):",
        "",
    ]
    for name in ("sluice", "pandas"):
        for r in runs[name]:
            rounds = ", ".join(f"{o:.3f}/{b:.3f}" for o, b in zip(r["overview_s"], r["box_s"]))
            lines.append(f"- {name}: {rounds}; process {r['process_s']:.2f}")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", default=os.environ.get("DATA_DIR", "/tmp/sluice-bench-data"))
    ap.add_argument("--jar", default=str(REPO / "kernel" / "target" / "sluice.jar"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--out", default=str(REPO / "bench" / "results_eda.md"))
    args = ap.parse_args()
    csv = synth_csv(args.data_dir)
    runs = {"sluice": [], "pandas": []}
    loads = []
    with timer_classpath(args.jar, TIMER) as classpath:
        for i in range(args.runs):
            loads.append(os.getloadavg()[0])
            runs["sluice"].append(run_json(["java", "-cp", classpath, "EdaTimer", str(csv), str(args.rounds)]))
            runs["pandas"].append(run_json([sys.executable, "-c", PANDAS_SCRIPT, str(csv), str(args.rounds)]))
            print(f"run {i + 1}/{args.runs}: sluice {runs['sluice'][-1]['overview_s']}, "
                  f"pandas {runs['pandas'][-1]['overview_s']}", file=sys.stderr)
        loads.append(os.getloadavg()[0])
    command = "/usr/bin/python3 bench/eda.py" + "".join(
        f" --{k} {v}" for k, v in (("runs", args.runs), ("rounds", args.rounds)) if v != ap.get_default(k))
    text = report(args, csv, runs, loads, command)
    Path(args.out).write_text(text)
    print(text)


if __name__ == "__main__":
    main()
