#!/usr/bin/python3
"""A 1M-row CSV batch scored by the endpoint beside pandas scoring the same rows, in one run.

The model is bench/deploy.py's: linear regression of diamonds' price on carat, depth, table, x, y, z,
made by a real kernel of the installed kernelspec (%ingest, %train, %deploy save, %deploy), so the
endpoint measured is the one %deploy starts in the kernel; `java -jar sluice.jar serve` of the saved
model is measured too. The rows are diamonds' six feature columns, drawn with replacement to --rows
rows (seeded), written once as a CSV with a header of the raw column names.

Sluice: `POST /predict` with `Content-Type: text/csv` and `Accept: text/csv`, the file streamed from
disk by the client, timed from the first byte sent to the last byte of the answer read; the server's
peak resident memory is read from /proc (VmHWM) before and after. The peer: pandas' `read_csv` of the
same file, the pickled scikit-learn model's `predict`, and `to_csv` of the predictions, in a fresh
Python process (no HTTP: what a data scientist would run instead), timed around those three calls, its
peak memory from getrusage. Each side runs --runs times, taking turns; medians. The predictions are
compared value by value. Results go to bench/results_batch.md.

  /usr/bin/python3 bench/batch.py [--rows 1000000] [--runs 3]
"""
import argparse
import http.client
import io
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from deploy import PEER, PORTS, diamonds, sluice_kernel, wait_up

REPO = Path(__file__).resolve().parents[1]
FEATURES = ["carat", "depth", "table", "x", "y", "z"]
PANDAS = """
import pickle, resource, sys, time
import pandas as pd
import sklearn.linear_model  # what unpickling the model imports, before the clock starts
start = time.perf_counter()
rows = pd.read_csv(sys.argv[1])
model = pickle.load(open(sys.argv[2], "rb"))
out = pd.DataFrame({"prediction": model.predict(rows[%r].to_numpy(dtype=float))})
out.to_csv(sys.argv[3], index=False)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
""" % FEATURES


def rows_csv(source, rows, path):
    table = pd.read_csv(source)[FEATURES].sample(n=rows, replace=True, random_state=1)
    table.to_csv(path, index=False)
    return path


def peak_memory(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def post_batch(port, csv, answer):
    """Streams csv to the endpoint; returns the seconds until the whole answer (written to answer) was read."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    start = time.perf_counter()
    with open(csv, "rb") as body:
        connection.request("POST", "/predict", body=body, headers={
            "Content-Type": "text/csv", "Accept": "text/csv", "Content-Length": str(csv.stat().st_size)})
        response = connection.getresponse()
        data = response.read()
    took = time.perf_counter() - start
    if response.status != 200:
        sys.exit(f"bench: the endpoint answered {response.status}: {data[:300]!r}")
    answer.write_bytes(data)
    return took


def pandas_scores(csv, pickle, answer):
    out = subprocess.run([sys.executable, "-c", PANDAS, str(csv), str(pickle), str(answer)],
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), int(out[1])


def agreement(a, b):
    x = pd.read_csv(a)["prediction"].to_numpy()
    y = pd.read_csv(b)["prediction"].to_numpy()
    if len(x) != len(y):
        return f"**{len(x):,} against {len(y):,} predictions**"
    worst = float(abs(x - y).max() / max(1.0, abs(y).max()))
    return f"{len(x):,} predictions each; largest difference {worst:.1e} of the largest prediction"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jar", type=Path, default=REPO / "kernel" / "target" / "sluice.jar")
    ap.add_argument("--data-dir", type=Path, default=Path("/tmp/sluice-bench-data"))
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "results_batch.md")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="sluice-bench-batch-"))
    jar = tmp / "sluice.jar"
    shutil.copy(args.jar, jar)
    source = diamonds(args.data_dir)
    csv = rows_csv(source, args.rows, tmp / "rows.csv")
    model, pickle = tmp / "diamonds.sluice", tmp / "model.pkl"
    manager, client = sluice_kernel(jar, source, model, PORTS["kernel"], tmp)
    subprocess.run([sys.executable, str(PEER / "peer_serve.py"), "train", "--csv", str(source), "--model", str(pickle)],
                   check=True, capture_output=True)
    serve = subprocess.Popen(["java", "-jar", str(jar), "serve", str(model), "--port", str(PORTS["sluice"])],
                             stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    pids = {"kernel": manager.provisioner.process.pid, "sluice": serve.pid}
    times = {name: [] for name in ("kernel", "sluice", "pandas")}
    memory = {}
    try:
        wait_up(PORTS["sluice"])
        for run in range(args.runs):
            for name in ("kernel", "sluice"):
                times[name].append(post_batch(PORTS[name], csv, tmp / f"{name}.csv"))
                memory[name] = peak_memory(pids[name])
            took, peak = pandas_scores(csv, pickle, tmp / "pandas.csv")
            times["pandas"].append(took)
            memory["pandas"] = peak
            print(f"run {run + 1}: " + ", ".join(f"{n} {t[-1]:.2f} s" for n, t in times.items()), file=sys.stderr)
    finally:
        serve.terminate()
        serve.wait(timeout=10)
        client.stop_channels()
        manager.shutdown_kernel(now=True)

    peer = statistics.median(times["pandas"])
    mb = csv.stat().st_size / 1e6
    lines = ["# A 1M-row CSV batch: the endpoint beside pandas", "",
             f"Run of {time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} CPUs ({platform.machine()}), "
             f"{subprocess.run(['java', '-version'], capture_output=True, text=True).stderr.splitlines()[0]}, "
             f"pandas {pd.__version__}. Load average (1 min) at the end: {os.getloadavg()[0]:.1f}.", "",
             f"Command: `/usr/bin/python3 bench/batch.py --rows {args.rows} --runs {args.runs}`. "
             f"{args.rows:,} rows of diamonds' six features ({mb:.0f} MB of CSV), drawn with replacement from its rows; "
             "linear regression of price fitted on all of diamonds' rows by each side. "
             "Sluice: one `POST /predict` (`text/csv` in and out) streamed from disk, to the last byte of the answer. "
             "pandas: `read_csv`, `predict`, `to_csv` in a fresh process, no HTTP. Medians; peak memory is the "
             "process's whole high-water mark (the kernel's holds the notebook's session too).", "",
             "| scorer | seconds (median, min – max) | rows/s | ratio to pandas | peak memory |",
             "| --- | ---: | ---: | ---: | ---: |"]
    names = {"kernel": "Sluice, the endpoint `%deploy` starts in the kernel",
             "sluice": "Sluice (`java -jar sluice.jar serve`)", "pandas": "pandas + scikit-learn"}
    for name, runs in times.items():
        median = statistics.median(runs)
        lines.append(f"| {names[name]} | {median:.2f} ({min(runs):.2f} – {max(runs):.2f}) | {args.rows / median:,.0f} | "
                     f"{median / peer:.2f} | {memory[name] / 2**20:,.0f} MiB |")
    lines += ["", f"Predictions, kernel against pandas: {agreement(tmp / 'kernel.csv', tmp / 'pandas.csv')}; "
                  f"serve against pandas: {agreement(tmp / 'sluice.csv', tmp / 'pandas.csv')}.", ""]
    args.out.write_text("\n".join(lines))
    print(args.out.read_text())


if __name__ == "__main__":
    main()
