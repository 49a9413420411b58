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
"""
from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import math
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty

import jupyter_client
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager

REPO = Path(__file__).resolve().parent.parent
DEFAULT_JAR = REPO / "kernel" / "target" / "sluice.jar"
IPYKERNEL = "ipykernel"
T0 = time.monotonic()

CDS = "{cds}"  # stands for -XX:SharedArchiveFile=<the archive recorded by the warmup command>
# ... and this for an archive recorded by one real kernel session (start, the warmup's cells, shutdown)
# under jupyter_client, which also covers the ZeroMQ, JSON and message classes the warmup command skips.
CDS_SESSION = "{cds_session}"
SESSION_CELLS = ["1 + 1", "int x = 2;\nx * 21", "%lsmagic", "String s = \"a\"; s.length()"]

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

# A cell that holds only a magic, which both kernels have: the round trip without any compiler.
MAGIC_CELL = "%lsmagic"
# `1` is answered without the compiler (a literal); this expression is the shortest one that is compiled.
COMPILED_CELL = "1 + 1"

# A CPU-bound Java cell, run three times after the round trips: C1-only code is slower here.
COMPUTE_CELL = ("double[] xs = new Random(42).doubles(2_000_000).toArray();\n"
                "Arrays.sort(xs);\n"
                "double s = 0;\n"
                "for (int k = 0; k < 20; k++) for (double x : xs) s += Math.sqrt(x) * k;\n"
                "s")


@dataclass
class Variant:
    name: str
    flags: list[str] = field(default_factory=list)  # JVM flags; empty for ipykernel
    kernel_name: str = ""
    cold: list[float] = field(default_factory=list)
    busy: list[bool] = field(default_factory=list)  # the machine stayed busy before this sample

    @property
    def is_ipykernel(self) -> bool:
        return self.name == IPYKERNEL


@dataclass
class RoundTrips:
    to_reply: list[float]
    to_idle: list[float]
    compute: list[float]  # seconds to the execute_reply of COMPUTE_CELL; empty for ipykernel
    magic: list[float] = field(default_factory=list)  # to the execute_reply of MAGIC_CELL, interleaved with `1`
    compiled: list[float] = field(default_factory=list)  # to the execute_reply of COMPILED_CELL, likewise


# ---- machine ---------------------------------------------------------------------------------

QUIET_WAITED = [0.0]  # seconds spent waiting for quiet, in all


def cpu_busy_fraction(interval: float = 0.25) -> float:
    """Share of all CPUs busy over `interval` seconds, from /proc/stat."""
    def sample():
        with open("/proc/stat") as f:
            parts = [int(x) for x in f.readline().split()[1:]]
        return parts[3] + parts[4], sum(parts)
    i0, t0 = sample()
    time.sleep(interval)
    i1, t1 = sample()
    return 0.0 if t1 == t0 else 1.0 - (i1 - i0) / (t1 - t0)


def wait_for_quiet(threshold: float, max_wait: float) -> bool:
    """Waits until other processes leave the CPUs mostly idle; returns False if it gave up."""
    t0 = time.monotonic()
    try:
        while cpu_busy_fraction() > threshold:
            if time.monotonic() - t0 > max_wait:
                return False
            time.sleep(0.5)
        return True
    finally:
        QUIET_WAITED[0] += time.monotonic() - t0


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


# ---- kernelspecs and archives ----------------------------------------------------------------

def write_kernelspec(root: Path, name: str, argv: list[str], language: str) -> None:
    d = root / "kernels" / name
    d.mkdir(parents=True, exist_ok=True)
    spec = {"argv": argv, "display_name": name, "language": language, "interrupt_mode": "message"}
    (d / "kernel.json").write_text(json.dumps(spec, indent=1))


def record_archive(java: str, jar: Path, jsa: Path, log: Path) -> float:
    t0 = time.perf_counter()
    with open(log, "w") as f:
        subprocess.run([java, f"-XX:ArchiveClassesAtExit={jsa}", "-jar", str(jar), "warmup"],
                       stdout=f, stderr=subprocess.STDOUT, check=True)
    return time.perf_counter() - t0


def installed_flags(java: str, jar: Path, prefix: Path) -> list[str]:
    """The kernel.json argv that `java -jar sluice.jar install` writes (an AOT cache on Java 25+, CDS before)."""
    subprocess.run([java, "-jar", str(jar), "install", "--prefix", str(prefix), "--name", "bench-installed"],
                   check=True, capture_output=True)
    return json.loads((prefix / "share" / "jupyter" / "kernels" / "bench-installed" / "kernel.json").read_text())["argv"]


def check_flags(java: str, jar: Path, flags: list[str], cds: bool) -> None:
    """Fails early on flags the JVM refuses. With an archive, also -Xshare:on: -Xshare:auto would fall
    back silently when the archive does not fit the other flags, -Xshare:on fails instead."""
    r = subprocess.run([java, *flags, *(["-Xshare:on"] if cds else []), "-jar", str(jar), "--version"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"java {' '.join(flags)}{' -Xshare:on' if cds else ''} -jar {jar} --version failed:\n"
                         f"{r.stdout}{r.stderr}")


# ---- jupyter_client --------------------------------------------------------------------------

async def await_reply(kc, msg_id: str, timeout: float, msg_type: str = "execute_reply") -> tuple[float, dict]:
    deadline = time.monotonic() + timeout
    while True:
        msg = await kc.shell_channel.get_msg(timeout=max(0.0, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == msg_type:
            return time.perf_counter(), msg


async def await_idle(kc, msg_id: str, timeout: float) -> float:
    deadline = time.monotonic() + timeout
    while True:
        msg = await kc.iopub_channel.get_msg(timeout=max(0.0, deadline - time.monotonic()))
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"].get("execution_state") == "idle"):
            return time.perf_counter()


async def start(variant: Variant, log_dir: Path, iopub: bool):
    km = AsyncKernelManager(kernel_name=variant.kernel_name)
    km.shutdown_wait_time = 5.0
    log = open(log_dir / f"{variant.name}.log", "a")
    await km.start_kernel(stdout=subprocess.DEVNULL, stderr=log)
    kc = km.client()
    kc.start_channels(shell=True, iopub=iopub, stdin=False, hb=False, control=True)
    return km, kc, log


async def stop(km, kc, log) -> None:
    kc.stop_channels()
    await km.shutdown_kernel(now=False)
    log.close()


async def execute_ok(kc, variant: Variant, code: str, log_dir: Path, timeout: float) -> float:
    """Sends a cell; returns when its execute_reply arrived (perf_counter), failing on errors."""
    msg_id = kc.execute(code)
    try:
        t, reply = await await_reply(kc, msg_id, timeout)
    except Empty:
        tail = (log_dir / f"{variant.name}.log").read_text()[-2000:]
        raise SystemExit(f"{variant.name}: no execute_reply within {timeout:.0f} s. Kernel stderr:\n{tail}")
    if reply["content"].get("status") != "ok":
        raise SystemExit(f"{variant.name}: the cell {code!r} failed: {reply['content']}")
    return t


async def cold_start(variant: Variant, log_dir: Path, timeout: float, ready: bool = False) -> float:
    t0 = time.perf_counter()
    km, kc, log = await start(variant, log_dir, iopub=ready)
    try:
        if ready:  # as notebook clients do: kernel_info handshake, IOPub subscribed, then the cell
            await kc.wait_for_ready(timeout=timeout)
        return await execute_ok(kc, variant, "1 + 1", log_dir, timeout) - t0
    finally:
        await stop(km, kc, log)


async def round_trips(variant: Variant, log_dir: Path, warmup: int, runs: int, timeout: float,
                      quiet: tuple) -> RoundTrips:
    km, kc, log = await start(variant, log_dir, iopub=True)
    try:
        await kc.wait_for_ready(timeout=timeout)  # until IOPub is subscribed too, else the first idle can be lost
        to_reply, to_idle, compute, magic, compiled = [], [], [], [], []
        for i in range(warmup + runs):
            if i >= warmup and (i - warmup) % 20 == 0:
                wait_for_quiet(*quiet)  # between chunks of 20 cells, untimed
            t0 = time.perf_counter()
            msg_id = kc.execute("1")
            (t_reply, reply), t_idle = await asyncio.gather(
                await_reply(kc, msg_id, timeout), await_idle(kc, msg_id, timeout))
            if reply["content"].get("status") != "ok":
                raise SystemExit(f"{variant.name}: the cell 1 failed: {reply['content']}")
            if i >= warmup:
                to_reply.append(t_reply - t0)
                to_idle.append(t_idle - t0)
            for code, times in ((MAGIC_CELL, magic), (COMPILED_CELL, compiled)):
                t0 = time.perf_counter()
                t_reply, reply = await await_reply(kc, kc.execute(code), timeout)
                if reply["content"].get("status") != "ok":
                    raise SystemExit(f"{variant.name}: the cell {code} failed: {reply['content']}")
                if i >= warmup:
                    times.append(t_reply - t0)
        if not variant.is_ipykernel:
            for _ in range(3):
                wait_for_quiet(*quiet)
                t0 = time.perf_counter()
                compute.append(await execute_ok(kc, variant, COMPUTE_CELL, log_dir, timeout) - t0)
        return RoundTrips(to_reply, to_idle, compute, magic, compiled)
    finally:
        await stop(km, kc, log)


async def record_session_archive(java: str, jar: Path, jsa: Path, tmp: Path, timeout: float) -> float:
    """Records a dynamic CDS archive from one kernel session driven through jupyter_client."""
    v = Variant("record-session", kernel_name="bench-record-session")
    write_kernelspec(tmp, v.kernel_name, [java, f"-XX:ArchiveClassesAtExit={jsa}", "-jar", str(jar), "kernel",
                                          "{connection_file}"], "java")
    t0 = time.perf_counter()
    km, kc, log = await start(v, tmp, iopub=False)
    km.shutdown_wait_time = 60.0  # the archive is written while the JVM exits
    for cell in SESSION_CELLS:
        await execute_ok(kc, v, cell, tmp, timeout)
    await await_reply(kc, kc.complete("Strin", 5), timeout, "complete_reply")
    await await_reply(kc, kc.is_complete("for (int i = 0; i < 3; i++) {"), timeout, "is_complete_reply")
    await stop(km, kc, log)
    if not jsa.is_file():
        raise SystemExit(f"Recording {jsa} from a kernel session failed; see {tmp / 'record-session.log'}")
    return time.perf_counter() - t0


# ---- JShell probe ----------------------------------------------------------------------------

PROBE_SOURCE = r"""
import java.util.List;
import jdk.jshell.JShell;

