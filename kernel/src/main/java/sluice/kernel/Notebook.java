package sluice.kernel;

/**
 * What Java cells call without imports ({@code import static sluice.kernel.Notebook.*} is part of
 * every session): the session's tables, showing values and clearing output. It forwards to the
 * running kernel.
 */
public final class Notebook {
    private static volatile SluiceKernel kernel;

    private Notebook() {
    }

    static void bind(SluiceKernel running) {
        kernel = running;
    }

    /** Shows {@code value} in the cell now, rendered as a returned value would be. */
    public static void display(Object value) {
        kernel().displayValue(value);
    }

    /** Clears the cell's output; with {@code wait}, only once new output arrives (no flicker). */
    public static void clearOutput(boolean wait) {
        kernel().clearOutput(wait);
    }

    /** Clears the cell's output now. */
    public static void clearOutput() {
        clearOutput(false);
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
    public static sluice.train.Model model() {
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
