"""What the benchmark scripts share: the synthetic data, the kernel jar with a timer compiled
against it, running one process that prints one JSON line, and how busy the CPUs are."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GEN = REPO.parent / "shared" / "bench" / "gen.py"


def synth_csv(data_dir: str, rows: int = 1_000_000) -> Path:
    """synth_1m.csv (or synth_100k.csv, …) in data_dir, made with ../shared/bench/gen.py unless it is
    there, and read once so every run finds it in the page cache."""
    data = Path(data_dir)
    data.mkdir(parents=True, exist_ok=True)
    csv = data / (f"synth_{rows // 1000}k.csv" if rows % 1_000_000 else f"synth_{rows // 1_000_000}m.csv")
    if not csv.exists():
        subprocess.run([sys.executable, str(GEN), "--rows", str(rows), "--out", str(csv)], check=True)
    with open(csv, "rb") as f:
        while f.read(1 << 24):
            pass
    return csv


@contextmanager
def timer_classpath(jar: str, timer: Path):
    """A class path of a copy of the kernel jar (a rebuild during the run changes nothing) and the
    timer's classes, compiled against it."""
    if not Path(jar).exists():
        sys.exit(f"{jar} is missing: run mvn -q -B package -DskipTests first")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "sluice.jar"
        shutil.copy(jar, copy)
        classes = Path(tmp) / "classes"
        subprocess.run(["javac", "-cp", str(copy), "-d", str(classes), str(timer)], check=True)
        yield f"{copy}:{classes}"


def run_json(cmd: list[str]) -> dict:
    """Runs cmd, which prints one JSON line last, and returns it with the process's wall time as process_s."""
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{done.stderr}")
    out = json.loads(done.stdout.strip().splitlines()[-1])
    out["process_s"] = time.perf_counter() - start
    return out


def cpu_busy(interval: float) -> float:
    """Share of all CPUs busy over `interval` seconds, from /proc/stat."""
    def sample():
        with open("/proc/stat") as f:
            parts = [int(x) for x in f.readline().split()[1:]]
        return parts[3] + parts[4], sum(parts)
    i0, t0 = sample()
    time.sleep(interval)
    i1, t1 = sample()
    return 0.0 if t1 == t0 else 1.0 - (i1 - i0) / (t1 - t0)
