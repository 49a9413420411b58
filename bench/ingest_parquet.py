#!/usr/bin/python3
"""%ingest of synth_1m as Parquet beside Sluice's own %ingest of the same rows as CSV, in one run.

pandas.read_parquet would be the natural reference, but it needs pyarrow or fastparquet, and Debian
packages neither (`apt-cache policy python3-pyarrow python3-fastparquet`: no candidate), so the
reference is Sluice's CSV reader, the fastest way Sluice had to load these rows before Parquet
(0.6–0.9 of pandas.read_csv, see results_ingest_csv.md).

    cd /work/main && mvn -q -B package -DskipTests
    /usr/bin/python3 bench/ingest_parquet.py        # writes bench/results_ingest_parquet.md

What it does:

1. Makes synth_1m.csv with ../shared/bench/gen.py in --data-dir (default /tmp/sluice-bench-data)
   unless it is there, and synth_1m.parquet from it unless that is there: bench/parquet_writer.java
   reads the CSV with %ingest (same column types) and writes it with parquet-java, snappy pages,
   dictionary encoding and one 128 MB row group (pyarrow's and Spark's defaults), compressed by
   snappy-java (found in ~/.m2 through the magics module's test class path).
2. A fresh JVM per run times ``%ingest FILE`` --reads times (bench/ingest_csv_timer.java, the CSV
   bench's timer: fresh Session per read, through Magics): the first read is the cold one, the later
   ones warm. Parquet and CSV processes take turns, --runs times (default 5); before each process
   the script waits up to 15 s for the load average to fall under 1.5, since other work on this
   2-core machine skews single samples.
3. A third process per run reads the Parquet file with --columns num_1,cat_a, to show what column
   projection saves; a fourth and fifth read both files with the class-data archive the kernelspec
   uses (recorded once by `sluice.jar warmup`, which reads a small Parquet file and workbook too).

Reports medians (min–max) and the ratio Parquet / CSV (target <= 1.0).
"""
from __future__ import annotations

import argparse
import datetime
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import REPO, run_json, synth_csv

TIMER = REPO / "bench" / "ingest_csv_timer.java"
WRITER = REPO / "bench" / "parquet_writer.java"


def snappy_jar() -> str:
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as out:
        subprocess.run(["mvn", "-o", "-q", "-B", "-pl", "magics", "dependency:build-classpath",
                        f"-Dmdep.outputFile={out.name}"], cwd=REPO, check=True)
        jars = [j for j in Path(out.name).read_text().split(":") if "snappy-java" in j]
    if not jars:
        sys.exit("snappy-java is not on the magics module's test class path")
    return jars[0]


def parquet_file(args, csv: Path, classes: Path) -> Path:
    parquet = csv.with_suffix(".parquet")
    if not parquet.exists():
        cp = f"{args.jar}:{snappy_jar()}"
        subprocess.run(["javac", "-nowarn", "-cp", cp, "-d", str(classes), str(WRITER)], check=True)
        run_json(["java", "-cp", f"{cp}:{classes}", "ParquetWriterBench", str(csv), str(parquet)])
    with open(parquet, "rb") as f:
        while f.read(1 << 24):
            pass
    return parquet


def quiet(limit: float = 1.5, wait_s: float = 15) -> float:
    end = time.time() + wait_s
    while os.getloadavg()[0] > limit and time.time() < end:
        time.sleep(1)
    return os.getloadavg()[0]


def timed(args, classes: Path, file: Path, *extra: str, flags: tuple = ()) -> dict:
    return run_json(["java", *flags, "-cp", f"{args.jar}:{classes}", "IngestCsvTimer", str(file), str(args.reads), *extra])


