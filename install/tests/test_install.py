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


def jar_install(args, env, cwd, jar=JAR):
    """`java -jar sluice.jar install ARGS`, as a user with only the released jar runs it."""
    return run(["java", "-jar", str(jar), "install", *args], env, cwd)


def test_the_jar_alone_installs_a_kernelspec_that_starts(prefix, env, tmp_path):
    # A copy of the jar in a folder of its own: no repository, no Maven, no install.sh.
    released = tmp_path / "download" / "sluice.jar"
    released.parent.mkdir()
    shutil.copy(JAR, released)
    result = jar_install(["--prefix", str(prefix), "--name", NAME, "--display-name", "Java (Jar)"], env, tmp_path, released)
    assert result.returncode == 0, result.stdout + result.stderr
    folder = prefix / "share" / "jupyter" / "kernels" / NAME
    spec = json.loads((folder / "kernel.json").read_text())
    assert spec["display_name"] == "Java (Jar)"
    assert spec["argv"][-4:] == ["-jar", str(folder / "sluice.jar"), "kernel", "{connection_file}"]
    assert (folder / "sluice.jar").read_bytes() == released.read_bytes()
    assert (folder / "logo-64x64.png").read_bytes().startswith(b"\x89PNG")
    assert (folder / "plotly.min.js").stat().st_size > 1_000_000
    assert "with class-data archive" in result.stdout or "with AOT cache" in result.stdout, result.stdout
    listed = run(kernelspec_command() + ["list"], env, tmp_path)
    assert any(line.split()[:2] == [NAME, str(folder)] for line in listed.stdout.splitlines()), listed.stdout
    version = run(spec["argv"][:-2] + ["--version"], env, cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("Sluice "), version.stdout + version.stderr


def test_user_and_sys_prefix_install_where_jupyter_looks(tmp_path):
    data = tmp_path / "data"
    env = dict(os.environ, JUPYTER_DATA_DIR=str(data))
    result = jar_install(["--user", "--name", NAME], env, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (data / "kernels" / NAME / "kernel.json").is_file()

    # --sys-prefix asks the python3 on PATH for sys.prefix: here a stand-in that names a folder of ours.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "python3"
    fake.write_text(f"#!/bin/sh\necho {tmp_path / 'venv'}\n")
    fake.chmod(0o755)
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}")
    result = jar_install(["--sys-prefix", "--name", NAME], env, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "venv" / "share" / "jupyter" / "kernels" / NAME / "kernel.json").is_file()


@pytest.mark.parametrize("args, says", [
    (["--name", "has space"], "may hold only letters, digits"),
    (["--display-name", " "], "the display name is empty"),
    (["--user", "--prefix", "PREFIX"], "mutually exclusive"),
    (["--jvm-opt=-XX:NoSuchFlag"], "does not accept the JVM options"),
    (["--colour"], "Unknown option: '--colour'"),
])
def test_a_bad_install_option_is_one_line_and_installs_nothing(args, says, prefix, env, tmp_path):
    args = [str(prefix) if a == "PREFIX" else a for a in args]
    if "--user" not in args:
        args += ["--prefix", str(prefix)]
    result = jar_install(args, env, tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert says in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (prefix / "share").exists()


def test_install_never_replaces_a_folder_that_is_not_a_kernelspec(prefix, env, tmp_path):
    folder = prefix / "share" / "jupyter" / "kernels" / NAME
    folder.mkdir(parents=True)
    (folder / "notes.txt").write_text("mine")
    result = jar_install(["--prefix", str(prefix), "--name", NAME], env, tmp_path)
    assert result.returncode == 1
    assert "is not a kernelspec (no kernel.json); move it away first" in result.stderr
    assert (folder / "notes.txt").read_text() == "mine"
