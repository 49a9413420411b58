package sluice.kernel;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * Where a running cell's outputs go: IOPub messages when a Jupyter client runs the cell, the cell's
 * outputs in the .ipynb when {@code run} does. Streams may arrive from the kernel's output thread.
 */
interface Outputs {
    /** Text written to {@code stdout} or {@code stderr}. */
    void stream(String name, String text);

    /** A value shown in the middle of the cell ({@code display(...)}). */
    void display(DisplayData data);

    /** The cell's value. */
    void result(int count, DisplayData data);

    void error(ErrorReport report);

    /** Clears what the cell showed so far; with {@code wait}, only once new output arrives. */
    void clear(boolean wait);
}
