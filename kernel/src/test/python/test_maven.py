"""%maven, %classpath and %load through the real kernel, offline from a prepared local repository."""
import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sluice_kernel import JAR, REPO, require

require("jupyter_client")

M2 = Path.home() / ".m2" / "repository"
# What the prepared repository holds: the two artifacts the tests resolve and the parent poms of
# commons-collections4 (the kernel's pom lists both as test dependencies, so the build fetched them).
FIXTURE = ["org/hsqldb/hsqldb/2.7.4", "org/apache/commons/commons-collections4/4.4",
           "org/apache/commons/commons-parent/48", "org/apache/apache/21"]


@pytest.fixture
def offline(tmp_path):
    """A settings.xml that reads only a local repository of its own, offline, holding FIXTURE."""
    repository = tmp_path / "repository"
    for folder in FIXTURE:
        source = M2 / folder
        assert source.is_dir(), f"{source} is missing: run mvn -B package once (online) to fetch the test artifacts"
        shutil.copytree(source, repository / folder)
    settings = tmp_path / "settings.xml"
    settings.write_text(f"<settings><localRepository>{repository}</localRepository><offline>true</offline></settings>")
    return settings


def test_a_library_resolved_offline_is_usable_from_java_at_once(fresh_kernel, offline):
    run = fresh_kernel.ok(f"%maven --settings {offline} org.apache.commons:commons-collections4:4.4", timeout=60)
    text = run.data["text/plain"]
    assert re.match(r"Added 1 jar \(0\.\d MB\) in \d+\.\d s:", text), text
    assert "org.apache.commons:commons-collections4:4.4  commons-collections4-4.4.jar" in text
    jar = offline.parent / "repository/org/apache/commons/commons-collections4/4.4/commons-collections4-4.4.jar"
    metadata = run.of_type("execute_result")[0]["content"]["metadata"]
    assert metadata["sluice"]["classpath"] == [{"coordinate": "org.apache.commons:commons-collections4:4.4",
                                               "path": str(jar), "sha256": hashlib.sha256(jar.read_bytes()).hexdigest()}]
    used = fresh_kernel.ok("new org.apache.commons.collections4.bag.HashBag<>(java.util.List.of(\"a\", \"b\", \"a\"))"
                           ".getCount(\"a\")")
    assert used.result == "2"
    again = fresh_kernel.ok(f"%maven --settings {offline} org.apache.commons:commons-collections4:4.4", timeout=60)
    assert again.data["text/plain"] == "Nothing new to add: every jar was on the class path already."


def test_a_jdbc_driver_added_by_maven_is_used_by_ingest_and_by_java(fresh_kernel, offline):
    fresh_kernel.ok(f"%maven --settings {offline} org.hsqldb:hsqldb:2.7.4", timeout=60)
    read = fresh_kernel.ok('%ingest jdbc:hsqldb:mem:shop --query "SELECT * FROM (VALUES (1, \'tea\'), (2, \'oat\')) '
                           'AS t(id, item)"', timeout=60)
    assert "2 rows" in read.data["text/plain"], read.data["text/plain"]
    assert fresh_kernel.ok('System.out.print(table().stringColumn("ITEM").asList());').stdout == "[tea, oat]"
    java = fresh_kernel.ok('try (var c = java.sql.DriverManager.getConnection("jdbc:hsqldb:mem:shop")) {'
                           ' System.out.print(c.getMetaData().getDriverName()); }')
    assert java.stdout == "HSQL Database Engine Driver"