public class SluiceStartProbe {
    // Keep in step with sluice.kernel.JavaShell.IMPORTS.
    static final List<String> IMPORTS = List.of(
            "java.util.*", "java.util.function.*", "java.util.stream.*", "java.time.*", "java.nio.file.*",
            "java.io.*", "java.math.*", "tech.tablesaw.api.*", "static sluice.kernel.Notebook.*");

    static double ms(long from, long to) {
        return (to - from) / 1e6;
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        JShell shell = JShell.builder().executionEngine("local").compilerOptions("-parameters").build();
        long t1 = System.nanoTime();
        shell.addToClasspath(System.getProperty("java.class.path"));
        long t2 = System.nanoTime();
        double firstImport = 0, tablesaw = 0, otherImports = 0;
        for (int i = 0; i < IMPORTS.size(); i++) {
            long a = System.nanoTime();
            shell.eval("import " + IMPORTS.get(i) + ";");
            double d = ms(a, System.nanoTime());
            if (i == 0) {
                firstImport = d;
            } else if (IMPORTS.get(i).startsWith("tech.tablesaw")) {
                tablesaw = d;
            } else {
                otherImports += d;
            }
        }
        long t3 = System.nanoTime();
        String first = shell.eval("1 + 1").get(0).value();
        long t4 = System.nanoTime();
        shell.eval("2 + 2");
        long t5 = System.nanoTime();
        System.out.printf("{\"main\": %.1f, \"build\": %.1f, \"classpath\": %.1f, \"first_import\": %.1f, "
                + "\"tablesaw_import\": %.1f, \"other_imports\": %.1f, \"first_eval\": %.1f, \"second_eval\": %.1f, "
                + "\"value\": \"%s\"}%n",
                ms(t0, t5), ms(t0, t1), ms(t1, t2), firstImport, tablesaw, otherImports, ms(t3, t4), ms(t4, t5), first);
        System.exit(0);
    }
}
"""


def run_probe(java: str, jar: Path, tmp: Path, flag_sets: dict[str, list[str]], runs: int) -> dict:
    """Times JShell's own start (the part of Sluice's cold start that is JShell) with a tiny program."""
    src = tmp / "probe" / "SluiceStartProbe.java"
    src.parent.mkdir(exist_ok=True)
    src.write_text(PROBE_SOURCE)
    javac = str(Path(os.path.realpath(java)).parent / "javac")
    subprocess.run([javac, "-d", str(src.parent), str(src)], check=True)
    cp = f"{jar}:{src.parent}"  # jar first: the archive recorded with -jar sluice.jar still applies
    results: dict[str, list[dict]] = {}
    for _ in range(runs):
        for label, flags in flag_sets.items():
            wait_for_quiet(0.3, 30)
            t0 = time.perf_counter()
            r = subprocess.run([java, *flags, "-cp", cp, "SluiceStartProbe"], capture_output=True, text=True, check=True)
            wall = (time.perf_counter() - t0) * 1000
            t1 = time.perf_counter()
            subprocess.run([java, *flags, "-jar", str(jar), "--version"], capture_output=True, check=True)
            jvm = (time.perf_counter() - t1) * 1000
            phases = json.loads(r.stdout.strip().splitlines()[-1])
            phases["process"] = wall
            phases["jvm_jar_version"] = jvm
            results.setdefault(label, []).append(phases)
    return {label: {k: statistics.median(p[k] for p in rows) for k in rows[0] if k != "value"}
            for label, rows in results.items()}


# ---- report ----------------------------------------------------------------------------------

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
        add("The probe (SluiceStartProbe in kernel_latency.py) builds JShell with local execution, does what "
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


# ---- main ------------------------------------------------------------------------------------

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
