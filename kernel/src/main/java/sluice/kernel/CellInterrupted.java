package sluice.kernel;

/** The user interrupted the running cell. */
final class CellInterrupted extends Exception {
    CellInterrupted() {
        super("The cell was interrupted; earlier state is kept.", null, false, false);
    }
}