def test_a_notebook_run_records_the_coordinates_and_checksums_it_added(offline, tmp_path):
    notebook = tmp_path / "uses-a-library.ipynb"
    notebook.write_text(json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
         "source": [f"%maven --settings {offline} org.apache.commons:commons-collections4:4.4"]},
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
         "source": ["System.out.print(org.apache.commons.collections4.ListUtils.union(List.of(1), List.of(2)));"]}]}))
    out = tmp_path / "out.ipynb"
    result = subprocess.run(["java", "-jar", str(JAR), "run", str(notebook), "-o", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    written = json.loads(out.read_text())
    assert written["cells"][1]["outputs"][0]["text"] in ("[1, 2]", ["[1, 2]"])
    jar = offline.parent / "repository/org/apache/commons/commons-collections4/4.4/commons-collections4-4.4.jar"
    assert written["metadata"]["sluice"]["classpath"] == [{
        "coordinate": "org.apache.commons:commons-collections4:4.4", "path": str(jar),
        "sha256": hashlib.sha256(jar.read_bytes()).hexdigest()}]


def test_bad_input_is_one_line_and_changes_nothing(fresh_kernel, offline, tmp_path):
    not_a_jar = tmp_path / "broken.jar"
    not_a_jar.write_text("this is text")
    cases = {
        f"%maven --settings {offline} org.example:nothing-here:1.0":
            "Could not resolve org.example:nothing-here:1.0: ",
        f"%maven --settings {offline} hsqldb": "'hsqldb' is not a Maven coordinate: write group:artifact:version",
        f"%classpath {not_a_jar}": f"'{not_a_jar}' is not a jar (",
        f"%classpath {tmp_path}/missing.jar": f"No jar or folder '{tmp_path}/missing.jar'.",
        f"%load {tmp_path}/missing.jsh": f"No file '{tmp_path}/missing.jsh'.",
    }
    for line, start in cases.items():
        run = fresh_kernel.execute(line, timeout=60)
        assert run.status == "error" and run.reply["ename"] == "UsageError", line
        assert run.reply["evalue"].startswith(start), (line, run.reply["evalue"])
        assert "\n" not in run.reply["evalue"], run.reply["evalue"]
    assert "nothing was added" in fresh_kernel.execute(f"%classpath {not_a_jar}").reply["evalue"]
    listed = fresh_kernel.ok("%classpath").data["text/plain"]
    assert listed.startswith("Nothing added yet"), listed


def test_classpath_adds_a_folder_of_jars_by_glob(fresh_kernel, tmp_path):
    lib = tmp_path / "lib"
    lib.mkdir()
    shutil.copy(M2 / "org/apache/commons/commons-collections4/4.4/commons-collections4-4.4.jar", lib)
    run = fresh_kernel.ok(f"%classpath {lib}/*.jar")
    assert run.data["text/plain"].startswith("Added 1 jar"), run.data["text/plain"]
    assert fresh_kernel.ok("org.apache.commons.collections4.CollectionUtils.isEmpty(java.util.List.of())").result == "true"


def test_load_runs_a_script_and_the_code_cells_of_a_notebook(fresh_kernel, tmp_path):
    script = tmp_path / "setup.jsh"
    script.write_text("int base = 40;\nString greet(String who) { return \"hello \" + who; }\n")
    fresh_kernel.ok(f"%load {script}")
    assert fresh_kernel.ok("base + 2").result == "42"
    notebook = tmp_path / "other.ipynb"
    notebook.write_text(json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# not code"]},
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
         "source": [f"%ingest {REPO / 'notebooks' / 'data' / 'penguins.csv'}\n", "int rows = table().rowCount();"]},
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": "greet(\"notebook\")"}]}))
    loaded = fresh_kernel.ok(f"%load {notebook}", timeout=60)
    assert loaded.result == fresh_kernel.ok('greet("notebook")').result == "hello notebook"
    assert fresh_kernel.ok("rows").result == "344"


