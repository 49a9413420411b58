package sluice.model;

import sluice.magic.UsageError;

/** Thrown when the cell was interrupted before a fit or between two batches of trees: one line, no stack trace. */
public final class Interrupted extends UsageError {
    public Interrupted() {
        super("Training was interrupted; the previous model is kept.");
    }
}
