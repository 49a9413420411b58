package sluice.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell snippets inside the kernel's own JVM, so snippets and magics share objects. Each
 * snippet runs on a thread of its own that {@link #stop()} can halt (its classes are woven by
 * {@link CellGuard}), and the value of the last snippet is kept as an object (not only its string)
 * for rendering.
 */
final class InProcessExecution extends DirectExecutionControl {
    private volatile Thread running;
    private volatile boolean stopped;
    private volatile Object lastValue;
    private volatile boolean readingVariable;

    /** Plugs this execution control into {@code JShell.builder().executionEngine(...)}. */
    static final class Provider implements ExecutionControlProvider {
        private final InProcessExecution execution = new InProcessExecution();

        InProcessExecution execution() {
            return execution;
        }

        @Override
        public String name() {
            return "sluice-in-process";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return execution;
        }
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        ClassBytecodes[] woven = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            woven[i] = new ClassBytecodes(classes[i].name(), CellGuard.weave(classes[i].bytecodes()));
        }
        super.load(woven);
    }

    /**
     * Reads a variable for JShell's {@code varValue}; asked through {@link #readVariable}, it keeps
     * the value itself for {@link #takeValue()}, as {@code invoke} keeps a snippet's, and makes no
     * string of it (a table's would be costly).
     */
    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
        if (!readingVariable) {
            return super.varValue(className, varName);
        }
        try {
            var field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            lastValue = field.get(null);
            return "";
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new InternalException("cannot read " + varName + ": " + e);
        }
    }

    /** The value of {@code variable} as an object, without compiling anything; NO_VALUE when it cannot be read. */
    Object readVariable(jdk.jshell.JShell shell, jdk.jshell.VarSnippet variable) {
        readingVariable = true;
        lastValue = JavaShell.NO_VALUE;
        try {
            shell.varValue(variable);
            return takeValue();
        } finally {
            readingVariable = false;
        }
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        CellGuard.stopping(false);
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                result[0] = doit.invoke(null);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "sluice-cell");
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        running = thread;
        if (stopped) {
            // The interrupt came while JShell was still compiling this snippet.
            running = null;
            throw new StoppedException();
        }
        thread.start();
        try {
            thread.join();
        } finally {
            running = null;
        }
        if (stopped) {
            throw new StoppedException();
        }
        if (failure[0] instanceof InvocationTargetException || failure[0] instanceof Exception) {
            throw (Exception) failure[0];
        }
        if (failure[0] != null) {
            throw new InvocationTargetException(failure[0]);
        }
        lastValue = result[0];
        return valueString(result[0]);
    }

    /**
     * Halts the running snippet: its woven stop checks end it at the next loop turn, an interrupt
     * wakes it from a wait, and on Java 17 to 19 a thread still running library code is stopped.
     */
    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() {
        stopped = true;
        Thread thread = running;
        if (thread == null) {
            return;
        }
        CellGuard.stopping(true);
        thread.interrupt();
        try {
            thread.join(200);
            if (thread.isAlive()) {
                thread.stop();
            }
        } catch (UnsupportedOperationException | InterruptedException e) {
            // Java 20+ has no Thread.stop: a loop inside library code that ignores interrupts runs on there.
        }
    }

    /** Forgets a stop requested for an earlier cell. */
    void clearStop() {
        stopped = false;
    }

    /** True once if the last run was stopped; resets the flag. */
    boolean takeStopped() {
        boolean was = stopped;
        stopped = false;
        return was;
    }

    /** The value the last snippet returned, and forgets it. */
    Object takeValue() {
        Object value = lastValue;
        lastValue = null;
        return value;
    }
}
