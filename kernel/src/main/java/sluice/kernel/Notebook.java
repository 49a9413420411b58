package sluice.kernel;

/**
 * What Java cells call without imports ({@code import static sluice.kernel.Notebook.*} is part of
 * every session): showing values and clearing output. It forwards to the running kernel.
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

    private static SluiceKernel kernel() {
        SluiceKernel k = kernel;
        if (k == null) {
            throw new IllegalStateException("No Sluice kernel is running in this JVM.");
        }
        return k;
    }
}
