"""install.sh and uninstall.sh as a user runs them: a kernelspec Jupyter finds, then gone again."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
JAR = REPO / "kernel" / "target" / "sluice.jar"
NAME = "sluice-test"

pytestmark = pytest.mark.skipif(
    not JAR.is_file(), reason=f"{JAR} is missing; build it first with 'mvn -B package -DskipTests'"
)


def kernelspec_command():
    """`jupyter kernelspec`, or the same app through the jupyter_client module when the CLI is absent."""
    jupyter = shutil.which("jupyter")
    if jupyter and subprocess.run([jupyter, "kernelspec", "--help"], capture_output=True).returncode == 0:
        return [jupyter, "kernelspec"]
    try:
        import jupyter_client.kernelspecapp  # noqa: F401
    except ImportError:
        pytest.skip("neither 'jupyter kernelspec' nor the jupyter_client module is available")
    return [sys.executable, "-m", "jupyter_client.kernelspecapp"]


@pytest.fixture
def prefix(tmp_path):
    return tmp_path / "prefix"


@pytest.fixture
def env(prefix):
    env = dict(os.environ, JUPYTER_PATH=str(prefix / "share" / "jupyter"))
    env.pop("JUPYTER_DATA_DIR", None)
    return env


def run(args, env, cwd):
    return subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=300)


def install(prefix, env, cwd):
    result = run(
        [str(REPO / "install" / "install.sh"), "--no-build", "--prefix", str(prefix), "--name", NAME,
         "--display-name", "Java (Test)", "--jvm-opt", "-Xmx512m"],
        env, cwd)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_install_writes_a_kernelspec_jupyter_lists_and_uninstall_removes_it(prefix, env, tmp_path):
    # From an unrelated directory: nothing may depend on the working directory.
    result = install(prefix, env, cwd=tmp_path)
    folder = prefix / "share" / "jupyter" / "kernels" / NAME
    assert str(folder) in result.stdout

    spec = json.loads((folder / "kernel.json").read_text())
    assert spec["display_name"] == "Java (Test)"
    assert spec["language"] == "java"
    assert spec["interrupt_mode"] == "message"
    assert spec["metadata"] == {}
    argv = spec["argv"]
    assert Path(argv[0]).is_absolute() and os.access(argv[0], os.X_OK)
    assert "-Xmx512m" in argv
    assert argv[-4:] == ["-jar", str(folder / "sluice.jar"), "kernel", "{connection_file}"]
    assert (folder / "sluice.jar").is_file()
    assert (folder / "logo-32x32.png").read_bytes().startswith(b"\x89PNG")
    assert (folder / "logo-64x64.png").read_bytes().startswith(b"\x89PNG")
    # A CDS archive on Java 17 to 24, an AOT cache on Java 25 and newer (the second test pass).
    archive = [a for a in argv if a.startswith(("-XX:SharedArchiveFile=", "-XX:AOTCache="))]
    assert archive, f"install.sh recorded no class archive: {argv}"
    expected = "sluice.aot" if archive[0].startswith("-XX:AOTCache=") else "sluice.jsa"
    assert Path(archive[0].split("=", 1)[1]) == folder / expected
    assert (folder / expected).is_file()
    assert argv.index("-Xmx512m") < argv.index(archive[0]) < argv.index("-jar")
    java_major = os.environ.get("SLUICE_EXPECT_JAVA")
    if java_major:
        assert expected == ("sluice.aot" if int(java_major) >= 25 else "sluice.jsa")

    listed = run(kernelspec_command() + ["list"], env, tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert any(line.split()[:2] == [NAME, str(folder)] for line in listed.stdout.splitlines()), listed.stdout

    removed = run([str(REPO / "install" / "uninstall.sh"), "--prefix", str(prefix), "--name", NAME], env, tmp_path)
    assert removed.returncode == 0, removed.stderr
    assert not folder.exists()
    listed = run(kernelspec_command() + ["list"], env, tmp_path)
    assert NAME not in listed.stdout.split()


def test_installed_java_runs_the_installed_jar(prefix, env, tmp_path):
    install(prefix, env, cwd=tmp_path)
    argv = json.loads((prefix / "share" / "jupyter" / "kernels" / NAME / "kernel.json").read_text())["argv"]
    # The kernel's own JVM command line, asked for the version instead of a kernel.
    version = run(argv[:-2] + ["--version"], env, cwd=tmp_path)
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("Sluice ")
    assert version.stderr == "", "the class-data flags must not print warnings"


def test_uninstall_of_an_unknown_name_fails_and_says_so(prefix, env, tmp_path):
    result = run([str(REPO / "install" / "uninstall.sh"), "--prefix", str(prefix), "--name", "no-such-kernel"],
                 env, tmp_path)
    assert result.returncode != 0
    assert "no kernelspec 'no-such-kernel'" in result.stderr


def test_reinstall_replaces_the_previous_kernelspec(prefix, env, tmp_path):
    install(prefix, env, cwd=tmp_path)
    folder = prefix / "share" / "jupyter" / "kernels" / NAME
    (folder / "stale.txt").write_text("from an older install")
    install(prefix, env, cwd=tmp_path)
    assert not (folder / "stale.txt").exists()
    assert (folder / "kernel.json").is_file()
