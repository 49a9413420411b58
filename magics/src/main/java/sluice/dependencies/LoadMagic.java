package sluice.dependencies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import sluice.magic.CellRunner;
import sluice.magic.Magic;
import sluice.magic.UsageError;

/**
 * {@code %load FILE}: runs a {@code .jsh} or {@code .java} file as if typed into the cell, or the
 * code cells of another notebook one after another; the value shown is that of the last.
 */
@Command(name = "load", description = {"Run a .jsh or .java file, or the code cells of a notebook, as if typed into this cell.",
        "A notebook's code cells run in order, magics too; the cell shows what the last of them gives."})
public final class LoadMagic implements Magic {
    /** How deep %load may call itself (a notebook that loads one that loads it back). */
    static final int DEPTH = 8;
    private static final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);

    @Parameters(index = "0", paramLabel = "FILE", description = "a .jsh, .java or .ipynb file")
    Path file;

    private final CellRunner runner;

    public LoadMagic(CellRunner runner) {
        this.runner = runner;
    }

    @Override
    public Object run(String body) throws Exception {
        List<String> cells = cells(file);
        if (depth.get() >= DEPTH) {
            throw new UsageError("%load " + file + " is nested " + DEPTH + " deep: does a file load itself?");
        }
        depth.set(depth.get() + 1);
        try {
            Object value = null;
            for (String cell : cells) {
                value = runner.run(cell);
            }
            return value;
        } finally {
            depth.set(depth.get() - 1);
        }
    }

    private static List<String> cells(Path file) throws IOException {
        String name = file.getFileName().toString();
        try {
            if (name.endsWith(".jsh") || name.endsWith(".java")) {
                return List.of(Files.readString(file));
            }
            if (name.endsWith(".ipynb")) {
                return notebookCells(file);
            }
        } catch (NoSuchFileException e) {
            throw new UsageError("No file '" + file + "'.");
        }
        throw new UsageError("%load runs .jsh, .java and .ipynb files, not '" + name + "'.");
    }

    private static List<String> notebookCells(Path file) throws IOException {
        JsonNode notebook;
        try {
            notebook = new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UsageError("'" + file + "' is not a notebook (JSON): " + e.getOriginalMessage() + ".");
        }
        if (notebook == null || !notebook.path("cells").isArray()) {
            throw new UsageError("'" + file + "' is not a notebook: it has no cells.");
        }
        List<String> cells = new ArrayList<>();
        for (JsonNode cell : notebook.get("cells")) {
            if (!"code".equals(cell.path("cell_type").asText())) {
                continue;
            }
            JsonNode source = cell.path("source");
            StringBuilder text = new StringBuilder();
            if (source.isArray()) {
                source.forEach(line -> text.append(line.asText()));
            } else {
                text.append(source.asText());
            }
            if (!text.toString().isBlank()) {
                cells.add(text.toString());
            }
        }
        return cells;
    }
}
