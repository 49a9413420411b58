#!/usr/bin/python3
"""Load test of the prediction endpoint beside the Python peer, in one run.

The model is the peer's: linear regression of diamonds' price on carat, depth, table, x, y, z.
Sluice's is made the way a notebook makes it, by the real kernel over jupyter_client
(%ingest, %train linear, %deploy save, %deploy), then served both by the kernel's own endpoint and
by `java -jar sluice.jar serve`; each is also measured in its first 10 s, before any warm-up. The peer's
is pickled by /work/shared/bench/peer_serve.py and served by the Flask dev server (threaded) and
by gunicorn (2 sync workers). Every server is hit by the same wrk command (the peer's:
-t2 -c16 -d10s --latency, wrk_post.lua's one-row body), taking turns, after a 10 s warm-up (--warmup; the peer used 3 s, too short for the JIT).
Before each run the script waits (up to --quiet-wait s) for other processes to leave the CPUs
mostly idle. Results go to bench/results_deploy.md.

  /usr/bin/python3 bench/deploy.py [--reps 3] [--duration 10s] [--jar kernel/target/sluice.jar]
"""
import argparse
import concurrent.futures
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from common import cpu_busy

REPO = Path(__file__).resolve().parents[1]
PEER = Path("/work/shared/bench")
LUA = PEER / "wrk_post.lua"
BODY = '{"features": [0.7, 61.8, 57.0, 5.7, 5.71, 3.53]}'
HOST = "127.0.0.1"
PORTS = {"kernel": 8113, "sluice": 8110, "flask": 8111, "gunicorn": 8112}
FIRST = ("kernel", "sluice")  # measured first in the 10 s after they start, before any warm-up
TARGETS = {"flask_ratio": 10.0, "gunicorn_ratio": 3.0, "p99_ms": 5.0}


def wait_for_quiet(max_wait, threshold=0.25):
    start = time.monotonic()
    while cpu_busy(1.0) > threshold:
        if time.monotonic() - start > max_wait:
            return False
    return True


def diamonds(data_dir):
    csv = data_dir / "diamonds.csv"
    if not csv.is_file():
        data_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run(["Rscript", str(PEER / "export_diamonds.R"), str(csv)], check=True)
    return csv


def sluice_kernel(jar, csv, out, port, tmp):
    """%ingest, %train, %deploy save and %deploy in a real kernel of the installed kernelspec, as a
    notebook does; the kernel is left serving on port (its manager and client are returned, to shut
    it down after)."""
    from jupyter_client.manager import KernelManager

    from ingest_kernel import install

    install("java", str(jar), tmp)  # the kernelspec a user installs, with its class archive
    manager = KernelManager(kernel_name="bench-ingest")
    manager.start_kernel()
    same_priority(manager.provisioner.process.pid)
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=60)
    for cell in (f"%ingest {csv}", "%train linear --target price --features carat,depth,table,x,y,z --test-size 0",
                 f"%deploy save {out}", f"%deploy --port {port}"):
        reply = client.execute_interactive(cell, timeout=120, output_hook=lambda msg: None)
        if reply["content"]["status"] != "ok":
            sys.exit(f"bench: the kernel refused {cell!r}: {reply['content'].get('evalue')}")
    return manager, client


def same_priority(pid):
    """Gives the kernel the scheduling weight of this script, wrk's and serve's. jupyter_client starts a
    kernel in a session of its own, and Linux gives each session an autogroup that shares the CPUs
    with the others by its own nice value: a run of this script at a raised priority (its autogroup
    at nice -15) left the kernel's at 0, so wrk took the CPUs from the kernel but not from serve (the
    kernel's warm p99 was 13 ms against 3.5 ms with equal weights)."""
    try:
        nice = Path("/proc/self/autogroup").read_text().split()[-1]
        Path(f"/proc/{pid}/autogroup").write_text(nice)
    except OSError:
        pass  # no autogroups here, or not ours to set: the kernel keeps the weight it started with