def archive(args, tmp: Path) -> tuple:
    """The class-data archive install/install.sh records (`sluice.jar warmup`, which reads a CSV, a Parquet
    file and a workbook), as JVM flags."""
    jsa = tmp / "sluice.jsa"
    subprocess.run(["java", f"-XX:ArchiveClassesAtExit={jsa}", "-jar", args.jar, "warmup"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (f"-XX:SharedArchiveFile={jsa}",)


def stat(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})"


def report(args, csv: Path, parquet: Path, runs: dict, loads: list[float], command: str) -> str:
    cold = lambda rs: [r["reads_s"][0] for r in rs]
    warm = lambda rs: [min(r["reads_s"][1:]) for r in rs]
    med = statistics.median
    p, c, proj = runs["parquet"], runs["csv"], runs["parquet-2-columns"]
    pa, ca = runs["parquet-archive"], runs["csv-archive"]
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    lines = [
        "# %ingest Parquet beside %ingest CSV (the same rows)",
        "",
        f"{datetime.date.today()}: `{parquet.name}` ({parquet.stat().st_size / 1e6:.1f} MB, snappy, one row group) and "
        f"`{csv.name}` ({csv.stat().st_size / 1e6:.1f} MB), {p[0]['rows']:,} rows × {len(p[0]['types'])} columns, "
        f"both in the page cache; {args.runs} interleaved runs, {args.reads} reads per process. {os.cpu_count()} cores ({cpu}), "
        f"{java}. Load average before the processes: {min(loads):.1f}–{max(loads):.1f}.",
        "",
        "Reference: Sluice's own CSV read, because Debian's pandas cannot read Parquet (no pyarrow or fastparquet "
        "package in Debian).",
        "",
        "Reproduce: `" + command + "`",
        "",
        "| | `%ingest synth_1m.parquet` | `%ingest synth_1m.csv` | ratio Parquet / CSV |",
        "| --- | --- | --- | --- |",
        f"| cold: first read in a fresh JVM | {stat(cold(p))} | {stat(cold(c))} | {med(cold(p)) / med(cold(c)):.2f} |",
        f"| cold, with the kernelspec's class-data archive | {stat(cold(pa))} | {stat(cold(ca))} "
        f"| {med(cold(pa)) / med(cold(ca)):.2f} |",
        f"| warm: best later read, same JVM | {stat(warm(p))} | {stat(warm(c))} | {med(warm(p)) / med(warm(c)):.2f} |",
        f"| whole process | {stat([r['process_s'] for r in p])} | {stat([r['process_s'] for r in c])} | |",
        f"| table memory | {med(r['table_bytes'] for r in p) / 1e6:.0f} MB | {med(r['table_bytes'] for r in c) / 1e6:.0f} MB | |",
        f"| `--columns num_1,cat_a` (Parquet), cold / warm | {stat(cold(proj))} / {stat(warm(proj))} | | |",
        "",
        "Column types: Parquet " + ", ".join(f"{k} {v}" for k, v in p[0]["types"].items()) + "; CSV "
        + ", ".join(f"{k} {v}" for k, v in c[0]["types"].items()) + ".",
        "",
        "How Sluice reads Parquet: parquet-java decodes the pages; the asked columns are dealt out to the cores by "
        "their uncompressed size, each share read by its own file reader; snappy pages are decompressed by "
        "aircompressor in Java; dictionary-coded text is decoded once per distinct value. The cold read includes "
        "loading parquet-java's classes (about 800, with the JSON library its footer class sets up).",
        "",
        "Raw runs (seconds):",
        "",
    ]
    for name in runs:
        for r in runs[name]:
            lines.append(f"- {name}: reads {', '.join(f'{x:.3f}' for x in r['reads_s'])}; process {r['process_s']:.2f}")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--data-dir", default=os.environ.get("DATA_DIR", "/tmp/sluice-bench-data"))
    ap.add_argument("--jar", default=str(REPO / "kernel" / "target" / "sluice.jar"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--reads", type=int, default=3)
    ap.add_argument("--out", default=str(REPO / "bench" / "results_ingest_parquet.md"))
    args = ap.parse_args()
    if not Path(args.jar).exists():
        sys.exit(f"{args.jar} is missing: run mvn -q -B package -DskipTests first")
    csv = synth_csv(args.data_dir, args.rows)
    runs = {"parquet": [], "csv": [], "parquet-2-columns": [], "parquet-archive": [], "csv-archive": []}
    loads = []
    with tempfile.TemporaryDirectory() as tmp:
        classes = Path(tmp)
        parquet = parquet_file(args, csv, classes)
        subprocess.run(["javac", "-cp", args.jar, "-d", str(classes), str(TIMER)], check=True)
        cds = archive(args, classes)
        for i in range(args.runs):
            loads.append(quiet())
            runs["parquet"].append(timed(args, classes, parquet))
            loads.append(quiet())
            runs["csv"].append(timed(args, classes, csv))
            loads.append(quiet())
            runs["parquet-2-columns"].append(timed(args, classes, parquet, "", "--columns num_1,cat_a"))
            loads.append(quiet())
            runs["parquet-archive"].append(timed(args, classes, parquet, flags=cds))
            loads.append(quiet())
            runs["csv-archive"].append(timed(args, classes, csv, flags=cds))
            print(f"run {i + 1}/{args.runs}: parquet {runs['parquet'][-1]['reads_s']}, csv {runs['csv'][-1]['reads_s']}",
                  file=sys.stderr)
    command = "/usr/bin/python3 bench/ingest_parquet.py" + " ".join(
        f" --{k} {v}" for k, v in (("rows", args.rows), ("runs", args.runs), ("reads", args.reads)) if v != ap.get_default(k))
    text = report(args, csv, parquet, runs, loads, command)
    Path(args.out).write_text(text)
    print(text)


if __name__ == "__main__":
    main()
