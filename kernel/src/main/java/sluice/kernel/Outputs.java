package sluice.kernel;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * Where a running cell's outputs go, and where its input comes from: IOPub messages when a Jupyter client runs the cell, the cell's
 * outputs in the .ipynb when {@code run} does. Streams may arrive from the kernel's output thread.
 */
interface Outputs {
    /** Text written to {@code stdout} or {@code stderr}. */
    void stream(String name, String text);

    /** A value shown in the middle of the cell ({@code display(...)}). */
    void display(DisplayData data);

    /** New content for an earlier display that has the same display id. */
    void update(DisplayData data);

    /** The cell's value. */
    void result(int count, DisplayData data);

    void error(ErrorReport report);

    /**
     * A line the user types in answer to {@code prompt} (hidden if {@code password}), or a usage
     * error when this frontend cannot ask (stdin not allowed, or no frontend).
     */
    String input(String prompt, boolean password);

    /** Clears what the cell showed so far; with {@code wait}, only once new output arrives. */
    void clear(boolean wait);
}
