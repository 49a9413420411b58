#!/usr/bin/python3
"""%ingest from PostgreSQL beside pandas.read_sql, on the same 1M-row table, in one run.

Run it with Debian's Python (python3-pandas and python3-psycopg2 from apt), not pyenv's:

    apt-get install -y python3-pandas python3-psycopg2      # once, as root
    cd /work/main && mvn -q -B package -DskipTests
    /usr/bin/python3 bench/ingest_pg.py                      # writes bench/results_ingest_pg.md

What it does:

1. Loads synth_1m.csv (1M rows x 12 columns from ../shared/bench/gen.py: num_1..num_8 and target
   as double precision, ~5% NULL in four of them; cat_a, cat_b, cat_c as text) into a table of
   the PostgreSQL server at 127.0.0.1:5432, database test, with COPY. The CSV is made with gen.py
   into a temporary folder unless --csv names one. The table is dropped at the end (--keep keeps it).
2. Sluice: ``java -cp kernel/target/sluice.jar bench/ingest_pg_timer.java`` runs
   ``%ingest jdbc:postgresql://127.0.0.1:5432/test --table T`` --runs times in one JVM, each on a
   fresh Session, through the same Magics dispatch the kernel uses, and times each call with
   System.nanoTime (connect, query, stream, build the table and the report object). The JVM gets
   the kernelspec's JIT flags (install/install.sh: C2 starts later), which is what a notebook gets;
   a second JVM with the JVM's default flags is timed as well, for reference. JVM start and
   compiling the timer are outside the timing, as Python's start and imports are.
3. pandas: ``pd.read_sql("SELECT * FROM T", psycopg2.connect(...))`` --runs times in this
   process, each with a new connection, timed with time.perf_counter.
4. Streaming check: one more %ingest in a JVM capped at -Xmx256m (the table itself takes ~100 MB),
   and beside it, in the same cap, a plain JDBC read of the table with autocommit on and no fetch
   size, which keeps no rows at all but makes the driver hold the whole result first.

Before each timed block it waits, up to --quiet-wait seconds, for other processes to leave the
CPUs mostly idle (a parallel build skews a run), and the report says how busy they still were.
The result is the median of --runs (default 3) for each, their ratio (Sluice / pandas; target
<= 1.0), and the first run of each shown apart (the JVM's first run includes class loading and
JIT warm-up). Printed as markdown and written to bench/results_ingest_pg.md (--out).
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd
import psycopg2

REPO = Path(__file__).resolve().parent.parent
GEN = REPO.parent / "shared" / "bench" / "gen.py"
# The kernelspec (install/install.sh) adds no JIT flags beyond the class-data archive.
JIT_FLAGS = []
COLUMNS = [f"num_{i} double precision" for i in range(1, 9)] + [
    "cat_a text", "cat_b text", "cat_c text", "target double precision"]


def busy_fraction(interval: float = 0.5) -> float:
    """Share of CPU time not idle over `interval` seconds, from /proc/stat."""
    def sample():
        fields = [int(x) for x in open("/proc/stat").readline().split()[1:]]
        return sum(fields), fields[3] + fields[4]
    total0, idle0 = sample()
    time.sleep(interval)
    total1, idle1 = sample()
    return 1.0 - (idle1 - idle0) / max(1, total1 - total0)


def wait_quiet(limit: float) -> float:
    """Waits up to `limit` seconds for other processes to leave the CPUs mostly idle; returns the last busy share."""
    deadline = time.monotonic() + limit
    busy = busy_fraction()
    while busy > 0.2 and time.monotonic() < deadline:
        busy = busy_fraction(1.0)
    return busy


def connect(args):
    return psycopg2.connect(host=args.host, port=args.port, dbname=args.db, user=args.user)


def make_csv(args, scratch: Path) -> Path:
    if args.csv:
        return Path(args.csv)
    out = scratch / "synth_1m.csv"
    print(f"generating {out} with {GEN} ...", file=sys.stderr)
    subprocess.run([sys.executable, str(GEN), "--rows", str(args.rows), "--out", str(out)], check=True)
    return out


def load(args, csv: Path) -> int:
    with connect(args) as conn, conn.cursor() as cur:
        cur.execute(f"DROP TABLE IF EXISTS {args.table}")
        cur.execute(f"CREATE TABLE {args.table} ({', '.join(COLUMNS)})")
        with open(csv, encoding="utf-8") as f:
            cur.copy_expert(f"COPY {args.table} FROM STDIN WITH (FORMAT csv, HEADER true, NULL '')", f)
        cur.execute(f"ANALYZE {args.table}")
        cur.execute(f"SELECT count(*) FROM {args.table}")
        return cur.fetchone()[0]


def sluice(args, jvm_flags: list[str], runs: int, mode: str = "ingest") -> list[dict]:
    url = f"jdbc:postgresql://{args.host}:{args.port}/{args.db}?user={args.user}"
    cmd = ["java", *jvm_flags, "-cp", str(args.jar), str(REPO / "bench" / "ingest_pg_timer.java"), url, args.table, str(runs), mode]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        return [{"error": (done.stderr or done.stdout).strip().splitlines()[-1]}]
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def pandas_runs(args) -> list[dict]:
    results = []
    for run in range(1, args.runs + 1):
        start = time.perf_counter()
        conn = connect(args)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # pandas 1.5 prefers SQLAlchemy, but reads a DBAPI connection
            df = pd.read_sql(f"SELECT * FROM {args.table}", conn)
        conn.close()
        seconds = time.perf_counter() - start
        results.append({"run": run, "seconds": seconds, "rows": len(df), "columns": df.shape[1],
                        "memory_mb": df.memory_usage(deep=True).sum() / 1e6,
                        "types": {c: str(t) for c, t in df.dtypes.items()}})
        del df
    return results


def median(runs: list[dict]) -> float:
    return statistics.median(r["seconds"] for r in runs)


def report(args, rows: int, kernel, plain, pandas, capped, whole, busy: float) -> str:
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    with connect(args) as conn, conn.cursor() as cur:
        cur.execute("SHOW server_version")
        server = cur.fetchone()[0]
    ratio = median(kernel) / median(pandas)
    fmt = lambda runs: ", ".join(f"{r['seconds']:.2f}" for r in runs)
    lines = [
        "# %ingest from PostgreSQL beside pandas.read_sql",
        "",
        f"{datetime.date.today()}, {platform.node() or 'this machine'}: {os.cpu_count()} CPUs, {platform.platform()}; "
        f"PostgreSQL {server} on 127.0.0.1; {java}; pandas {pd.__version__}, psycopg2 {psycopg2.__version__.split()[0]}. "
        f"Other processes kept up to {busy:.0%} of the CPUs busy just before a timed block (waited up to {args.quiet_wait:.0f} s for quiet).",
        "",
        f"Table: {rows:,} rows x 12 columns (synth_1m.csv from ../shared/bench/gen.py, loaded with COPY: "
        "9 double precision columns, four of them ~5% NULL, and 3 text columns).",
        "",
        "| reader | median of " + str(args.runs) + " (s) | runs (s) | rows x columns |",
        "| --- | --- | --- | --- |",
        f"| Sluice `%ingest jdbc:... --table` (JVM as the kernelspec starts it) | **{median(kernel):.2f}** | {fmt(kernel)} | "
        f"{kernel[0]['rows']:,} x {kernel[0]['columns']} |",
        f"| Sluice, a second JVM (same flags; shows the noise) | {median(plain):.2f} | {fmt(plain)} | {plain[0]['rows']:,} x {plain[0]['columns']} |",
        f"| pandas `read_sql` + psycopg2 | **{median(pandas):.2f}** | {fmt(pandas)} | {pandas[0]['rows']:,} x {pandas[0]['columns']} |",
        "",
        f"**Ratio Sluice / pandas (medians): {ratio:.2f}** (target <= 1.0: {'met' if ratio <= 1.0 else 'NOT met'}).",
        f"First runs alone: Sluice {kernel[0]['seconds']:.2f} s (includes class loading and JIT warm-up), "
        f"pandas {pandas[0]['seconds']:.2f} s.",
        "",
        "Streaming check: %ingest of the same table in a JVM capped at -Xmx256m: "
        + (f"read {capped[0]['rows']:,} rows in {capped[0]['seconds']:.2f} s, heap in use after the read "
           f"{capped[0]['heap_used_mb']:.0f} MB." if "error" not in capped[0] else f"failed: {capped[0]['error']}")
        + " Plain JDBC in the same cap, autocommit on and no fetch size, keeping no rows: "
        + (f"read {whole[0]['rows']:,} rows in {whole[0]['seconds']:.2f} s." if "error" not in whole[0] else f"failed: {whole[0]['error']}."),
        f"pandas' DataFrame takes {pandas[0]['memory_mb']:.0f} MB (memory_usage(deep=True)).",
        "",
        "Column types: Sluice " + ", ".join(f"{c} {t}" for c, t in kernel[0]["types"].items())
        + "; pandas " + ", ".join(f"{c} {t}" for c, t in pandas[0]["types"].items()) + ".",
        "",
        "How: `bench/ingest_pg.py` times Sluice by running `bench/ingest_pg_timer.java` against the kernel jar "
        "(the magic through the kernel's Magics dispatch, each run on a fresh Session, all runs in one JVM) and "
        "pandas in its own process; each timing covers connect, query, transfer and building the table. "
        "JVM and Python start-up are outside both.",
        "",
        "Reproduce:",
        "",
        "```",
        "apt-get install -y python3-pandas python3-psycopg2",
        "cd /work/main && mvn -q -B package -DskipTests",
        "/usr/bin/python3 bench/ingest_pg.py" + (" --csv " + args.csv if args.csv else ""),
        "```",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=5432)
    p.add_argument("--db", default="test")
    p.add_argument("--user", default=os.environ.get("PGUSER", "postgres"))
    p.add_argument("--table", default="sluice_bench_synth_1m")
    p.add_argument("--rows", type=int, default=1_000_000, help="rows for gen.py when --csv is not given")
    p.add_argument("--csv", help="an existing synth_1m.csv (default: make one with gen.py)")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--jar", type=Path, default=REPO / "kernel" / "target" / "sluice.jar")
    p.add_argument("--out", type=Path, default=REPO / "bench" / "results_ingest_pg.md")
    p.add_argument("--keep", action="store_true", help="keep the table in PostgreSQL afterwards")
    p.add_argument("--quiet-wait", type=float, default=60.0, help="seconds to wait for idle CPUs before each timed block")
    args = p.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        rows = load(args, make_csv(args, Path(scratch)))
    try:
        print(f"loaded {rows:,} rows into {args.table}", file=sys.stderr)
        busy = [wait_quiet(args.quiet_wait)]
        kernel = sluice(args, JIT_FLAGS, args.runs)
        busy.append(wait_quiet(args.quiet_wait))
        plain = sluice(args, [], args.runs)
        busy.append(wait_quiet(args.quiet_wait))
        pandas = pandas_runs(args)
        capped = sluice(args, [*JIT_FLAGS, "-Xmx256m"], 1)
        whole = sluice(args, [*JIT_FLAGS, "-Xmx256m"], 1, "whole-result")
        for name, runs in (("sluice", kernel), ("sluice-default-jit", plain), ("pandas", pandas),
                           ("sluice-xmx256m", capped), ("jdbc-whole-result-xmx256m", whole)):
            if "error" in runs[0] and "xmx" not in name:
                sys.exit(f"{name}: {runs[0]['error']}")
            print(name, [round(r["seconds"], 3) for r in runs if "seconds" in r], file=sys.stderr)
        text = report(args, rows, kernel, plain, pandas, capped, whole, max(busy))
        args.out.write_text(text, encoding="utf-8")
        print(text)
    finally:
        if not args.keep:
            with connect(args) as conn, conn.cursor() as cur:
                cur.execute(f"DROP TABLE IF EXISTS {args.table}")


if __name__ == "__main__":
    main()
