#!/usr/bin/python3
"""%ingest from MariaDB beside pandas.read_sql, on the same 1M-row table, in one run.

Run it with Debian's Python (python3-pandas and python3-pymysql from apt), not pyenv's:

    apt-get install -y python3-pandas python3-pymysql      # once, as root
    cd /work/main && mvn -q -B package -DskipTests
    /usr/bin/python3 bench/ingest_mariadb.py                # writes bench/results_ingest_mariadb.md

What it does, as bench/ingest_pg.py does for PostgreSQL:

1. Loads synth_1m.csv (1M rows x 12 columns from ../shared/bench/gen.py: num_1..num_8 and target
   as DOUBLE, ~5% NULL in four of them; cat_a, cat_b, cat_c as VARCHAR) into an InnoDB table of the
   MariaDB server at 127.0.0.1:3306, database test, with LOAD DATA LOCAL INFILE (empty fields become
   NULL). The table is dropped at the end (--keep keeps it).
2. Sluice: ``java -cp kernel/target/sluice.jar bench/ingest_pg_timer.java URL T RUNS`` (the same
   timer: it takes any jdbc: URL) runs ``%ingest jdbc:mariadb://127.0.0.1:3306/test --table T``
   --runs times in one JVM, each on a fresh Session, through the kernel's Magics dispatch, timed with
   System.nanoTime (connect, query, stream, build the table). A second JVM is timed for the noise.
3. pandas: ``pd.read_sql("SELECT * FROM T", pymysql.connect(...))`` --runs times in this process,
   each with a new connection, timed with time.perf_counter. pymysql reads the whole result before
   pandas builds the DataFrame, as read_sql does with any DBAPI connection.
4. Streaming check: one more %ingest in a JVM capped at -Xmx256m.

The result is the median of --runs for each and their ratio (Sluice / pandas; target <= 1.0),
printed as markdown and written to bench/results_ingest_mariadb.md (--out).
"""
from __future__ import annotations

import argparse
import datetime
import os
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd
import pymysql

from common import REPO, synth_csv

NUMBERS = [f"num_{i}" for i in range(1, 9)]
COLUMNS = NUMBERS + ["cat_a", "cat_b", "cat_c", "target"]
TYPES = {**{c: "DOUBLE" for c in NUMBERS + ["target"]}, **{c: "VARCHAR(32)" for c in ("cat_a", "cat_b", "cat_c")}}


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


def median(runs: list[dict]) -> float:
    return statistics.median(r["seconds"] for r in runs)


def connect(args, **options):
    return pymysql.connect(host=args.host, port=args.port, user=args.user, database=args.db, **options)


def load(args, csv: Path) -> int:
    with connect(args, local_infile=True) as conn, conn.cursor() as cur:
        cur.execute(f"DROP TABLE IF EXISTS {args.table}")
        cur.execute(f"CREATE TABLE {args.table} ({', '.join(f'{c} {TYPES[c]}' for c in COLUMNS)}) ENGINE=InnoDB")
        with open(csv, encoding="utf-8") as f:
            header = f.readline().strip().split(",")
        assert sorted(header) == sorted(COLUMNS), header
        cur.execute(f"LOAD DATA LOCAL INFILE %s INTO TABLE {args.table} FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"'"
                    f" IGNORE 1 LINES ({', '.join('@' + c for c in header)})"
                    f" SET {', '.join(f'{c} = NULLIF(@{c}, {chr(39) * 2})' for c in header)}", (str(csv),))
        conn.commit()
        cur.execute(f"SELECT count(*) FROM {args.table}")
        return cur.fetchone()[0]


def pandas_runs(args) -> list[dict]:
    results = []
    for run in range(1, args.runs + 1):
        start = time.perf_counter()
        conn = connect(args)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # pandas 1.5 prefers SQLAlchemy, but reads a DBAPI connection
            df = pd.read_sql(f"SELECT * FROM {args.table}", conn)
        conn.close()
        results.append({"run": run, "seconds": time.perf_counter() - start, "rows": len(df), "columns": df.shape[1],
                        "memory_mb": df.memory_usage(deep=True).sum() / 1e6, "types": {c: str(t) for c, t in df.dtypes.items()}})
        del df
    return results


