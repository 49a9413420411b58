"""The JShell start probe of kernel_latency.py --explore: a tiny program that times JShell's own start
(the part of Sluice's cold start that is JShell), phase by phase."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import time
from pathlib import Path

from kernel_latency_runs import wait_for_quiet

PROBE_SOURCE = r"""
import java.util.List;
import jdk.jshell.JShell;

public class SluiceStartProbe {
    // Keep in step with sluice.kernel.JavaShell.IMPORTS.
    static final List<String> IMPORTS = List.of(
            "java.util.*", "java.util.function.*", "java.util.stream.*", "java.time.*", "java.nio.file.*",
            "java.io.*", "java.math.*", "tech.tablesaw.api.*", "static sluice.kernel.Notebook.*");

    static double ms(long from, long to) {
        return (to - from) / 1e6;
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        JShell shell = JShell.builder().executionEngine("local").compilerOptions("-parameters").build();
        long t1 = System.nanoTime();
        shell.addToClasspath(System.getProperty("java.class.path"));
        long t2 = System.nanoTime();
        double firstImport = 0, tablesaw = 0, otherImports = 0;
        for (int i = 0; i < IMPORTS.size(); i++) {
            long a = System.nanoTime();
            shell.eval("import " + IMPORTS.get(i) + ";");
            double d = ms(a, System.nanoTime());
            if (i == 0) {
                firstImport = d;
            } else if (IMPORTS.get(i).startsWith("tech.tablesaw")) {
                tablesaw = d;
            } else {
                otherImports += d;
            }
        }
        long t3 = System.nanoTime();
        String first = shell.eval("1 + 1").get(0).value();
        long t4 = System.nanoTime();
        shell.eval("2 + 2");
        long t5 = System.nanoTime();
        System.out.printf("{\"main\": %.1f, \"build\": %.1f, \"classpath\": %.1f, \"first_import\": %.1f, "
                + "\"tablesaw_import\": %.1f, \"other_imports\": %.1f, \"first_eval\": %.1f, \"second_eval\": %.1f, "
                + "\"value\": \"%s\"}%n",
                ms(t0, t5), ms(t0, t1), ms(t1, t2), firstImport, tablesaw, otherImports, ms(t3, t4), ms(t4, t5), first);
        System.exit(0);
    }
}
"""


def run_probe(java: str, jar: Path, tmp: Path, flag_sets: dict[str, list[str]], runs: int) -> dict:
    """Times JShell's own start (the part of Sluice's cold start that is JShell) with a tiny program."""
    src = tmp / "probe" / "SluiceStartProbe.java"
    src.parent.mkdir(exist_ok=True)
    src.write_text(PROBE_SOURCE)
    javac = str(Path(os.path.realpath(java)).parent / "javac")
    subprocess.run([javac, "-d", str(src.parent), str(src)], check=True)
    cp = f"{jar}:{src.parent}"  # jar first: the archive recorded with -jar sluice.jar still applies
    results: dict[str, list[dict]] = {}
    for _ in range(runs):
        for label, flags in flag_sets.items():
            wait_for_quiet(0.3, 30)
            t0 = time.perf_counter()
            r = subprocess.run([java, *flags, "-cp", cp, "SluiceStartProbe"], capture_output=True, text=True, check=True)
            wall = (time.perf_counter() - t0) * 1000
            t1 = time.perf_counter()
            subprocess.run([java, *flags, "-jar", str(jar), "--version"], capture_output=True, check=True)
            jvm = (time.perf_counter() - t1) * 1000
            phases = json.loads(r.stdout.strip().splitlines()[-1])
            phases["process"] = wall
            phases["jvm_jar_version"] = jvm
            results.setdefault(label, []).append(phases)
    return {label: {k: statistics.median(p[k] for p in rows) for k in rows[0] if k != "value"}
            for label, rows in results.items()}
