package sluice.kernel;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * A cell's outputs as nbformat 4 JSON, collected the way a Jupyter client writes them into the .ipynb:
 * consecutive text on one stream joins into one output, and a waiting clear takes effect at the next output.
 */
final class NotebookOutputs implements Outputs {
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private final JsonArray outputs = new JsonArray();
    private boolean clearBeforeNext;
    /** The display id of each output shown with one (nbformat keeps no ids: they are transient). */
    private final java.util.Map<JsonElement, String> ids = new java.util.IdentityHashMap<>();

    @Override
    public synchronized void stream(String name, String text) {
        clearIfWaiting();
        if (outputs.size() > 0) {
            JsonObject last = outputs.get(outputs.size() - 1).getAsJsonObject();
            if (last.get("output_type").getAsString().equals("stream") && last.get("name").getAsString().equals(name)) {
                last.addProperty("text", last.get("text").getAsString() + text);
                return;
            }
        }
        JsonObject output = new JsonObject();
        output.addProperty("name", name);
        output.addProperty("output_type", "stream");
        output.addProperty("text", text);
        outputs.add(output);
    }

    @Override
    public synchronized void display(DisplayData data) {
        JsonObject output = bundle(data, "display_data", null);
        if (data.hasDisplayId()) {
            ids.put(output, data.getDisplayId());
        }
        add(output);
    }

    /** Replaces the outputs of this cell that have the display's id, as a frontend does; others are not kept here. */
    @Override
    public synchronized void update(DisplayData data) {
        for (int i = 0; i < outputs.size(); i++) {
            if (data.getDisplayId().equals(ids.get(outputs.get(i)))) {
                JsonObject replacement = bundle(data, "display_data", null);
                ids.put(replacement, data.getDisplayId());
                outputs.set(i, replacement);
            }
        }
    }

    @Override
    public synchronized void result(int count, DisplayData data) {
        add(bundle(data, "execute_result", count));
    }

    @Override
    public synchronized void error(ErrorReport report) {
        JsonObject output = new JsonObject();
        output.addProperty("ename", report.name());
        output.addProperty("evalue", report.message());
        output.addProperty("output_type", "error");
        output.add("traceback", GSON.toJsonTree(report.traceback()));
        add(output);
    }

    @Override
    public String input(String prompt, boolean password) {
        throw new sluice.magic.UsageError("No input is possible here: a notebook run by 'sluice.jar run' has no one "
                + "to answer. Put the value in the cell, or read it from a file or an environment variable.");
    }

    @Override
    public synchronized void clear(boolean wait) {
        if (wait) {
            clearBeforeNext = true;
        } else {
            clearNow();
        }
    }

    /** The outputs so far, as the cell's {@code outputs} array. */
    synchronized JsonArray json() {
        return outputs.deepCopy();
    }

    private void add(JsonObject output) {
        clearIfWaiting();
        outputs.add(output);
    }

    private void clearIfWaiting() {
        if (clearBeforeNext) {
            clearBeforeNext = false;
            clearNow();
        }
    }

    private void clearNow() {
        while (outputs.size() > 0) {
            outputs.remove(outputs.size() - 1);
        }
    }

    /** A display_data or execute_result output, its keys in the order nbformat writes them. */
    private static JsonObject bundle(DisplayData data, String type, Integer count) {
        JsonObject message = GSON.toJsonTree(data).getAsJsonObject();
        JsonObject output = new JsonObject();
        output.add("data", orEmpty(message.get("data")));
        if (count != null) {
            output.addProperty("execution_count", count);
        }
        output.add("metadata", orEmpty(message.get("metadata")));
        output.addProperty("output_type", type);
        return output;
    }

    private static JsonElement orEmpty(JsonElement element) {
        return element == null || element.isJsonNull() ? new JsonObject() : element;
    }
}
