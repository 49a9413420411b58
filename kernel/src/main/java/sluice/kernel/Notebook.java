package sluice.kernel;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * What Java cells call without imports ({@code import static sluice.kernel.Notebook.*} is part of
 * every session): the session's tables, showing values and clearing output, with IJava's names
 * ({@code display}, {@code updateDisplay}, {@code render}) so notebooks written for IJava or JJava
 * run unchanged. It forwards to the running kernel.
 */
public final class Notebook {
    private static volatile SluiceKernel kernel;

    private Notebook() {
    }

    static void bind(SluiceKernel running) {
        kernel = running;
    }

    /**
     * Shows {@code value} in the cell now, rendered as a returned value would be, or as the MIME types
     * given ({@code display("<b>bold</b>", "text/html")}), and returns the display's id for
     * {@link #updateDisplay}. As IJava's and JJava's {@code display}; a cell ending in it shows no id.
     */
    public static String display(Object value, String... mimeTypes) {
        DisplayData data = render(value, mimeTypes);
        String id = data.hasDisplayId() ? data.getDisplayId() : java.util.UUID.randomUUID().toString();
        data.setDisplayId(id);
        kernel().displayData(data);
        return id;
    }

    /** Replaces what the display {@code id} shows (in any cell of the session) by {@code value}. */
    public static void updateDisplay(String id, Object value, String... mimeTypes) {
        DisplayData data = render(value, mimeTypes);
        data.setDisplayId(id);
        kernel().updateDisplay(data);
    }

    /** {@code value} rendered as a cell would show it, or as the MIME types given: a bundle to change or display. */
    public static DisplayData render(Object value, String... mimeTypes) {
        if (value == null) {
            return new DisplayData("null");
        }
        return Rendering.render(value, kernel().getRenderer(), mimeTypes);
    }

    /** Clears the cell's output; with {@code wait}, only once new output arrives (no flicker). */
    public static void clearOutput(boolean wait) {
        kernel().clearOutput(wait);
    }

    /** Clears the cell's output now. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /**
     * Asks the user for a password (or any secret) with {@code prompt}; what they type is hidden and
     * never enters the notebook. A usage error where no one can answer (nbconvert, {@code run}).
     */
    public static String readPassword(String prompt) {
        return kernel().input(prompt, true);
    }

    /** The session's current table (what the last {@code %ingest} or {@code setTable} left). */
    public static tech.tablesaw.api.Table table() {
        return session().table();
    }

    /** The table kept under {@code name} ({@code %ingest SOURCE --as NAME}). */
    public static tech.tablesaw.api.Table table(String name) {
        return session().table(name);
    }

    /** Makes {@code table} the current table, for the magics that follow. */
    public static void setTable(tech.tablesaw.api.Table table) {
        session().setTable(table);
    }

    /** Makes {@code table} the current table and keeps it as {@code name}. */
    public static void setTable(String name, tech.tablesaw.api.Table table) {
        session().setTable(name, table);
    }

    /** The session the magics act on. */
    /** The model the last {@code %train} fitted: {@code model().predict(table)} on raw rows, {@code save}, … */
    public static sluice.model.Model model() {
        return session().training().model();
    }

    public static sluice.session.Session session() {
        return kernel().session();
    }

    private static SluiceKernel kernel() {
        SluiceKernel k = kernel;
        if (k == null) {
            throw new IllegalStateException("No Sluice kernel is running in this JVM.");
        }
        return k;
    }
}
