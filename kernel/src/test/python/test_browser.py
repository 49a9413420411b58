"""Issue 5: an executed notebook with plots, opened in classic Notebook under headless Chromium with no
internet, draws the plots (plotly.js from the kernelspec folder); its nbconvert HTML shows the static image.

The screenshot is kept as a test artifact in kernel/target/browser/eda-notebook.png.
"""
import os
import re
import secrets
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from sluice_kernel import IN_CI, KERNEL_NAME, REPO, require

nbformat = require("nbformat")
sign = require("nbformat.sign")
nbclient = require("nbclient")

NOTEBOOKS = REPO / "notebooks"
NOTEBOOK = NOTEBOOKS / "eda.ipynb"
ARTIFACTS = REPO / "kernel" / "target" / "browser"
JUPYTER = "/usr/bin/jupyter"


def missing(reason):
    """Skips the test with REASON, or fails it in CI where the browser check must run."""
    if IN_CI:
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def chromium():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        missing("chromium is not installed (apt-get install -y chromium, as .ci/run does in CI)")
    return path


def require_notebook_server():
    if not os.access(JUPYTER, os.X_OK) or not shutil.which("jupyter-notebook"):
        missing("classic Notebook is not installed (apt-get install -y jupyter-notebook, as .ci/run does in CI)")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("browser")


@pytest.fixture(scope="module")
def server_env(kernelspec, workdir):
    """The environment of the notebook server and of `jupyter trust`: same data dir, same kernelspec."""
    env = dict(os.environ)
    env["JUPYTER_DATA_DIR"] = str(workdir / "jupyter-data")
    env["JUPYTER_CONFIG_DIR"] = str(workdir / "jupyter-config")
    env["JUPYTER_RUNTIME_DIR"] = str(workdir / "jupyter-runtime")
    env["HOME"] = str(workdir / "home")
    for name in ("JUPYTER_DATA_DIR", "JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "HOME"):
        os.makedirs(env[name], exist_ok=True)
    # No internet: nothing the page loads may come from outside.
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        env.pop(name, None)
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    return env


@pytest.fixture(scope="module")
def executed(kernelspec, workdir, server_env):
    """notebooks/eda.ipynb executed with nbclient into the work dir (with its data), and trusted."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(notebook, kernel_name=KERNEL_NAME, timeout=120,
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as e:
        pytest.fail(f"eda.ipynb: a cell failed:\n{e}", pytrace=False)
    shutil.copytree(NOTEBOOKS / "data", workdir / "data")
    path = workdir / "eda.ipynb"
    nbformat.write(notebook, path)
    # Trusted in the server's data dir (Debian's nbformat has no `jupyter trust`), so the outputs' scripts run.
    notary = sign.NotebookNotary(data_dir=server_env["JUPYTER_DATA_DIR"])
    notary.sign(notebook)
    assert notary.check_signature(notebook), "the executed notebook is not trusted after signing"
    notary.store.close()
    plots = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])
             if "text/html" in o.get("data", {}) and "Plotly.newPlot" in o["data"]["text/html"]]
    assert plots, "eda.ipynb has no plot outputs (text/html calling Plotly.newPlot)"
    return path, len(plots)


@pytest.fixture(scope="module")
def notebook_server(executed, workdir, server_env):
    """Classic Notebook on 127.0.0.1 serving the work dir; yields (base URL, token)."""
    require_notebook_server()
    port, token = free_port(), secrets.token_hex(16)
    log = open(workdir / "notebook-server.log", "w")
    process = subprocess.Popen(
        [JUPYTER, "notebook", "--no-browser", "--ip=127.0.0.1", f"--port={port}", "--port-retries=0",
         f"--NotebookApp.token={token}", "--NotebookApp.base_url=/", f"--notebook-dir={workdir}",
         "--NotebookApp.open_browser=False"] + (["--allow-root"] if os.geteuid() == 0 else []),
        env=server_env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}api/status?token={token}", timeout=5) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail(f"jupyter notebook did not answer on {base}:\n"
                            + (workdir / "notebook-server.log").read_text(), pytrace=False)
            time.sleep(0.25)
        # The kernelspec resource the plot scripts load must be served.
        with urllib.request.urlopen(f"{base}kernelspecs/{KERNEL_NAME}/plotly.min.js?token={token}",
                                    timeout=10) as r:
            assert r.status == 200 and len(r.read()) > 100_000, "plotly.min.js is not served from the kernelspec"
        yield base, token
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def run_chromium(browser, workdir, url, *extra):
    profile = workdir / f"chromium-profile-{secrets.token_hex(4)}"
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-dev-shm-usage", "--hide-scrollbars", f"--user-data-dir={profile}",
               "--enable-logging=stderr", "--v=0", "--virtual-time-budget=20000", *extra, url]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"chromium failed ({result.returncode}):\n{result.stderr[-4000:]}"
    return result


def test_classic_notebook_draws_the_plots(executed, notebook_server, workdir):
    browser = chromium()
    base, token = notebook_server
    url = f"{base}notebooks/eda.ipynb?token={token}"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    screenshot = ARTIFACTS / "eda-notebook.png"
    screenshot.unlink(missing_ok=True)

    # The screenshot first, so that it is there to look at when the DOM check fails.
    run_chromium(browser, workdir, url, f"--screenshot={screenshot}", "--window-size=1280,2000")
    assert screenshot.is_file() and screenshot.stat().st_size > 10_000, f"no screenshot at {screenshot}"

    result = run_chromium(browser, workdir, url, "--dump-dom")
    dom = result.stdout
    (ARTIFACTS / "eda-notebook.html").write_text(dom)
    errors = [line.split("CONSOLE", 1)[-1].strip() for line in result.stderr.splitlines()
              if "CONSOLE" in line and ("Uncaught" in line or "Refused" in line or "Failed" in line)]
    _, plots = executed
    assert 'id="notebook"' in dom, f"the notebook page did not load; DOM starts:\n{dom[:2000]}"
    drawn = dom.count('class="plot-container plotly"')
    assert drawn >= 1 and "main-svg" in dom, (
        f"no plotly plot drawn in the classic Notebook page ({plots} plot outputs); browser errors: {errors}; "
        f"DOM saved as {ARTIFACTS / 'eda-notebook.html'}, screenshot {screenshot}")
    assert drawn == plots, f"{drawn} of {plots} plots drawn; browser errors: {errors}"


def test_nbconvert_html_shows_the_static_image(executed, workdir, server_env):
    path, plots = executed
    result = subprocess.run([JUPYTER, "nbconvert", "--to", "html", "--output-dir", str(workdir / "html"),
                             str(path)], env=server_env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"nbconvert failed:\n{result.stdout}{result.stderr}"
    html = (workdir / "html" / "eda.html").read_text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "eda.html").write_text(html)
    assert html.count("data:image/png;base64,") >= plots, \
        f"the exported HTML lacks the static PNG of the {plots} plots"
    cdn = [line.strip()[:200] for line in html.splitlines()
           if re.search(r"https://cdn[^\"' ]*plotly", line, re.IGNORECASE)]
    assert not cdn, f"the exported HTML loads plotly from a CDN: {cdn}"
