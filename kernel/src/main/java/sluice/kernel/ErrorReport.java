package sluice.kernel;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import sluice.magic.UsageError;

/** What the cell shows for a failure: the exception's name, its message and a short traceback. */
record ErrorReport(String name, String message, List<String> traceback) {
    private static final String RED = "\u001b[0;31m";
    private static final String BOLD_RED = "\u001b[1;31m";
    private static final String RESET = "\u001b[0m";

    static ErrorReport of(Throwable error) {
        if (error instanceof UsageError usage) {
            List<String> lines = new ArrayList<>(List.of(BOLD_RED + "UsageError: " + RESET + usage.getMessage()));
            if (usage.usage() != null) {
                lines.add(usage.usage());
            }
            return new ErrorReport("UsageError", usage.getMessage(), lines);
        }
        if (error instanceof CompileError compile) {
            String where = "line " + compile.line + ", column " + compile.column;
            String caret = " ".repeat(Math.max(0, compile.column - 1)) + "^";
            return new ErrorReport("CompileError", compile.getMessage() + " (" + where + ")", List.of(
                    BOLD_RED + "CompileError: " + RESET + compile.getMessage() + " (" + where + ")",
                    "    " + compile.sourceLine,
                    "    " + RED + caret + RESET));
        }
        if (error instanceof CellInterrupted) {
            return new ErrorReport("Interrupted", error.getMessage(), List.of(BOLD_RED + "Interrupted: " + RESET + error.getMessage()));
        }
        if (error instanceof UserCodeException user) {
            String message = user.getMessage() == null ? "" : user.getMessage();
            List<String> lines = new ArrayList<>();
            lines.add(BOLD_RED + user.className + RESET + (message.isEmpty() ? "" : ": " + message));
            user.frames.forEach(frame -> lines.add("    at " + frame));
            return new ErrorReport(user.className, message, lines);
        }
        // A bug in Sluice: keep the whole stack trace so it can be reported.
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        return new ErrorReport(error.getClass().getName(), message, trace.toString().lines().toList());
    }
}
