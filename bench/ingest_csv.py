#!/usr/bin/python3
"""%ingest of a CSV file beside pandas.read_csv, on the same file, in one run.

Run it with Debian's Python (python3-pandas and python3-numpy from apt), not pyenv's:

    apt-get install -y python3-pandas python3-numpy         # once, as root
    cd /work/main && mvn -q -B package -DskipTests
    /usr/bin/python3 bench/ingest_csv.py                     # writes bench/results_ingest_csv.md

What it does:

1. Makes synth_1m.csv (1M rows x 12 columns: num_1..num_8 and target decimal, num_5 whole
   numbers, ~5% empty in four columns, cat_a/cat_b/cat_c text) with ../shared/bench/gen.py in
   --data-dir (default /tmp/sluice-bench-data) unless it is there, and reads it once so every run
   finds it in the page cache.
2. Sluice, cold and warm: a fresh JVM runs bench/ingest_csv_timer.java, which times
   ``%ingest FILE`` --reads times (default 2) through the same Magics dispatch the kernel uses, each
   on a fresh Session: the first read is the cold one (class loading, JIT warm-up), the second the
   warm one. It also reports how long the JVM took to reach main, and the heap the table holds
   (used heap after GC with the table minus used heap after GC without it). The JVM gets the
   kernelspec's JIT flags (install/install.sh: C2 starts later), which is what a notebook gets; a
   second JVM with the JVM's default flags is timed too, for reference, and a third (kernel flags)
   makes one empty Tablesaw table before reading and times it apart: Tablesaw's one-time set-up,
   which its first Table pays by scanning the class path, and which a kernel could do while idle.
3. pandas, cold and warm: a fresh Python process imports pandas (timed apart, like the JVM start)
   and times ``pd.read_csv(FILE)`` --reads times with time.perf_counter; the table's memory is
   ``df.memory_usage(deep=True).sum()`` (shallow also shown).
4. Steps 2 and 3 are interleaved --runs times (default 5); the report gives medians (min-max),
   the ratios Sluice / pandas (target <= 1.0; also best run against best run), and the load
   average seen, since other work on the machine slows both sides.

Printed as markdown and written to bench/results_ingest_csv.md (--out).
"""
from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import REPO, run_json, synth_csv

TIMER = REPO / "bench" / "ingest_csv_timer.java"
# The kernelspec (install/install.sh) adds no JIT flags beyond the class-data archive.
JIT_FLAGS = []

PANDAS_SCRIPT = r"""
import json, sys, time
t = time.perf_counter()
import pandas as pd
imported = time.perf_counter() - t
reads = []
for _ in range(int(sys.argv[2])):
    t = time.perf_counter()
    df = pd.read_csv(sys.argv[1])
    reads.append(time.perf_counter() - t)
print(json.dumps({"import_s": imported, "reads_s": reads, "rows": len(df),
                  "table_bytes": int(df.memory_usage(deep=True).sum()),
                  "shallow_bytes": int(df.memory_usage(deep=False).sum()),
                  "types": {c: str(t) for c, t in df.dtypes.items()}}))
"""


def sluice(args, classes: Path, csv: Path, flags: list[str], *extra: str) -> dict:
    return run_json(["java", *flags, "-cp", f"{args.jar}:{classes}", "IngestCsvTimer", str(csv), str(args.reads), *extra])


def pandas_run(args, csv: Path) -> dict:
    return run_json([sys.executable, "-c", PANDAS_SCRIPT, str(csv), str(args.reads)])


def stat(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})"


