package sluice.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code run NOTEBOOK [-o OUT]}: runs a notebook's code cells in order through the kernel's own cell
 * path, so the outputs are those a Jupyter client would record, and writes the notebook back with its
 * outputs, execution counts and a {@code sluice} metadata entry (see {@link Reproducibility}). It stops
 * at the first failing cell, as Run All does; the cells after it are left without outputs.
 */
final class NotebookRunner {
    private final SluiceKernel kernel;
    private final PrintStream progress;

    /**
     * How a run ended.
     *
     * @param failedCell the failing cell's position among all cells (1-based), or 0 when every cell ran
     * @param count      the failing cell's execution count, or how many cells ran
     */
    record Outcome(int failedCell, int count, ErrorReport error) {
        boolean ok() {
            return failedCell == 0;
        }
    }

    NotebookRunner(SluiceKernel kernel, PrintStream progress) {
        this.kernel = kernel;
        this.progress = progress;
    }

    Outcome run(Path notebook, Path out) throws IOException {
        JsonObject nb = read(notebook);
        JsonArray cells = nb.getAsJsonArray("cells");
        Outcome outcome = null;
        int count = 0;
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i).getAsJsonObject();
            if (!"code".equals(string(cell.get("cell_type")))) {
                continue;
            }
            String source = source(cell.get("source"));
            if (outcome != null || source.isBlank()) {
                // Not run, like a Jupyter client skips empty cells and those after a failure.
                cell.add("outputs", new JsonArray());
                cell.add("execution_count", JsonNull.INSTANCE);
                continue;
            }
            count++;
            progress.print(String.format("[%d] cell %d/%d: %s", count, i + 1, cells.size(), headline(source)));
            progress.flush();
            long start = System.nanoTime();
            NotebookOutputs outputs = new NotebookOutputs();
            Evaluator.Executed executed = kernel.execute(source, count, false, outputs);
            cell.add("outputs", outputs.json());
            cell.addProperty("execution_count", count);
            String took = String.format("%.2f s", (System.nanoTime() - start) / 1e9);
            progress.println(executed.error() == null ? " … ok, " + took : " … " + executed.error().name() + ", " + took);
            if (executed.error() != null) {
                outcome = new Outcome(i + 1, count, executed.error());
            }
        }
        JsonObject metadata = nb.has("metadata") && nb.get("metadata").isJsonObject() ? nb.getAsJsonObject("metadata") : new JsonObject();
        nb.add("metadata", metadata);
        if (!metadata.has("kernelspec")) {
            JsonObject kernelspec = new JsonObject();
            kernelspec.addProperty("display_name", "Java (Sluice)");
            kernelspec.addProperty("language", "java");
            kernelspec.addProperty("name", "sluice");
            metadata.add("kernelspec", kernelspec);
        }
        metadata.add("language_info", NotebookOutputs.GSON.toJsonTree(Replies.languageInfo(kernel.getLanguageInfo())));
        metadata.add("sluice", NotebookOutputs.GSON.toJsonTree(Reproducibility.of(kernel.session())));
        write(nb, out);
        return outcome != null ? outcome : new Outcome(0, count, null);
    }

    private static JsonObject read(Path notebook) throws IOException {
        JsonElement json;
        try (Reader in = Files.newBufferedReader(notebook, StandardCharsets.UTF_8)) {
            json = new JsonParser().parse(in);
        } catch (JsonParseException e) {
            throw new IOException("'" + notebook + "' is not a notebook: its JSON does not parse (" + e.getMessage() + ").");
        }
        if (!json.isJsonObject() || !json.getAsJsonObject().has("cells") || !json.getAsJsonObject().get("cells").isJsonArray()) {
            throw new IOException("'" + notebook + "' is not a notebook: it has no list of cells.");
        }
        JsonElement format = json.getAsJsonObject().get("nbformat");
        if (format == null || !format.isJsonPrimitive() || format.getAsInt() != 4) {
            throw new IOException("'" + notebook + "' is not an nbformat 4 notebook; convert it with jupyter nbconvert --to notebook.");
        }
        return json.getAsJsonObject();
    }

    /** Writes through a temporary file, so a notebook written in place is never left half written. */
    private static void write(JsonObject nb, Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, ".sluice-run", ".ipynb");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
                 JsonWriter json = new JsonWriter(writer)) {
                json.setIndent(" ");
                NotebookOutputs.GSON.toJson(nb, json);
                writer.write('\n');
            }
            keepPermissions(temporary, out);
            Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Gives the temporary file the permissions of the notebook it replaces (a new one those a new file
     * usually gets), not the owner-only ones of a temporary file.
     */
    private static void keepPermissions(Path temporary, Path out) throws IOException {
        if (!Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Files.setPosixFilePermissions(temporary, Files.exists(out) ? Files.getPosixFilePermissions(out)
                : PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** A cell's source: nbformat keeps it as one string or as a list of lines. */
    private static String source(JsonElement source) {
        if (source == null || source.isJsonNull()) {
            return "";
        }
        if (source.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            source.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
            return text.toString();
        }
        return source.getAsString();
    }

    private static String string(JsonElement element) {
        return element == null || element.isJsonNull() ? null : element.getAsString();
    }

    private static String headline(String source) {
        String first = source.strip().lines().findFirst().orElse("");
        return first.length() > 60 ? first.substring(0, 57) + "…" : first;
    }
}
