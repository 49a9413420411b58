"""Fixtures for the kernel-level tests: the kernelspec install.sh writes, running kernels, the notebooks' tables."""
import os
import shutil
import subprocess

import pytest

from sluice_kernel import IN_CI, JAR, KERNEL_NAME, REPO, Kernel

INSTALL = REPO / "install" / "install.sh"
BUILD_HINT = "build it first: cd {} && mvn -B package -DskipTests".format(REPO)


def pytest_sessionstart(session):
    if not JAR.is_file() and IN_CI:
        pytest.exit(f"The kernel jar {JAR} is missing; {BUILD_HINT}", returncode=1)


def pytest_collection_modifyitems(config, items):
    if not JAR.is_file():
        skip = pytest.mark.skip(reason=f"The kernel jar {JAR} is missing; {BUILD_HINT}")
        for item in items:
            item.add_marker(skip)


def pytest_report_header(config):
    return [f"sluice kernel jar: {JAR}" + ("" if JAR.is_file() else " (missing)")]


def install_kernelspec(prefix):
    """Installs the kernelspec as a user would (install/install.sh), under PREFIX/share/jupyter."""
    result = subprocess.run([str(INSTALL), "--no-build", "--prefix", str(prefix)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"install.sh failed:\n{result.stdout}{result.stderr}"
    spec = prefix / "share" / "jupyter" / "kernels" / KERNEL_NAME
    assert (spec / "kernel.json").is_file(), f"install.sh wrote no {spec / 'kernel.json'}:\n{result.stdout}"
    return spec


@pytest.fixture(scope="session", autouse=True)
def kernelspec(tmp_path_factory):
    """Points Jupyter (JUPYTER_PATH) at a kernelspec named sluice, for this test process and its kernels."""
    prefix = tmp_path_factory.mktemp("jupyter-prefix")
    spec = install_kernelspec(prefix)
    saved = {name: os.environ.get(name) for name in ("JUPYTER_PATH", "JUPYTER_RUNTIME_DIR")}
    os.environ["JUPYTER_PATH"] = str(prefix / "share" / "jupyter")
    os.environ["JUPYTER_RUNTIME_DIR"] = str(tmp_path_factory.mktemp("jupyter-runtime"))
    yield spec
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="module")
def kernel(kernelspec):
    """One kernel shared by a module's tests where earlier cells do not matter."""
    running = Kernel.start()
    yield running
    running.stop()


@pytest.fixture
def fresh_kernel(kernelspec):
    """A kernel of the test's own, for interrupts, shutdown and restart."""
    running = Kernel.start()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def postgres_tables():
    """Loads the PostgreSQL tables the notebooks read, as their markdown says (data/*.sql)."""
    scripts = sorted(p for p in (REPO / "notebooks" / "data").glob("*.sql") if not p.name.endswith(".mariadb.sql"))
    psql = shutil.which("psql")
    for script in scripts:
        result = None if psql is None else subprocess.run(
            [psql, "-h", "127.0.0.1", "-d", "test", "-v", "ON_ERROR_STOP=1", "-q", "-f", str(script.relative_to(REPO / "notebooks"))],
            cwd=REPO / "notebooks", capture_output=True, text=True)
        if result is None or result.returncode != 0:
            reason = f"could not load {script.name} into PostgreSQL at 127.0.0.1:5432/test: " + (
                "psql is not installed" if result is None else result.stderr.strip())
            if os.environ.get("CI") == "true":
                pytest.fail(reason)
            pytest.skip(reason)


@pytest.fixture(scope="session")
def mariadb_tables():
    """Loads the MariaDB tables the notebooks read, as their markdown says (data/*.mariadb.sql)."""
    client = shutil.which("mariadb") or shutil.which("mysql")
    for script in sorted((REPO / "notebooks" / "data").glob("*.mariadb.sql")):
        result = None if client is None else subprocess.run(
            [client, "-h", "127.0.0.1", "-u", "root", "--local-infile=1", "test"], stdin=script.open(),
            cwd=REPO / "notebooks", capture_output=True, text=True)
        if result is None or result.returncode != 0:
            reason = f"could not load {script.name} into MariaDB at 127.0.0.1:3306/test: " + (
                "the mariadb client is not installed" if result is None else result.stderr.strip())
            if os.environ.get("CI") == "true":
                pytest.fail(reason)
            pytest.skip(reason)