def report(args, rows, kernel, plain, pandas, capped, busy) -> str:
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    with connect(args) as conn, conn.cursor() as cur:
        cur.execute("SELECT version()")
        server = cur.fetchone()[0]
    ratio = median(kernel) / median(pandas)
    fmt = lambda runs: ", ".join(f"{r['seconds']:.2f}" for r in runs)
    return "\n".join([
        "# %ingest from MariaDB beside pandas.read_sql",
        "",
        f"{datetime.date.today()}, {platform.node() or 'this machine'}: {os.cpu_count()} CPUs, {platform.platform()}; "
        f"MariaDB {server} on 127.0.0.1; {java}; pandas {pd.__version__}, PyMySQL {pymysql.__version__}; "
        f"Sluice's driver MariaDB Connector/J (fetch size 10,000, text protocol). "
        f"Other processes kept up to {busy:.0%} of the CPUs busy just before a timed block (waited up to {args.quiet_wait:.0f} s for quiet).",
        "",
        f"Table: {rows:,} rows x 12 columns (synth_1m.csv from ../shared/bench/gen.py, loaded with LOAD DATA: "
        "9 DOUBLE columns, four of them ~5% NULL, and 3 VARCHAR columns; InnoDB).",
        "",
        f"| reader | median of {args.runs} (s) | runs (s) | rows x columns |",
        "| --- | --- | --- | --- |",
        f"| Sluice `%ingest jdbc:mariadb://... --table` | **{median(kernel):.2f}** | {fmt(kernel)} | {kernel[0]['rows']:,} x {kernel[0]['columns']} |",
        f"| Sluice, a second JVM (shows the noise) | {median(plain):.2f} | {fmt(plain)} | {plain[0]['rows']:,} x {plain[0]['columns']} |",
        f"| pandas `read_sql` + PyMySQL | **{median(pandas):.2f}** | {fmt(pandas)} | {pandas[0]['rows']:,} x {pandas[0]['columns']} |",
        "",
        f"**Ratio Sluice / pandas (medians): {ratio:.2f}** (target <= 1.0: {'met' if ratio <= 1.0 else 'NOT met'}).",
        f"First runs alone: Sluice {kernel[0]['seconds']:.2f} s (includes class loading and JIT warm-up), pandas {pandas[0]['seconds']:.2f} s.",
        "",
        "Streaming check: %ingest of the same table in a JVM capped at -Xmx256m: "
        + (f"read {capped[0]['rows']:,} rows in {capped[0]['seconds']:.2f} s, heap in use after the read {capped[0]['heap_used_mb']:.0f} MB."
           if "error" not in capped[0] else f"failed: {capped[0]['error']}")
        + f" pandas' DataFrame takes {pandas[0]['memory_mb']:.0f} MB (memory_usage(deep=True)).",
        "",
        "Column types: Sluice " + ", ".join(f"{c} {t}" for c, t in kernel[0]["types"].items())
        + "; pandas " + ", ".join(f"{c} {t}" for c, t in pandas[0]["types"].items()) + ".",
        "",
        "Reproduce:",
        "",
        "```",
        "apt-get install -y python3-pandas python3-pymysql",
        "cd /work/main && mvn -q -B package -DskipTests",
        "/usr/bin/python3 bench/ingest_mariadb.py",
        "```",
        "",
    ])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=3306)
    p.add_argument("--db", default="test")
    p.add_argument("--user", default="root")
    p.add_argument("--table", default="sluice_bench_synth_1m")
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--data", default=None, help="folder for synth_1m.csv (default: a temporary one)")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--jar", type=Path, default=REPO / "kernel" / "target" / "sluice.jar")
    p.add_argument("--out", type=Path, default=REPO / "bench" / "results_ingest_mariadb.md")
    p.add_argument("--keep", action="store_true", help="keep the table in MariaDB afterwards")
    p.add_argument("--quiet-wait", type=float, default=60.0, help="seconds to wait for idle CPUs before each timed block")
    args = p.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        rows = load(args, synth_csv(args.data or scratch, args.rows))
    args.url = f"jdbc:mariadb://{args.host}:{args.port}/{args.db}?user={args.user}"
    try:
        print(f"loaded {rows:,} rows into {args.table}", file=sys.stderr)
        busy = [wait_quiet(args.quiet_wait)]
        kernel = run_sluice(args, [], args.runs)
        busy.append(wait_quiet(args.quiet_wait))
        plain = run_sluice(args, [], args.runs)
        busy.append(wait_quiet(args.quiet_wait))
        pandas = pandas_runs(args)
        capped = run_sluice(args, ["-Xmx256m"], 1)
        for name, runs in (("sluice", kernel), ("sluice-second-jvm", plain), ("pandas", pandas), ("sluice-xmx256m", capped)):
            if "error" in runs[0] and "xmx" not in name:
                sys.exit(f"{name}: {runs[0]['error']}")
            print(name, [round(r["seconds"], 3) for r in runs if "seconds" in r], file=sys.stderr)
        text = report(args, rows, kernel, plain, pandas, capped, max(busy))
        args.out.write_text(text, encoding="utf-8")
        print(text)
    finally:
        if not args.keep:
            with connect(args) as conn, conn.cursor() as cur:
                cur.execute(f"DROP TABLE IF EXISTS {args.table}")


def run_sluice(args, jvm_flags, runs):
    cmd = ["java", *jvm_flags, "-cp", str(args.jar), str(REPO / "bench" / "ingest_pg_timer.java"), args.url, args.table, str(runs)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        return [{"error": (done.stderr or done.stdout).strip().splitlines()[-1]}]
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


if __name__ == "__main__":
    main()
