#!/usr/bin/python3
"""%maven of an artifact already in the local repository, in a fresh kernel as a notebook user meets it.

    cd /work/main && mvn -q -B package -DskipTests     # also puts the artifact in ~/.m2 (a test dependency)
    /usr/bin/python3 bench/maven.py                   # writes bench/results_maven.md

Each run installs nothing new: it starts a fresh kernel from the kernelspec `java -jar sluice.jar
install` writes, waits until it answers kernel_info, then --pause seconds (a user typing), sends
`%maven COORDINATE` and times it to its execute_reply, then a Java cell that uses the library,
then the same %maven again (nothing new to add). The target (issue 15): under 1 s. There is no peer
on this machine: JJava, whose %maven is the nearest, is not packaged for Debian.
"""
from __future__ import annotations

import argparse
import datetime
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from common import REPO
from ingest_kernel import execute, fresh_kernel, install, quiet

COORDINATE = "org.apache.commons:commons-collections4:4.4"
USE = 'new org.apache.commons.collections4.bag.HashBag<>(List.of("a", "b", "a")).getCount("a")'


def one_kernel(pause: float) -> tuple[float, float, float]:
    with fresh_kernel(pause) as kc:
        first = execute(kc, f"%maven --offline {COORDINATE}")
        use = execute(kc, USE)
        again = execute(kc, f"%maven --offline {COORDINATE}")
        return first, use, again


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jar", default=str(REPO / "kernel" / "target" / "sluice.jar"))
    ap.add_argument("--java", default="java")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--pause", type=float, default=3.0)
    ap.add_argument("--out", default=str(REPO / "bench" / "results_maven.md"))
    args = ap.parse_args()
    jar = Path.home() / ".m2/repository/org/apache/commons/commons-collections4/4.4/commons-collections4-4.4.jar"
    if not jar.is_file():
        raise SystemExit(f"{jar} is missing: run mvn -B package once (online)")
    runs, loads = [], []
    with tempfile.TemporaryDirectory() as tmp:
        install(args.java, args.jar, Path(tmp))
        for _ in range(args.runs):
            loads.append(quiet())
            runs.append(one_kernel(args.pause))
    java = subprocess.run([args.java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    column = lambda i: [r[i] for r in runs]
    stat = lambda v: f"{statistics.median(v):.2f} s ({min(v):.2f}–{max(v):.2f})"
    text = "\n".join([
        "# %maven of an artifact in the local repository, in a fresh kernel",
        "",
        f"{datetime.date.today()}: `%maven --offline {COORDINATE}` (one 0.75 MB jar in ~/.m2), {java}, "
        f"{os.cpu_count()} cores; a fresh kernel per run, the cell sent {args.pause:g} s after kernel_info, "
        f"timed from execute_request to execute_reply; {args.runs} runs; load average before each kernel "
        f"{min(loads):.1f}–{max(loads):.1f}.",
        "",
        "Reproduce: `/usr/bin/python3 bench/maven.py`",
        "",
        "| cell | median (min–max) | target |",
        "| --- | --- | --- |",
        f"| first `%maven` of the kernel | {stat(column(0))} | under 1 s |",
        f"| a Java cell using the library | {stat(column(1))} | |",
        f"| the same `%maven` again (nothing new) | {stat(column(2))} | |",
        "",
    ])
    Path(args.out).write_text(text)
    print(text)


if __name__ == "__main__":
    main()
