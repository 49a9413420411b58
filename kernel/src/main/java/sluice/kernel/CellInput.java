package sluice.kernel;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import sluice.magic.UsageError;

/**
 * The kernel's {@code System.in}: a read in a cell asks the frontend for a line (an
 * {@code input_request}) and hands it out byte by byte, so {@code Scanner}, {@code BufferedReader}
 * and {@code System.in.read()} all work. Where no input is possible (no cell running, the frontend
 * disallows stdin as nbconvert does, {@code run}), a read is one line of error, never a hang.
 */
final class CellInput extends InputStream {
    private final Runnable flush;
    private volatile Outputs cell;
    /** The line being read and the cell it was typed for: a later cell never reads an earlier cell's rest. */
    private byte[] line = new byte[0];
    private int at;
    private Outputs lineFor;

    /** @param flush sends what the cell printed so far, so a prompt shows before the input box */
    CellInput(Runnable flush) {
        this.flush = flush;
    }

    /** Input for the cell that shows its outputs in {@code outputs}, until {@link #detach}. */
    void attach(Outputs outputs) {
        cell = outputs;
    }

    /** Ends the cell's input; what it did not read is dropped. Not synchronized: a thread may still wait in a read. */
    void detach() {
        cell = null;
    }

    @Override
    public synchronized int read() {
        if (!fill()) {
            return -1;
        }
        return line[at++] & 0xff;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, line.length - at);
        System.arraycopy(line, at, buffer, offset, n);
        at += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return lineFor == cell ? line.length - at : 0;
    }

    /** Asks for the next line once the last one is read; false at end of input. */
    private boolean fill() {
        Outputs outputs = cell;
        if (at < line.length && lineFor == outputs) {
            return true;
        }
        if (outputs == null) {
            throw new UsageError("No input is possible here: System.in is read outside a running cell.");
        }
        flush.run();
        String text = outputs.input("", false);
        if (text == null) {
            return false;
        }
        line = (text + "\n").getBytes(StandardCharsets.UTF_8);
        at = 0;
        lineFor = outputs;
        return true;
    }
}
