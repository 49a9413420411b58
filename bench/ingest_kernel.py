#!/usr/bin/python3
"""The first %ingest in a freshly started kernel, as a notebook user meets it: Parquet beside CSV (the same rows).

bench/ingest_parquet.py times %ingest in a bare JVM; a user gets it inside the kernel that
`java -jar sluice.jar install` set up (with its class-data archive: CDS on Java 17-24, an AOT cache on
25+), typed a moment after the kernel came up. This script measures that path, in one run:

    cd /work/main && mvn -q -B package -DskipTests
    /usr/bin/python3 bench/ingest_parquet.py --runs 1   # makes synth_1m.parquet if it is not there
    /usr/bin/python3 bench/ingest_kernel.py             # writes bench/results_ingest_kernel.md
    /usr/bin/python3 bench/ingest_kernel.py --java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java \\
        --out bench/results_ingest_kernel_java25.md

Each run starts a fresh kernel through jupyter_client, waits until it answers kernel_info, then
--pause seconds (a user typing), sends `%ingest FILE` and times it to its execute_reply; then
the same cell again in that kernel (warm). Parquet and CSV kernels take turns, --runs times;
before each kernel it waits up to 15 s for the load average to fall under 1.5. Medians (min-max)
and the ratio Parquet / CSV (target <= 1.0).
"""
from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from jupyter_client.manager import KernelManager

from common import REPO, synth_csv


def install(java: str, jar: str, prefix: Path) -> str:
    subprocess.run([java, "-jar", jar, "install", "--prefix", str(prefix), "--name", "bench-ingest"],
                   check=True, capture_output=True)
    os.environ["JUPYTER_PATH"] = str(prefix / "share" / "jupyter")
    return json.loads((prefix / "share" / "jupyter" / "kernels" / "bench-ingest" / "kernel.json").read_text())["argv"]


def execute(kc, code: str, timeout: float = 120) -> float:
    start = time.perf_counter()
    msg_id = kc.execute(code)
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    if reply["content"]["status"] != "ok":
        sys.exit(f"{code!r} failed: {reply['content']}")
    return time.perf_counter() - start


@contextlib.contextmanager
def fresh_kernel(pause: float):
    """A client of a fresh kernel of the installed kernelspec, --pause seconds after it answered kernel_info."""
    km = KernelManager(kernel_name="bench-ingest")
    km.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        time.sleep(pause)
        yield kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def one_kernel(file: Path, pause: float) -> tuple[float, float]:
    with fresh_kernel(pause) as kc:
        cold = execute(kc, f"%ingest {file}")
        warm = execute(kc, f"%ingest {file}")
        return cold, warm


def quiet(limit: float = 1.5, wait_s: float = 15) -> float:
    end = time.time() + wait_s
    while os.getloadavg()[0] > limit and time.time() < end:
        time.sleep(1)
    return os.getloadavg()[0]


def stat(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", default=os.environ.get("DATA_DIR", "/tmp/sluice-bench-data"))
    ap.add_argument("--jar", default=str(REPO / "kernel" / "target" / "sluice.jar"))
    ap.add_argument("--java", default="java")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--pause", type=float, default=2.0)
    ap.add_argument("--out", default=str(REPO / "bench" / "results_ingest_kernel.md"))
    args = ap.parse_args()
    csv = synth_csv(args.data_dir)
    parquet = csv.with_suffix(".parquet")
    if not parquet.exists():
        sys.exit(f"{parquet} is missing: run bench/ingest_parquet.py --runs 1 first (it writes it)")
    times = {"parquet": [], "csv": []}
    loads = []
    with tempfile.TemporaryDirectory() as tmp:
        argv = install(args.java, args.jar, Path(tmp))
        for i in range(args.runs):
            for kind, file in (("parquet", parquet), ("csv", csv)):
                loads.append(quiet())
                times[kind].append(one_kernel(file, args.pause))
            print(f"run {i + 1}/{args.runs}: {times['parquet'][-1]} {times['csv'][-1]}", file=sys.stderr)
    java = subprocess.run([args.java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    archive = next((a.split("=", 1)[0].lstrip("-X:") for a in argv if "AOTCache" in a or "SharedArchiveFile" in a), "none")
    med = statistics.median
    cold = {k: [c for c, _ in v] for k, v in times.items()}
    warm = {k: [w for _, w in v] for k, v in times.items()}
    command = "/usr/bin/python3 bench/ingest_kernel.py" + (f" --java {args.java}" if args.java != "java" else "")
    text = "\n".join([
        "# The first %ingest in a fresh kernel: Parquet beside CSV (the same rows)",
        "",
        f"{datetime.date.today()}: `{parquet.name}` ({parquet.stat().st_size / 1e6:.1f} MB) and `{csv.name}` "
        f"({csv.stat().st_size / 1e6:.1f} MB), 1,000,000 rows × 12 columns, in the page cache. The kernelspec that "
        f"`java -jar sluice.jar install` writes (class-data archive: `{archive}`), {java}; {os.cpu_count()} cores. "
        f"A fresh kernel per run, the cell sent {args.pause:g} s after the kernel answered kernel_info, timed from "
        f"execute_request to execute_reply; {args.runs} interleaved runs; load average before each kernel "
        f"{min(loads):.1f}–{max(loads):.1f}.",
        "",
        "Reproduce: `" + command + "`",
        "",
        "| | `%ingest synth_1m.parquet` | `%ingest synth_1m.csv` | ratio Parquet / CSV |",
        "| --- | --- | --- | --- |",
        f"| first cell of the kernel | {stat(cold['parquet'])} | {stat(cold['csv'])} "
        f"| {med(cold['parquet']) / med(cold['csv']):.2f} |",
        f"| the same cell again | {stat(warm['parquet'])} | {stat(warm['csv'])} "
        f"| {med(warm['parquet']) / med(warm['csv']):.2f} |",
        "",
        "Raw runs (first, again; seconds):",
        "",
        *[f"- {k}: " + "; ".join(f"{c:.3f}, {w:.3f}" for c, w in v) for k, v in times.items()],
    ]) + "\n"
    Path(args.out).write_text(text)
    print(text)


if __name__ == "__main__":
    main()