def test_a_mirror_in_the_settings_and_a_repository_added_by_mavenrepo_are_read(fresh_kernel, tmp_path):
    """Nothing in the local repository: artifacts come from the settings' mirror of Central, or from a
    repository %mavenRepo adds, both file: repositories here (as a company's repository manager would be)."""
    mirror, extra = tmp_path / "mirror", tmp_path / "extra"
    for folder in FIXTURE:
        shutil.copytree(M2 / folder, (extra if "hsqldb" in folder else mirror) / folder)
    settings = tmp_path / "settings.xml"
    settings.write_text(f"<settings><localRepository>{tmp_path / 'local'}</localRepository><mirrors><mirror>"
                        f"<id>company</id><mirrorOf>central</mirrorOf><url>{mirror.as_uri()}</url></mirror></mirrors></settings>")
    run = fresh_kernel.ok(f"%maven --settings {settings} org.apache.commons:commons-collections4:4.4", timeout=60)
    assert run.data["text/plain"].startswith("Added 1 jar"), run.data["text/plain"]
    assert (tmp_path / "local/org/apache/commons/commons-collections4/4.4/commons-collections4-4.4.jar").is_file()

    missing = fresh_kernel.execute(f"%maven --settings {settings} org.hsqldb:hsqldb:2.7.4", timeout=60)
    assert missing.status == "error" and "org.hsqldb:hsqldb" in missing.reply["evalue"]
    assert fresh_kernel.ok(f"%mavenRepo extra {extra.as_uri()}").data["text/plain"].startswith("%maven now reads repository extra")
    added = fresh_kernel.ok(f"%maven --settings {settings} org.hsqldb:hsqldb:2.7.4", timeout=60)
    assert "org.hsqldb:hsqldb:2.7.4" in added.data["text/plain"]
    bad = fresh_kernel.execute("%mavenRepo nowhere ftp://example.org/repo")
    assert bad.status == "error" and bad.reply["evalue"].startswith("'ftp://example.org/repo' is not a repository URL")


def test_a_cell_of_pom_dependencies_is_resolved_by_the_cell_magic(fresh_kernel, offline):
    cell = (f"%%maven --settings {offline}\n<dependencies>\n  <dependency>\n    <groupId>org.hsqldb</groupId>\n"
            "    <artifactId>hsqldb</artifactId>\n    <version>2.7.4</version>\n  </dependency>\n</dependencies>")
    run = fresh_kernel.ok(cell, timeout=60)
    assert "org.hsqldb:hsqldb:2.7.4  hsqldb-2.7.4.jar" in run.data["text/plain"]
    empty = fresh_kernel.execute(f"%maven --settings {offline}")
    assert empty.status == "error" and empty.reply["evalue"].startswith("Name an artifact")


def test_an_active_proxy_in_the_settings_carries_the_downloads(fresh_kernel, tmp_path):
    """Central mirrored to a host that does not exist, reachable only through the settings' proxy: a
    proxy on 127.0.0.1 that serves the repository files from a folder (as a company's proxy would pass
    them on) and counts what it was asked."""
    import http.server
    import threading
    served = tmp_path / "served"
    for folder in FIXTURE:
        if "hsqldb" not in folder:
            shutil.copytree(M2 / folder, served / folder)
    asked = []

    class Proxy(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            path = self.path.split("://", 1)[-1].split("/", 1)[-1]  # http://repo.invalid/maven2/org/... -> maven2/org/...
            file = served / path.split("/", 1)[-1]
            if not (self.path.startswith("http://repo.invalid/") and file.is_file()):
                self.send_error(404)
                return
            body = file.read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        settings = tmp_path / "settings.xml"
        settings.write_text(
            f"<settings><localRepository>{tmp_path / 'local'}</localRepository>"
            "<mirrors><mirror><id>company</id><mirrorOf>*</mirrorOf><url>http://repo.invalid/maven2</url></mirror></mirrors>"
            f"<proxies><proxy><id>office</id><active>true</active><protocol>http</protocol><host>127.0.0.1</host>"
            f"<port>{server.server_address[1]}</port></proxy></proxies></settings>")
        run = fresh_kernel.ok(f"%maven --settings {settings} org.apache.commons:commons-collections4:4.4", timeout=60)
        assert run.data["text/plain"].startswith("Added 1 jar"), run.data["text/plain"]
        assert any(p.endswith("commons-collections4-4.4.jar") for p in asked), asked
    finally:
        server.shutdown()
