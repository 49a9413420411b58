package sluice.kernel;

/** Java that does not compile: the compiler's message and where in the cell it points. */
final class CompileError extends Exception {
    final int line;
    final int column;
    final String sourceLine;

    CompileError(String message, int line, int column, String sourceLine) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
        this.sourceLine = sourceLine;
    }
}
