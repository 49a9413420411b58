package sluice.kernel;

import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * The value of a cell that is only a variable's name, arithmetic on number literals
 * ({@link ConstantArithmetic}), a boolean or a string without escapes, as JShell would give it but without compiling a snippet (which costs javac
 * ~10 ms). Looking at a variable is the commonest cell there is.
 */
final class QuickValue {
    private static final Pattern NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");
    private static final Pattern STRING = Pattern.compile("\"[^\"\\\\\\r\\n]*\"");

    private final JShell shell;
    private final InProcessExecution execution;

    QuickValue(JShell shell, InProcessExecution execution) {
        this.shell = shell;
        this.execution = execution;
    }

    /** The value of {@code cell} (stripped), or {@link JavaShell#NO_VALUE} for anything else, which JShell runs. */
    Object of(String cell) {
        Number arithmetic = ConstantArithmetic.value(cell);
        if (arithmetic != null) {
            return arithmetic;
        }
        if (cell.equals("true") || cell.equals("false")) {
            return Boolean.valueOf(cell);
        }
        if (STRING.matcher(cell).matches()) {
            return cell.substring(1, cell.length() - 1);
        }
        if (NAME.matcher(cell).matches()) {
            var variable = shell.variables().filter(v -> v.name().equals(cell) && shell.status(v) == Snippet.Status.VALID).findFirst();
            if (variable.isPresent()) {
                return execution.readVariable(shell, variable.get());
            }
        }
        return JavaShell.NO_VALUE;
    }
}