def swap_run(client, port, duration):
    """A run on the kernel's endpoint during which %deploy, run again 3 s in, swaps the model (the same
    one, a new version) on the same port, as a notebook redeploying under load does."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        load = pool.submit(wrk, port, duration)
        time.sleep(3)
        reply = client.execute_interactive(f"%deploy --port {port}", timeout=120, output_hook=lambda msg: None)
        if reply["content"]["status"] != "ok":
            sys.exit(f"bench: the kernel refused the redeploy: {reply['content'].get('evalue')}")
        return load.result()


def wait_up(port, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            return post(port)
        except OSError:
            time.sleep(0.2)
    sys.exit(f"bench: nothing answers on port {port} after {timeout} s")


def post(port):
    request = urllib.request.Request(f"http://{HOST}:{port}/predict", data=BODY.encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.read().decode()


def wrk(port, duration, latency=True):
    command = ["wrk", "-t2", "-c16", f"-d{duration}"] + (["--latency"] if latency else []) + \
              ["-s", str(LUA), f"http://{HOST}:{port}/predict"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    match = re.search(r"^WRKJSON (\{.*\})$", out, re.M)
    if not match:
        sys.exit(f"bench: no WRKJSON line from {' '.join(command)}:\n{out}")
    return json.loads(match.group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jar", type=Path, default=REPO / "kernel" / "target" / "sluice.jar")
    ap.add_argument("--data-dir", type=Path, default=Path("/tmp/sluice-bench-data"))
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--duration", default="10s")
    ap.add_argument("--quiet-wait", type=float, default=60)
    ap.add_argument("--warmup", default="10s")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "results_deploy.md")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="sluice-bench-deploy-"))
    jar = tmp / "sluice.jar"
    shutil.copy(args.jar, jar)  # a rebuild during the run changes nothing
    csv = diamonds(args.data_dir)
    model = tmp / "diamonds.sluice"
    manager, client = sluice_kernel(jar, csv, model, PORTS["kernel"], tmp)
    first = {"kernel": wrk(PORTS["kernel"], args.duration)}  # the load test a user runs right after %deploy
    pickle = tmp / "model.pkl"
    subprocess.run([sys.executable, str(PEER / "peer_serve.py"), "train", "--csv", str(csv), "--model", str(pickle)],
                   check=True, capture_output=True)

    logs = {name: open(tmp / f"{name}.log", "w") for name in PORTS}
    servers = {
        "sluice": subprocess.Popen(["java", "-jar", str(jar), "serve", str(model), "--port", str(PORTS["sluice"])],
                                   stdout=logs["sluice"], stderr=subprocess.STDOUT),
        "flask": subprocess.Popen([sys.executable, str(PEER / "peer_serve.py"), "serve", "--model", str(pickle),
                                   "--port", str(PORTS["flask"])], stdout=logs["flask"], stderr=subprocess.STDOUT),
        "gunicorn": subprocess.Popen([sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"{HOST}:{PORTS['gunicorn']}",
                                      "--chdir", str(PEER), "peer_serve:app"], env=dict(os.environ, PEER_MODEL=str(pickle)),
                                     stdout=logs["gunicorn"], stderr=subprocess.STDOUT),
    }
    results = {name: [] for name in PORTS}
    answers, busy = {}, []
    try:
        for name, port in PORTS.items():
            answers[name] = wait_up(port)
        first["sluice"] = wrk(PORTS["sluice"], args.duration)
        for name, port in PORTS.items():
            wrk(port, args.warmup, latency=False)  # warm-up, thrown away (the JVM compiles the hot path meanwhile)
        for rep in range(args.reps):
            for name, port in PORTS.items():
                quiet = wait_for_quiet(args.quiet_wait)
                busy.append(os.getloadavg()[0])
                run = wrk(port, args.duration)
                run["quiet"] = quiet
                results[name].append(run)
                print(f"{name} run {rep + 1}: {run['rps']:,.0f} req/s, p99 {run['lat_p99_ms']:.2f} ms"
                      + ("" if quiet else " (machine busy)"), file=sys.stderr)
        first["swap"] = swap_run(client, PORTS["kernel"], args.duration)
    finally:
        for server in servers.values():
            server.terminate()
        for server in servers.values():
            server.wait(timeout=10)
        client.stop_channels()
        manager.shutdown_kernel()
    write(args, results, first, answers, busy)
    shutil.rmtree(tmp, ignore_errors=True)


def median(runs, key):
    return statistics.median(r[key] for r in runs)


def write(args, results, first, answers, busy):
    labels = {"kernel": "Sluice, the endpoint `%deploy` starts in the kernel",
              "sluice": "Sluice (`java -jar sluice.jar serve`, Javalin/Jetty)",
              "flask": "Flask dev server, threaded=True", "gunicorn": "gunicorn, 2 sync workers",
              "swap": "Sluice, the kernel's endpoint, warm, `%deploy` run again (a swap) 3 s into the run"}
    lines = ["# Prediction endpoint: Sluice beside Flask and gunicorn", "",
             f"Run of {time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} CPUs ({platform.processor() or platform.machine()}), "
             f"{subprocess.run(['java', '-version'], capture_output=True, text=True).stderr.splitlines()[0]}, "
             f"Python {platform.python_version()}.", "",
             f"Command: `/usr/bin/python3 bench/deploy.py --reps {args.reps} --duration {args.duration} --warmup {args.warmup}`; each run is "
             f"`wrk -t2 -c16 -d{args.duration} --latency -s /work/shared/bench/wrk_post.lua` against 127.0.0.1, "
             f"the servers taking turns, after a {args.warmup} warm-up of each (the same for all). Client and servers share the CPUs, "
             f"at one scheduling weight (the kernel's autogroup is given this script's nice value). "
             f"Load average (1 min) before the runs: {min(busy):.1f} to {max(busy):.1f}.", "",
             "The first 10 s: one run as soon as `%deploy` returned (the kernel had just run `%ingest` and `%train`), "
             "and one as soon as `serve` answered its first request, before any warm-up; and a run on the warm kernel's "
             "endpoint during a redeploy.", "",
             "| server | requests/s | p50 ms | p90 ms | p99 ms | errors |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, run in first.items():
        errors = sum(run[k] for k in ("err_connect", "err_read", "err_write", "err_status", "err_timeout"))
        lines.append(f"| {labels[name]} | {run['rps']:,.0f} | {run['lat_p50_ms']:.2f} | {run['lat_p90_ms']:.2f} | "
                     f"{run['lat_p99_ms']:.2f} | {errors} |")
    lines += ["", "After the warm-up:", "",
             "| server | runs | requests/s (median, min – max) | p50 ms | p90 ms | p99 ms (median, min – max) | errors |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, runs in results.items():
        errors = sum(r[k] for r in runs for k in ("err_connect", "err_read", "err_write", "err_status", "err_timeout"))
        rps = [r["rps"] for r in runs]
        p99 = [r["lat_p99_ms"] for r in runs]
        lines.append(f"| {labels[name]} | {len(runs)} | {median(runs, 'rps'):,.0f} ({min(rps):,.0f} – {max(rps):,.0f}) | "
                     f"{median(runs, 'lat_p50_ms'):.2f} | {median(runs, 'lat_p90_ms'):.2f} | "
                     f"{median(runs, 'lat_p99_ms'):.2f} ({min(p99):.2f} – {max(p99):.2f}) | {errors} |")
    flask, gunicorn = median(results["flask"], "rps"), median(results["gunicorn"], "rps")
    verdict = lambda ok: "met" if ok else "**not met**"
    lines += ["", "| target | measured | |", "| --- | ---: | --- |"]
    for when, name, rps, p99 in [("first 10 s", n, first[n]["rps"], first[n]["lat_p99_ms"]) for n in FIRST] + \
            [("warm", n, median(results[n], "rps"), median(results[n], "lat_p99_ms")) for n in FIRST] + \
            [("during a swap", "kernel", first["swap"]["rps"], first["swap"]["lat_p99_ms"])]:
        who = f"{'kernel' if name == 'kernel' else 'serve'}, {when}"
        lines += [f"| {who}: ≥ {TARGETS['flask_ratio']:.0f}× Flask's requests/s | {rps / flask:.1f}× | {verdict(rps / flask >= TARGETS['flask_ratio'])} |",
                  f"| {who}: ≥ {TARGETS['gunicorn_ratio']:.0f}× gunicorn's requests/s | {rps / gunicorn:.1f}× | {verdict(rps / gunicorn >= TARGETS['gunicorn_ratio'])} |",
                  f"| {who}: p99 ≤ {TARGETS['p99_ms']:.0f} ms | {p99:.2f} ms | {verdict(p99 <= TARGETS['p99_ms'])} |"]
    lines += ["",
              f"Answers to the wrk body before the load: " + "; ".join(f"{n}: `{a.strip()}`" for n, a in answers.items()) + ".",
              "Both models are fitted on all rows (`%train linear --test-size 0`), so the answers should agree to "
              "rounding. One prediction is a dot product of six numbers: the load measures the serving path, not the model.", ""]
    busy_runs = [f"{n} {i + 1}" for n, runs in results.items() for i, r in enumerate(runs) if not r["quiet"]]
    if busy_runs:
        lines += [f"Runs started while other processes kept the CPUs busy (waited {args.quiet_wait:.0f} s, then went on): "
                  + ", ".join(busy_runs) + ".", ""]
    args.out.write_text("\n".join(lines))
    print(args.out.read_text())


if __name__ == "__main__":
    main()
