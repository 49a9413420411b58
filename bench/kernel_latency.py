#!/usr/bin/python3
"""Latency of the Sluice kernel beside ipykernel, measured through jupyter_client.

Run it with Debian's Python (the one with jupyter_client and ipykernel), not pyenv's:

    cd /work/main && mvn -q -B package -DskipTests
    /usr/bin/python3 bench/kernel_latency.py            # cold start + round trip
    /usr/bin/python3 bench/kernel_latency.py --explore  # + JVM flag variants and a JShell start probe

What it measures, in one run:

1. Cold start: from KernelManager.start_kernel() to the execute_reply of the first cell, ``1 + 1``,
   sent right after the channels are opened (ZeroMQ queues it until the kernel binds). A fresh
   kernel process each time; the variants are interleaved run by run, median of --runs.
   (--ready: call wait_for_ready() first, as notebook clients do; that hides part of a slow start.)
   Sluice is run plain and with an AppCDS archive recorded at the start of the run by
   ``java -XX:ArchiveClassesAtExit=<tmp>/sluice.jsa -jar sluice.jar warmup``.
2. Round trip of a trivial cell: ``1``, after --warmup cells, --rt-runs times: from just before
   sending the execute_request to the execute_reply on shell, and to the ``idle`` status on IOPub
   (both channels are read at once, so each time is its own arrival time). Median and p90.
   Interleaved with it, ``%lsmagic`` (a cell that holds only a magic, which both kernels have) and
   ``1 + 1`` (the shortest cell Sluice compiles: ``1``, a literal, and a variable's name are answered
   without javac). Then, in the same Sluice kernel, a CPU-bound cell three times.
   Besides the variants above, ``sluice-installed`` is the kernelspec ``java -jar sluice.jar install``
   writes: a CDS archive on Java 17-24, an AOT cache on Java 25 and newer (--java picks the JDK).

The jar is copied into a temporary directory first, so a rebuild during the run changes nothing
(an AppCDS archive is also only valid for the jar it was recorded with, at the same path).
Kernelspecs are written to that directory, put first on JUPYTER_PATH; ipykernel is the system
``python3`` kernelspec (Debian's python3-ipykernel). Nothing is installed anywhere.
Before each cold start (and each chunk of 20 round trips) it waits, up to --quiet-wait seconds,
until other processes leave the CPUs mostly idle, since a parallel build skews single samples.
The results are printed as markdown and written to bench/results_kernel.md (--out).

This file runs the steps; the kernels are started and timed in kernel_latency_runs.py, the JShell
probe is kernel_latency_probe.py and the markdown is written by kernel_latency_report.py.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime
import os
import shlex
import shutil
import sys
import tempfile
import time
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager

from common import REPO
from kernel_latency_probe import run_probe
from kernel_latency_report import report
from kernel_latency_runs import (IPYKERNEL, Variant, check_flags, cold_start, installed_flags, record_archive,
                                 record_session_archive, round_trips, wait_for_quiet, write_kernelspec)

DEFAULT_JAR = REPO / "kernel" / "target" / "sluice.jar"
T0 = time.monotonic()

CDS = "{cds}"  # stands for -XX:SharedArchiveFile=<the archive recorded by the warmup command>
# ... and this for an archive recorded by one real kernel session (start, the warmup's cells, shutdown)
# under jupyter_client, which also covers the ZeroMQ, JSON and message classes the warmup command skips.
CDS_SESSION = "{cds_session}"

# Keeps C2 but lets it start ~10x later than by default, so it does not compete with startup.
C2_LATE = ("-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=20000 "
           "-XX:Tier4CompileThreshold=60000 -XX:Tier4BackEdgeThreshold=400000")

# Flag variants tried by --explore (name, JVM flags), besides sluice-plain and sluice-appcds.
EXPLORE = [
    ("sluice-xshare-off", "-Xshare:off"),
    ("sluice-serialgc", "-XX:+UseSerialGC"),
    ("sluice-tiered1", "-XX:TieredStopAtLevel=1"),
    ("sluice-noverify", "-XX:+UnlockDiagnosticVMOptions -XX:-BytecodeVerificationRemote"),
    ("sluice-noperfdata", "-XX:-UsePerfData"),
    ("sluice-appcds-serialgc", CDS + " -XX:+UseSerialGC"),
    ("sluice-appcds-parallelgc", CDS + " -XX:+UseParallelGC"),
    ("sluice-appcds-xmn128m", CDS + " -Xmn128m"),
    ("sluice-appcds-c2late", CDS + " " + C2_LATE),
    ("sluice-appcds-tiered1", CDS + " -XX:TieredStopAtLevel=1"),
    ("sluice-appcds-tiered1-cicc1", CDS + " -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1"),
    ("sluice-appcds-serialgc-tiered1", CDS + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1"),
    ("sluice-appcds-session", CDS_SESSION),
    ("sluice-appcds-session-tiered1", CDS_SESSION + " -XX:TieredStopAtLevel=1"),
]
EXPLORE_RT = ["sluice-plain", "sluice-appcds", "sluice-appcds-c2late", "sluice-appcds-tiered1", IPYKERNEL]


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


async def main_async(args) -> None:
    java = shutil.which(args.java) or args.java
    origin = args.jar.resolve()
    if not origin.is_file():
        raise SystemExit(f"No {origin}; build it first: cd {REPO} && mvn -q -B package -DskipTests")
    started = datetime.datetime.now()
    load_before = load_average()
    tmp = Path(tempfile.mkdtemp(prefix="sluice-bench-"))
    try:
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(tmp), os.environ.get("JUPYTER_PATH")]))
        jar = tmp / "sluice.jar"
        shutil.copy2(origin, jar)
        args.jar_origin, args.jar_size = origin, jar.stat().st_size
        jsa = tmp / "sluice.jsa"
        print(f"Recording the AppCDS archive into {jsa} ...", flush=True)
        args.record_s = record_archive(java, jar, jsa, tmp / "record.log")

        print("Installing the kernelspec as a user does (java -jar sluice.jar install) ...", flush=True)
        installed = installed_flags(java, jar, tmp / "installed")
        specs = [("sluice-plain", ""), ("sluice-appcds", CDS)] + (EXPLORE if args.explore else [])
        for extra in args.variant:
            name, _, flags = extra.partition("=")
            specs.append((name, flags))
        jsa_session = tmp / "sluice-session.jsa"
        if any(CDS_SESSION in flags for _, flags in specs):
            print(f"Recording the AppCDS archive of a kernel session into {jsa_session} ...", flush=True)
            args.session_record_s = await record_session_archive(java, jar, jsa_session, tmp, args.timeout)
        archives = {CDS: f"-XX:SharedArchiveFile={jsa}", CDS_SESSION: f"-XX:SharedArchiveFile={jsa_session}"}
        variants = []
        for name, flags in specs:
            flag_list = [archives.get(f, f) for f in shlex.split(flags)]
            check_flags(java, jar, flag_list, cds=any(f in archives.values() for f in flag_list))
            v = Variant(name, flag_list, kernel_name=f"bench-{name}")
            write_kernelspec(tmp, v.kernel_name, [java, *flag_list, "-jar", str(jar), "kernel", "{connection_file}"],
                             "java")
            variants.append(v)
        v = Variant("sluice-installed", installed[1:-4], kernel_name="bench-sluice-installed")
        write_kernelspec(tmp, v.kernel_name, installed, "java")
        variants.append(v)
        variants.append(Variant(IPYKERNEL, kernel_name="python3"))
        print(f"ipykernel kernelspec argv: {KernelSpecManager().get_kernel_spec('python3').argv}", flush=True)

        print("Untimed first start of each kernel (page cache, bytecode caches) ...", flush=True)
        for v in variants:
            await cold_start(v, tmp, args.timeout)

        quiet = (args.quiet_threshold, args.quiet_wait)
        for run in range(args.runs):
            for v in (variants if run % 2 == 0 else list(reversed(variants))):
                was_quiet = wait_for_quiet(*quiet)
                v.busy.append(not was_quiet)
                v.cold.append(await cold_start(v, tmp, args.timeout, args.ready))
                print(f"  cold start {run + 1}/{args.runs} {v.name}: {v.cold[-1]:.3f} s"
                      f"{'' if was_quiet else ' (busy)'}  [{time.monotonic() - T0:.0f} s]", flush=True)

        rt = {}
        for name in args.rt or (EXPLORE_RT if args.explore else ["sluice-plain", IPYKERNEL]):
            v = next(x for x in variants if x.name == name)
            print(f"Round trips on {name} ...", flush=True)
            rt[name] = await round_trips(v, tmp, args.warmup, args.rt_runs, args.timeout, quiet)

        probe = None
        if args.explore and args.probe_runs > 0:
            print("JShell start probe ...", flush=True)
            tiered1, c2late = ["-XX:TieredStopAtLevel=1"], shlex.split(C2_LATE)
            probe = run_probe(java, jar, tmp, {
                "(none)": [],
                "`-XX:TieredStopAtLevel=1`": tiered1,
                "`-XX:SharedArchiveFile=sluice.jsa`": [archives[CDS]],
                "`-XX:SharedArchiveFile=sluice.jsa` + C2 late": [archives[CDS], *c2late],
                "`-XX:SharedArchiveFile=sluice.jsa -XX:TieredStopAtLevel=1`": [archives[CDS], *tiered1],
            }, args.probe_runs)

        text = report(args, variants, rt, probe, tmp, java, started, datetime.datetime.now(),
                      (load_before, load_average()))
        print()
        print(text)
        if args.out:
            args.out.write_text(text)
            print(f"Written to {args.out}")
    finally:
        if args.keep_tmp:
            print(f"Kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--jar", type=Path, default=DEFAULT_JAR, help="the kernel jar (default: %(default)s)")
    p.add_argument("--java", default="java", help="java launcher for Sluice (default: java on PATH)")
    p.add_argument("--runs", type=int, default=5, help="cold starts per variant (default: %(default)s)")
    p.add_argument("--rt-runs", type=int, default=200, help="timed round trips (default: %(default)s)")
    p.add_argument("--warmup", type=int, default=20, help="warm-up cells before round trips (default: %(default)s)")
    p.add_argument("--rt", action="append", metavar="VARIANT",
                   help="variant(s) to measure round trips on (default: sluice-plain and ipykernel; "
                        "with --explore also sluice-appcds, sluice-appcds-c2late, sluice-appcds-tiered1)")
    p.add_argument("--variant", action="append", default=[], metavar="NAME=FLAGS",
                   help="extra Sluice variant with these JVM flags; {cds} and {cds_session} stand for the archives")
    p.add_argument("--explore", action="store_true", help="also the JVM flag variants in EXPLORE and the JShell probe")
    p.add_argument("--probe-runs", type=int, default=5, help="JShell probe runs with --explore (default: %(default)s)")
    p.add_argument("--ready", action="store_true",
                   help="cold start: call wait_for_ready() (kernel_info handshake and IOPub check, as notebook "
                        "clients do) before sending 1 + 1, instead of sending it at once")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for a reply (default: %(default)s)")
    p.add_argument("--quiet-threshold", type=float, default=0.3,
                   help="before each cold start, wait while other processes keep more than this share of "
                        "the CPUs busy (default: %(default)s)")
    p.add_argument("--quiet-wait", type=float, default=30.0, help="longest such wait, seconds (default: %(default)s)")
    p.add_argument("--out", default=str(REPO / "bench" / "results_kernel.md"),
                   help="markdown results file; '' to skip (default: %(default)s)")
    p.add_argument("--keep-tmp", action="store_true", help="keep the temp dir (kernelspecs, archives, kernel logs)")
    args = p.parse_args()
    args.out = Path(args.out) if args.out else None
    args.repro = ["/usr/bin/python3", "bench/kernel_latency.py", *sys.argv[1:]]
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
