"""The report of kernel_latency.py: the machine, Java and Sluice it ran on, then cold starts, round trips,
the targets and the JShell probe as markdown tables."""
from __future__ import annotations

import math
import os
import platform
import shlex
import statistics
import subprocess
import sys
from pathlib import Path

import jupyter_client

from common import REPO
from kernel_latency_runs import COMPILED_CELL, COMPUTE_CELL, IPYKERNEL, MAGIC_CELL, QUIET_WAITED, RoundTrips, Variant


def java_version(java: str) -> str:
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()
    return " / ".join(line.strip() for line in out[:2])


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def git_describe() -> str:
    try:
        head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        return head + (" (with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "?"


def p90(xs: list[float]) -> float:
    s = sorted(xs)
    return s[max(0, math.ceil(0.9 * len(s)) - 1)]


def ms(x: float) -> str:
    return f"{x * 1000:.1f} ms"


def flags_text(v: Variant, tmp: Path) -> str:
    if v.is_ipykernel:
        return "(python3 -m ipykernel_launcher)"
    text = " ".join(v.flags).replace(f"{tmp}/", "")
    return f"`{text}`" if text else "(none)"


def report(args, variants: list[Variant], rt: dict[str, RoundTrips], probe, tmp: Path, java: str,
           started, finished, load) -> str:
    med = {v.name: statistics.median(v.cold) for v in variants}
    ipy = med[IPYKERNEL]
    jsa = tmp / "sluice.jsa"
    out = []
    add = out.append
    add("# Sluice kernel latency beside ipykernel\n")
    add(f"- Date: {started:%Y-%m-%d %H:%M} (the run took {(finished - started).seconds} s, "
        f"{QUIET_WAITED[0]:.0f} s of it waiting for the CPUs to be quiet)")
    add(f"- Machine: {os.cpu_count()} CPUs (nproc), {cpu_model()}, {platform.system()} {platform.release()}")
    add(f"- Java: {java_version(java)} ({java})")
    add(f"- Python {platform.python_version()} ({sys.executable}), jupyter_client {jupyter_client.__version__}, "
        f"ipykernel {__import__('ipykernel').__version__}")
    add(f"- Sluice: {args.jar_origin} ({args.jar_size / 1e6:.0f} MB) at commit {git_describe()}")
    add(f"- sluice.jsa: `java -XX:ArchiveClassesAtExit=sluice.jsa -jar sluice.jar warmup`, "
        f"{args.record_s:.1f} s, {jsa.stat().st_size / 1e6:.0f} MB")
    if getattr(args, "session_record_s", None):
        add(f"- sluice-session.jsa: a kernel session under jupyter_client with "
            f"`-XX:ArchiveClassesAtExit=sluice-session.jsa` (the warmup's cells, complete, is_complete, shutdown), "
            f"{args.session_record_s:.1f} s, {(tmp / 'sluice-session.jsa').stat().st_size / 1e6:.0f} MB")
    add(f"- Load average (1, 5, 15 min) before / after: {load[0]} / {load[1]}")
    add(f"- Reproduce: `cd {REPO} && mvn -q -B package -DskipTests && "
        f"{' '.join(shlex.quote(a) for a in args.repro)}`")
    add("")
    how = " after wait_for_ready()" if args.ready else ""
    add(f"## Cold start: start_kernel() to the execute_reply of `1 + 1`{how} (median of {args.runs}, interleaved)\n")
    add("| Kernel | JVM flags | median | min | max | ratio to ipykernel |")
    add("|---|---|---:|---:|---:|---:|")
    for v in variants:
        add(f"| {v.name} | {flags_text(v, tmp)} | {med[v.name]:.2f} s | {min(v.cold):.2f} s | {max(v.cold):.2f} s | "
            f"{med[v.name] / ipy:.2f} |")
    busy = sum(sum(v.busy) for v in variants)
    if busy:
        add(f"\n{busy} samples ran while other processes kept the CPUs busy (after waiting {args.quiet_wait:.0f} s).")
    add("")
    add(f"## Round trip of the cell `1`, of `{MAGIC_CELL}` and of `{COMPILED_CELL}` ({args.rt_runs} runs each, interleaved, after "
        f"{args.warmup} warm-up pairs)\n")
    half = args.rt_runs // 2
    add(f"| Kernel | to execute_reply median | p90 | to idle median | p90 | reply median, first / last {half} "
        f"| `{MAGIC_CELL}` to execute_reply median | p90 | `{COMPILED_CELL}` median | p90 | CPU-bound cell, 3 runs |")
    add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, r in rt.items():
        compute = ", ".join(f"{c:.2f} s" for c in r.compute) if r.compute else "n/a"
        add(f"| {name} | {ms(statistics.median(r.to_reply))} | {ms(p90(r.to_reply))} | "
            f"{ms(statistics.median(r.to_idle))} | {ms(p90(r.to_idle))} | "
            f"{ms(statistics.median(r.to_reply[:half]))} / {ms(statistics.median(r.to_reply[half:]))} | "
            f"{ms(statistics.median(r.magic))} | {ms(p90(r.magic))} | {ms(statistics.median(r.compiled))} | "
            f"{ms(p90(r.compiled))} | {compute} |")
    add("\nThe CPU-bound cell (Java, Sluice only):\n")
    add("```java\n" + COMPUTE_CELL + "\n```")
    add("")
    add("## Targets\n")
    for v in variants:
        if not v.is_ipykernel:
            ratio = med[v.name] / ipy
            add(f"- Cold start ratio to ipykernel <= 1.3: {v.name} {ratio:.2f} ({'met' if ratio <= 1.3 else 'NOT met'})")
    if IPYKERNEL in rt:
        base = rt[IPYKERNEL]
        for name, r in rt.items():
            if name != IPYKERNEL:
                for what, mine, theirs in (("`1`", r.to_reply, base.to_reply), (f"`{MAGIC_CELL}`", r.magic, base.magic),
                                           (f"`{COMPILED_CELL}`", r.compiled, base.compiled)):
                    ratio = statistics.median(mine) / statistics.median(theirs)
                    add(f"- Round trip of {what} <= 2x ipykernel's: {name} {ms(statistics.median(mine))} against "
                        f"{ms(statistics.median(theirs))}, {ratio:.2f}x ({'met' if ratio <= 2 else 'NOT met'})")
    if probe:
        add("")
        add(f"## JShell's share of the start (probe, ms, median of {args.probe_runs})\n")
        add("The probe (SluiceStartProbe in kernel_latency_probe.py) builds JShell with local execution, does what "
            "JavaShell's constructor does (addToClasspath of the jar, the nine default imports), then evaluates "
            "two cells. `main()` is all of that; `process` adds JVM start and exit. The first import is javac's "
            "first compilation.\n")
        add("| JVM flags | `java -jar sluice.jar --version` | process | main() | JShell build | addToClasspath | "
            "1st import | tablesaw import | 7 other imports | `1 + 1` | `2 + 2` |")
        add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        cols = ["jvm_jar_version", "process", "main", "build", "classpath", "first_import", "tablesaw_import",
                "other_imports", "first_eval", "second_eval"]
        for label, m in probe.items():
            add(f"| {label} | " + " | ".join(f"{m[c]:.0f}" for c in cols) + " |")
    return "\n".join(out) + "\n"
