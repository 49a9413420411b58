"""Time and output size of %eda cells on synth_1m.csv (1M rows x 12), through the real kernel.

Issue 5 asks that a %eda cell on 1M rows produce under 2 MB of output. Run with Debian's Python:

    cd /work/main && mvn -q -B package -DskipTests
    /usr/bin/python3 bench/eda_output.py [--csv /tmp/sluice-bench-data/synth_1m.csv]

The CSV comes from ../shared/bench/gen.py (bench/ingest_csv.py makes it in /tmp/sluice-bench-data).
"""
import argparse
import json
import os
import subprocess
import tempfile
import time
from pathlib import Path

from jupyter_client.manager import start_new_kernel

REPO = Path(__file__).resolve().parent.parent
CELLS = ["%eda", "%eda scatter --x num_1 --y target --color cat_a", "%eda hist target", "%eda corr"]


def run(client, code):
    start = time.monotonic()
    msg_id = client.execute(code)
    reply = client.get_shell_msg(timeout=600)
    size = 0
    while True:
        msg = client.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] in ("execute_result", "display_data", "stream", "error"):
            size += len(json.dumps(msg["content"]))
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return reply["content"]["status"], time.monotonic() - start, size


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", default="/tmp/sluice-bench-data/synth_1m.csv")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as prefix:
        subprocess.run([str(REPO / "install" / "install.sh"), "--no-build", "--prefix", prefix], check=True,
                       capture_output=True)
        os.environ["JUPYTER_PATH"] = str(Path(prefix) / "share" / "jupyter")
        manager, client = start_new_kernel(kernel_name="sluice")
        try:
            print("| cell | status | seconds | output (MB) |\n|---|---|---:|---:|")
            for code in [f"%ingest {args.csv}", *CELLS]:
                status, seconds, size = run(client, code)
                print(f"| `{code}` | {status} | {seconds:.1f} | {size / 1e6:.2f} |")
        finally:
            client.stop_channels()
            manager.shutdown_kernel()


if __name__ == "__main__":
    main()
