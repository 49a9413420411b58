"""The measuring side of kernel_latency.py: kernel variants and their kernelspecs, cold starts and round
trips through jupyter_client, and waiting until other processes leave the CPUs quiet."""
from __future__ import annotations

import asyncio
import json
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty

from jupyter_client.manager import AsyncKernelManager

from common import cpu_busy

IPYKERNEL = "ipykernel"
# The cells of the kernel session that records the session archive (CDS_SESSION in kernel_latency.py).
SESSION_CELLS = ["1 + 1", "int x = 2;\nx * 21", "%lsmagic", "String s = \"a\"; s.length()"]

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


def wait_for_quiet(threshold: float, max_wait: float) -> bool:
    """Waits until other processes leave the CPUs mostly idle; returns False if it gave up."""
    t0 = time.monotonic()
    try:
        while cpu_busy(0.25) > threshold:
            if time.monotonic() - t0 > max_wait:
                return False
            time.sleep(0.5)
        return True
    finally:
        QUIET_WAITED[0] += time.monotonic() - t0


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
