"""%deploy through the real kernel: train, serve, call it over HTTP from Python, stop, shut down."""
import csv
import json
import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request

from sluice_kernel import REPO, require

require("jupyter_client")

PENGUINS = REPO / "notebooks" / "data" / "penguins.csv"
INPUTS = ["species", "island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "sex"]


def post(url, body, content_type="application/json"):
    request = urllib.request.Request(url + "/predict", data=body.encode(), method="POST",
                                     headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def complete_rows(n):
    """The first n rows of the CSV with every input present, typed as %ingest reads them."""
    rows = []
    with open(PENGUINS, newline="") as f:
        for row in csv.DictReader(f):
            if all(row[name] not in ("", "NA") for name in INPUTS):
                rows.append({name: row[name] if name in ("species", "island", "sex")
                             else int(row[name]) if name == "flipper_length_mm" else float(row[name])
                             for name in INPUTS})
            if len(rows) == n:
                return rows
    return rows


def port_is_free(port):
    """Nothing answers on the port, and a new server can bind it (with SO_REUSEADDR, as servers do:
    the closed connections linger in TIME_WAIT)."""
    with socket.socket() as s:
        if s.connect_ex(("127.0.0.1", port)) == 0:
            return False
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def deploy(kernel, line="%deploy --port 0"):
    run = kernel.ok(line, timeout=60)
    text = run.data["text/plain"]
    return re.search(r"http://127\.0\.0\.1:(\d+)", text).group(0), text


def train(kernel):
    kernel.ok(f"%ingest {PENGUINS}")
    kernel.ok("%clean drop-missing sex")
    kernel.ok("%train linear --target body_mass_g --exclude year", timeout=60)


def test_deploy_serves_the_kernels_predictions_over_http_then_stop_frees_the_port(fresh_kernel):
    train(fresh_kernel)
    url, text = deploy(fresh_kernel)
    assert "Serving linear regression of body_mass_g at " + url in text
    assert "curl -s " + url + "/predict" in text and "Answer (HTTP 200" in text

    with urllib.request.urlopen(url + "/health", timeout=10) as health:
        assert json.loads(health.read())["status"] == "ok"
    rows = complete_rows(5)
    status, answer = post(url, json.dumps({"records": rows}))
    assert status == 200, answer
    in_kernel = fresh_kernel.ok("java.util.Arrays.toString(model().predict(table().first(5)).values())").result
    assert answer["prediction"] == [float(v) for v in in_kernel.strip('"[]').split(", ")]

    status, error = post(url, json.dumps({"features": [1, 2]}))
    assert status == 400 and "expected 6 values" in error["error"]
    status, error = post(url, json.dumps({"records": [dict(rows[0], island="Atlantis")]}))
    assert status == 400 and "'Atlantis'" in error["error"]
    assert post(url, json.dumps({"records": rows[:1]}))[0] == 200

    port = int(url.rsplit(":", 1)[1])
    stopped = fresh_kernel.ok("%deploy stop").result
    assert f"port {port} is free" in stopped
    assert port_is_free(port)


def test_kernel_shutdown_stops_the_server(fresh_kernel):
    train(fresh_kernel)
    url, _ = deploy(fresh_kernel)
    port = int(url.rsplit(":", 1)[1])
    assert post(url, json.dumps({"records": complete_rows(1)}))[0] == 200

    reply = fresh_kernel.request("shutdown")
    assert reply["content"]["status"] == "ok"
    deadline = time.monotonic() + 5
    while not port_is_free(port) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert port_is_free(port), "the endpoint still listens 5 s after shutdown_request"


def test_a_boosted_model_is_served_alike_from_many_threads_and_from_its_saved_file(fresh_kernel, tmp_path):
    """Gradient boosting runs in XGBoost's native library: the endpoint's threads share one booster,
    a saved model predicts the same after loading, and loading the library prints nothing into the cell
    (JDK 22+ warns about native access unless the jar allows it)."""
    fresh_kernel.ok(f"%ingest {PENGUINS}")
    fresh_kernel.ok("%clean drop-missing sex")
    fitted = fresh_kernel.ok("%train gradient-boosting --target body_mass_g --exclude year", timeout=60)
    assert fitted.stderr == "", fitted.stderr
    assert fresh_kernel.ok("System.out.print(model().smile().getClass().getName());").stdout \
        == "ml.dmlc.xgboost4j.java.Booster"
    in_kernel = fresh_kernel.ok("java.util.Arrays.toString(model().predict(table().first(40)).values())").result
    expected = [float(v) for v in in_kernel.strip('"[]').split(", ")]
    assert len(set(expected)) > 10

    saved = tmp_path / "boosted.model"
    fresh_kernel.ok(f'model().save(java.nio.file.Path.of("{saved}"));')
    reloaded = fresh_kernel.ok(f'java.util.Arrays.toString(sluice.model.Model.load(java.nio.file.Path.of("{saved}"))'
                               ".predict(table().first(40)).values())").result
    assert reloaded == in_kernel

    url, _ = deploy(fresh_kernel)
    rows = complete_rows(40)
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda row: post(url, json.dumps({"records": [row]})), rows * 5))
    assert all(status == 200 for status, _ in answers)
    assert [answer["prediction"][0] for _, answer in answers] == expected * 5
    fresh_kernel.ok("%deploy stop")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stream_csv(port, header, row, rows):
    """POSTs a CSV batch of `rows` copies of `row`, sent in chunks as it is made, never held whole."""
    import http.client
    def body():
        yield header.encode()
        block = row.encode() * 10_000
        for _ in range(rows // 10_000):
            yield block
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    connection.request("POST", "/predict", body=body(), headers={"Content-Type": "text/csv"}, encode_chunked=True)
    response = connection.getresponse()
    return response.status, json.loads(response.read())


def test_an_exported_folder_serves_the_same_predictions_from_its_own_jar(fresh_kernel, tmp_path):
    """%deploy export writes model, jar, Dockerfile and README; `java -jar sluice.jar serve model.sluice`
    run inside that folder answers as the kernel does, CSV batches and /metrics included (the jar is
    minimized, so a class only reached by reflection would be missing here first), and scores a
    million streamed rows in a small heap."""
    train(fresh_kernel)
    url, text = deploy(fresh_kernel)
    kernel_version = re.search(r"\(version ([0-9a-f]{12})\)", text).group(1)
    folder = tmp_path / "penguin-mass"
    exported = fresh_kernel.ok(f"%deploy export {folder}", timeout=120).result
    assert f"(version {kernel_version}) to {folder}" in exported, exported
    assert sorted(os.listdir(folder)) == ["Dockerfile", "README.md", "model.sluice", "sluice.jar"]
    assert "FROM eclipse-temurin:17-jre" in (folder / "Dockerfile").read_text()
    readme = (folder / "README.md").read_text()
    assert "docker build -t penguin-mass ." in readme and "java -jar sluice.jar serve model.sluice --port 8000" in readme

    refused = fresh_kernel.execute(f"%deploy export {folder}")
    assert refused.status == "error" and "exists and is not empty" in refused.error["evalue"], refused.describe()

    port = free_port()
    # 48 MB of heap: a batch is read a chunk at a time, so a million rows (37 MB of CSV) still fit.
    server = subprocess.Popen(["java", "-Xmx48m", "-jar", "sluice.jar", "serve", "model.sluice", "--port", str(port)],
                              cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        served = f"http://127.0.0.1:{port}"
        before = [server.stdout.readline() for _ in range(2)]  # the warm-up's two lines, before the port opens
        assert before[0].startswith("Warming up the serving path (up to 30 s; --warm-up 0 skips it)"), before
        assert re.match(r"Warmed up in \d+\.\d s \([\d,]+ requests\)$", before[1].strip()), before
        first = server.stdout.readline()
        assert first.startswith(f"Serving linear regression of body_mass_g (version {kernel_version}) from model.sluice"), first
        rows = complete_rows(20)
        in_kernel = post(url, json.dumps({"records": rows}))
        assert post(served, json.dumps({"records": rows})) == in_kernel
        batch = ",".join(INPUTS) + "\n" + "".join(",".join(str(row[name]) for name in INPUTS) + "\n" for row in rows)
        assert post(served, batch, "text/csv") == in_kernel
        with urllib.request.urlopen(served + "/health", timeout=10) as health:
            assert health.headers["X-Model-Version"] == kernel_version
            assert json.loads(health.read())["version"] == kernel_version
        million = stream_csv(port, batch.split("\n", 1)[0] + "\n", batch.split("\n")[1] + "\n", 1_000_000)
        assert million[0] == 200 and len(million[1]["prediction"]) == 1_000_000
        assert million[1]["prediction"][-1] == in_kernel[1]["prediction"][0]
        with urllib.request.urlopen(served + "/metrics", timeout=10) as metrics:
            text = metrics.read().decode()
        assert 'sluice_requests_total{path="/predict",status="200"} 3.0' in text, text
        assert "sluice_predictions_total 1000040.0" in text, text
    finally:
        server.terminate()
        server.wait(timeout=30)
    fresh_kernel.ok("%deploy stop")