def report(args, csv: Path, runs: dict, loads: list[float], command: str) -> str:
    kernel, plain, pandas, setup = runs["sluice"], runs["sluice-default-jit"], runs["pandas"], runs["sluice-setup-first"]
    cold = lambda rs: [r["reads_s"][0] for r in rs]
    warm = lambda rs: [min(r["reads_s"][1:]) for r in rs] if args.reads > 1 else cold(rs)
    med = lambda xs: statistics.median(xs)
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
    import pandas as pd  # noqa: E402  (only for its version)
    mem_s = statistics.median(r["table_bytes"] for r in kernel)
    mem_p = statistics.median(r["table_bytes"] for r in pandas)
    shallow_p = statistics.median(r["shallow_bytes"] for r in pandas)
    lines = [
        "# %ingest CSV beside pandas.read_csv",
        "",
        f"{datetime.date.today()}: `{csv.name}` ({kernel[0]['rows']:,} rows × {len(kernel[0]['types'])} columns, "
        f"{csv.stat().st_size / 1e6:.1f} MB, in the page cache), {args.runs} interleaved runs, "
        f"{args.reads} reads per process. {os.cpu_count()} cores ({cpu}), {java}, pandas {pd.__version__}. "
        f"Load average during the runs: {min(loads):.1f}–{max(loads):.1f} (other work on the machine slows both sides).",
        "",
        "Reproduce: `" + command + "`",
        "",
        "| | Sluice `%ingest` (JVM as the kernelspec starts it) | Sluice, a second set of processes (same JVM flags; shows the noise) | pandas `read_csv` | ratio Sluice / pandas |",
        "| --- | --- | --- | --- | --- |",
        f"| cold: first read in a fresh process | {stat(cold(kernel))} | {stat(cold(plain))} | {stat(cold(pandas))} "
        f"| {med(cold(kernel)) / med(cold(pandas)):.2f} |",
        f"| cold, best run | {min(cold(kernel)):.2f} s | {min(cold(plain)):.2f} s | {min(cold(pandas)):.2f} s "
        f"| {min(cold(kernel)) / min(cold(pandas)):.2f} |",
        f"| cold, Tablesaw set up beforehand (set-up {stat([r['tablesaw_setup_s'] for r in setup])}) "
        f"| {stat(cold(setup))} | | | {med(cold(setup)) / med(cold(pandas)):.2f} |",
        f"| warm: best later read, same process | {stat(warm(kernel))} | {stat(warm(plain))} | {stat(warm(pandas))} "
        f"| {med(warm(kernel)) / med(warm(pandas)):.2f} |",
        f"| start: JVM to main / Python `import pandas` | {stat([r['jvm_to_main_s'] for r in kernel])} "
        f"| {stat([r['jvm_to_main_s'] for r in plain])} | {stat([r['import_s'] for r in pandas])} | |",
        f"| whole process ({args.reads} reads, Sluice's memory measure included) | {stat([r['process_s'] for r in kernel])} "
        f"| {stat([r['process_s'] for r in plain])} | {stat([r['process_s'] for r in pandas])} | |",
        f"| table memory | {mem_s / 1e6:.0f} MB (heap held by the table) | | {mem_p / 1e6:.0f} MB "
        f"(`memory_usage(deep=True)`; {shallow_p / 1e6:.0f} MB shallow) | {mem_s / mem_p:.2f} |",
        "",
        "Column types: Sluice " + ", ".join(f"{k} {v}" for k, v in kernel[0]["types"].items()) + "; pandas "
        + ", ".join(f"{k} {v}" for k, v in pandas[0]["types"].items()) + ".",
        "",
        "How Sluice reads it: the file comes in 32 MB segments; each is cut at line breaks into one stretch "
        "per core and the stretches are parsed at once, straight from bytes (plain numbers without making "
        "Strings, text through a per-column dictionary of byte strings); column types are decided once "
        "from the first 10,000 rows, and a column a later value does not fit is read again as text and "
        "typed from all its values. Sluice's table holds doubles, ints and dictionary-coded text; "
        "pandas holds float64 and Python string objects.",
        "",
        "Raw runs (seconds):",
        "",
    ]
    for name in ("sluice", "sluice-default-jit", "sluice-setup-first", "pandas"):
        for r in runs[name]:
            extra = (f"jvm_to_main {r['jvm_to_main_s']:.2f}, tablesaw set-up {r['tablesaw_setup_s']:.2f}"
                     if "jvm_to_main_s" in r else f"import {r['import_s']:.2f}")
            lines.append(f"- {name}: reads {', '.join(f'{x:.3f}' for x in r['reads_s'])}; {extra}; process {r['process_s']:.2f}")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--data-dir", default=os.environ.get("DATA_DIR", "/tmp/sluice-bench-data"))
    ap.add_argument("--jar", default=str(REPO / "kernel" / "target" / "sluice.jar"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--reads", type=int, default=2)
    ap.add_argument("--out", default=str(REPO / "bench" / "results_ingest_csv.md"))
    args = ap.parse_args()
    if not Path(args.jar).exists():
        sys.exit(f"{args.jar} is missing: run mvn -q -B package -DskipTests first")
    csv = synth_csv(args.data_dir, args.rows)
    runs = {"sluice": [], "sluice-default-jit": [], "sluice-setup-first": [], "pandas": []}
    loads = []
    with tempfile.TemporaryDirectory() as classes:
        subprocess.run(["javac", "-cp", args.jar, "-d", classes, str(TIMER)], check=True)
        for i in range(args.runs):
            loads.append(os.getloadavg()[0])
            runs["sluice"].append(sluice(args, Path(classes), csv, JIT_FLAGS))
            runs["sluice-default-jit"].append(sluice(args, Path(classes), csv, []))
            runs["sluice-setup-first"].append(sluice(args, Path(classes), csv, JIT_FLAGS, "setup-first"))
            runs["pandas"].append(pandas_run(args, csv))
            print(f"run {i + 1}/{args.runs}: sluice {runs['sluice'][-1]['reads_s']}, pandas {runs['pandas'][-1]['reads_s']}",
                  file=sys.stderr)
        loads.append(os.getloadavg()[0])
    command = "/usr/bin/python3 bench/ingest_csv.py" + " ".join(
        f" --{k.replace('_', '-')} {v}" for k, v in (("rows", args.rows), ("runs", args.runs), ("reads", args.reads))
        if v != ap.get_default(k))
    text = report(args, csv, runs, loads, command)
    Path(args.out).write_text(text)
    print(text)


if __name__ == "__main__":
    main()
