package sluice.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run NOTEBOOK}, as a user starts it: a JVM of its own, with exit status and stderr. */
class NotebookRunnerTest {
    @TempDir
    Path dir;

    /** What one {@code run} left: its exit status, what it printed on stderr, and the notebook it wrote. */
    private record Run(int status, String stderr, JsonObject notebook) {
        JsonArray cells() {
            return notebook.getAsJsonArray("cells");
        }

        JsonArray outputs(int cell) {
            return cells().get(cell - 1).getAsJsonObject().getAsJsonArray("outputs");
        }

        JsonElement count(int cell) {
            return cells().get(cell - 1).getAsJsonObject().get("execution_count");
        }
    }

    @Test
    void run_writesEachCellsOutputsAndCounts_andTheReproducibilityMetadata() throws Exception {
        Files.writeString(dir.resolve("scores.csv"), "name,score\nann,1\nbob,2\n");
        Path notebook = notebook("in.ipynb",
                markdown("# Scores"),
                code("%ingest scores.csv"),
                code("System.out.println(\"rows: \" + table().rowCount());\ndisplay(\"shown\");\n21 * 2"),
                code("   "),
                code("%lsmagic"));

        Run run = run(notebook, dir.resolve("out.ipynb"));

        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("[1] cell 2/5: %ingest scores.csv … ok", "ran 3 cells; wrote " + dir.resolve("out.ipynb"));
        assertThat(run.count(2).getAsInt()).isEqualTo(1);
        // A first read can take over a second (a cold JVM) and then shows progress on stderr first.
        JsonObject ingested = run.outputs(2).get(run.outputs(2).size() - 1).getAsJsonObject();
        assertThat(ingested.get("output_type").getAsString()).isEqualTo("execute_result");
        assertThat(ingested.getAsJsonObject("data").get("text/plain").getAsString()).contains("scores.csv → 2 rows × 2 columns");
        assertThat(ingested.getAsJsonObject("metadata").getAsJsonObject("sluice").getAsJsonObject("ingested")
                .get("rows").getAsInt()).isEqualTo(2);
        assertThat(types(run.outputs(3))).containsExactly("stream", "display_data", "execute_result");
        assertThat(run.outputs(3).get(0).getAsJsonObject().get("text").getAsString()).isEqualTo("rows: 2\n");
        assertThat(run.outputs(3).get(2).getAsJsonObject().get("execution_count").getAsInt()).isEqualTo(2);
        assertThat(run.count(4).isJsonNull()).as("an empty cell is not run").isTrue();
        assertThat(run.count(5).getAsInt()).isEqualTo(3);

        JsonObject sluice = run.notebook().getAsJsonObject("metadata").getAsJsonObject("sluice");
        assertThat(sluice.get("sluice").getAsString()).isNotBlank();
        assertThat(sluice.getAsJsonObject("java").get("version").getAsString()).isEqualTo(Runtime.version().toString());
        assertThat(sluice.getAsJsonObject("libraries").get("tablesaw").getAsString()).matches("\\d+\\.\\d+.*");
        JsonObject source = sluice.getAsJsonArray("sources").get(0).getAsJsonObject();
        assertThat(source.get("source").getAsString()).isEqualTo("scores.csv");
        assertThat(source.get("sha256").getAsString()).hasSize(64);
        assertThat(source.get("bytes").getAsLong()).isEqualTo(Files.size(dir.resolve("scores.csv")));
        assertThat(run.notebook().getAsJsonObject("metadata").getAsJsonObject("language_info").get("name").getAsString())
                .isEqualTo("java");
        assertThat(Files.readString(notebook)).as("the input is left alone with -o").doesNotContain("execution_count\": 1");
    }

    @Test
    void aFailingCell_stopsTheRun_namesTheCell_andExitsNonZero_keepingWhatRan() throws Exception {
        Path notebook = notebook("fails.ipynb",
                code("int x = 1;\nSystem.out.println(\"before\");"),
                markdown("next, a mistake"),
                code("%ingest no-such-file.csv"),
                code("System.out.println(\"after\");"));

        Run run = run(notebook, null);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stderr().lines().filter(line -> line.startsWith("sluice:")).toList()).containsExactly(
                "sluice: cell 3 failed (In [2]): UsageError: No file 'no-such-file.csv'. — the cells that ran are in " + notebook);
        assertThat(run.outputs(1).get(0).getAsJsonObject().get("text").getAsString()).isEqualTo("before\n");
        JsonObject error = run.outputs(3).get(0).getAsJsonObject();
        assertThat(error.get("output_type").getAsString()).isEqualTo("error");
        assertThat(error.get("ename").getAsString()).isEqualTo("UsageError");
        assertThat(run.outputs(4)).as("a cell after the failure is not run").isEmpty();
        assertThat(run.count(4).isJsonNull()).isTrue();
        assertThat(run.notebook().getAsJsonObject("metadata").has("sluice")).isTrue();
    }

    @Test
    void aFileThatIsNotANotebook_isRefusedInOneLine() throws Exception {
        Path notebook = dir.resolve("notes.ipynb");
        Files.writeString(notebook, "{\"not\": \"cells\"}");

        Run run = run(notebook, null);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.stderr()).contains("sluice: '" + notebook + "' is not a notebook: it has no list of cells.");
    }

    private Run run(Path notebook, Path out) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", notebook.toString()));
        if (out != null) {
            command.addAll(List.of("-o", out.toString()));
        }
        Path stderr = dir.resolve("stderr.txt");
        // Started outside the notebook's folder, so run also moves itself there.
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("run finished within 2 minutes").isTrue();
        Path written = out == null ? notebook : out;
        JsonObject json = new JsonParser().parse(Files.readString(written)).getAsJsonObject();
        return new Run(process.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8), json);
    }

    private Path notebook(String name, Map<?, ?>... cells) throws IOException {
        Map<String, Object> nb = Map.of("nbformat", 4, "nbformat_minor", 5, "metadata", Map.of(), "cells", List.of(cells));
        Path file = dir.resolve(name);
        Files.writeString(file, NotebookOutputs.GSON.toJson(nb));
        return file;
    }

    private static Map<String, Object> code(String source) {
        return Map.of("cell_type", "code", "metadata", Map.of(), "source", source, "outputs", List.of(), "execution_count", 7);
    }

    private static Map<String, Object> markdown(String source) {
        return Map.of("cell_type", "markdown", "metadata", Map.of(), "source", source);
    }

    private static List<String> types(JsonArray outputs) {
        List<String> types = new ArrayList<>();
        outputs.forEach(output -> types.add(output.getAsJsonObject().get("output_type").getAsString()));
        return types;
    }
}
