#!/usr/bin/python3
"""%clean fill + cast beside pandas fillna(mean) + astype('category'), on synth_1m.csv, in one run.

Run it with Debian's Python (python3-pandas from apt), not pyenv's:

    cd /work/main && mvn -q -B package -DskipTests
    /usr/bin/python3 bench/clean.py                     # writes bench/results_clean.md

What it does:

1. Makes synth_1m.csv with ../shared/bench/gen.py in --data-dir (default /tmp/sluice-bench-data)
   unless it is there, and reads it once so it is in the page cache.
2. Sluice: a fresh JVM runs bench/clean_timer.java (compiled against a copy of the kernel jar).
   Each round ingests the file on a fresh Session (not timed), then times, through the Magics
   dispatch the kernel uses, ``%clean fill --all --with mean`` and
   ``%clean cast cat_a,cat_b,cat_c --to category``. Round 1 is cold (first time in the JVM), the
   other --rounds - 1 are warm.
3. pandas: a fresh Python process does the same rounds: ``pd.read_csv`` (not timed), then times
   ``df = df.fillna(df.mean(numeric_only=True))`` and ``df[c] = df[c].astype('category')`` for
   cat_a, cat_b, cat_c.
4. Steps 2 and 3 are interleaved --runs times (default 3). Reported: medians over the processes
   (min-max) of the cold round and of each process's median warm round; ratio Sluice / pandas
   (target <= 1.0).
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

TIMER = REPO / "bench" / "clean_timer.java"

PANDAS_SCRIPT = r"""
import json, sys, time
import pandas as pd
fill, cast = [], []
for _ in range(int(sys.argv[2])):
    df = pd.read_csv(sys.argv[1])
    t0 = time.perf_counter()
    df = df.fillna(df.mean(numeric_only=True))
    t1 = time.perf_counter()
    for c in ("cat_a", "cat_b", "cat_c"):
        df[c] = df[c].astype("category")
    t2 = time.perf_counter()
    fill.append(t1 - t0)
    cast.append(t2 - t1)
print(json.dumps({"fill_s": fill, "cast_s": cast, "total_s": [f + c for f, c in zip(fill, cast)],
                  "rows": len(df), "missing_after": int(df.isna().sum().sum()),
                  "types": {c: str(t) for c, t in df.dtypes.items()}}))
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
    import pandas as pd  # only for its version
    lines = [
        "# %clean fill + cast beside pandas fillna + astype('category')",
        "",
        f"{datetime.date.today()}: `{csv.name}` ({s[0]['rows']:,} rows × 12 columns, in the page cache), "
        f"{args.runs} interleaved processes per side, {args.rounds} rounds per process (round 1 cold, the "
        f"other {args.rounds - 1} warm; each round on a freshly read table, the read not timed). "
        f"{os.cpu_count()} cores ({cpu}), {java}, pandas {pd.__version__}. "
        f"Load average during the runs: {min(loads):.1f}–{max(loads):.1f}.",
        "",
        "Reproduce: `" + command + "`",
        "",
        "Sluice: `%clean fill --all --with mean` then `%clean cast cat_a,cat_b,cat_c --to category`, "
        "through `sluice.magic.Magics` as the kernel runs them. pandas: "
        "`df = df.fillna(df.mean(numeric_only=True))` then `df[c] = df[c].astype('category')` for the three "
        "text columns.",
        "",
        "Median over processes (min–max). Warm = each process's median of its warm rounds.",
        "",
        "| | Sluice `%clean` | pandas | ratio Sluice / pandas |",
        "| --- | --- | --- | --- |",
    ]
    for label, k in (("fill (mean)", "fill_s"), ("cast (category)", "cast_s"), ("**fill + cast**", "total_s")):
        for phase, f in (("cold", cold), ("warm", warm)):
            lines.append(f"| {label}, {phase} | {stat(f(s, k))} | {stat(f(p, k))} | {med(f(s, k)) / med(f(p, k)):.2f} |")
    lines += [
        "",
        f"Target ratio ≤ 1.0 (fill + cast): cold {med(cold(s, 'total_s')) / med(cold(p, 'total_s')):.2f}, "
        f"warm {med(warm(s, 'total_s')) / med(warm(p, 'total_s')):.2f}.",
        "",
        "What Sluice said (last round): " + s[0]["fill_says"].replace("\n", "; ") + "; " + s[0]["cast_says"] + ".",
        "",
        "Column types after: Sluice " + ", ".join(f"{k} {v}" for k, v in s[0]["types"].items())
        + " (a category cast keeps Tablesaw's dictionary-coded STRING column and records the levels); pandas "
        + ", ".join(f"{k} {v}" for k, v in p[0]["types"].items()) + f" (missing values left: {p[0]['missing_after']}).",
        "",
        "Note: Sluice's fill also fits and records the step (means stored in the session pipeline, undo "
        "history kept); pandas does not. Both sides leave the text columns unfilled.",
        "",
        "Raw runs (seconds, fill / cast per round):",
        "",
    ]
    for name in ("sluice", "pandas"):
        for r in runs[name]:
            rounds = ", ".join(f"{f:.3f}/{c:.3f}" for f, c in zip(r["fill_s"], r["cast_s"]))
            lines.append(f"- {name}: {rounds}; process {r['process_s']:.2f}")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", default=os.environ.get("DATA_DIR", "/tmp/sluice-bench-data"))
    ap.add_argument("--jar", default=str(REPO / "kernel" / "target" / "sluice.jar"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--out", default=str(REPO / "bench" / "results_clean.md"))
    args = ap.parse_args()
    csv = synth_csv(args.data_dir)
    runs = {"sluice": [], "pandas": []}
    loads = []
    with timer_classpath(args.jar, TIMER) as classpath:
        for i in range(args.runs):
            loads.append(os.getloadavg()[0])
            runs["sluice"].append(run_json(["java", "-cp", classpath, "CleanTimer", str(csv), str(args.rounds)]))
            runs["pandas"].append(run_json([sys.executable, "-c", PANDAS_SCRIPT, str(csv), str(args.rounds)]))
            print(f"run {i + 1}/{args.runs}: sluice {runs['sluice'][-1]['total_s']}, pandas {runs['pandas'][-1]['total_s']}",
                  file=sys.stderr)
        loads.append(os.getloadavg()[0])
    command = "/usr/bin/python3 bench/clean.py" + "".join(
        f" --{k} {v}" for k, v in (("runs", args.runs), ("rounds", args.rounds)) if v != ap.get_default(k))
    text = report(args, csv, runs, loads, command)
    Path(args.out).write_text(text)
    print(text)


if __name__ == "__main__":
    main()
