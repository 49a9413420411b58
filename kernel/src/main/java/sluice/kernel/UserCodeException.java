package sluice.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An exception thrown by the user's Java code, keeping only the user's frames of its stack. */
final class UserCodeException extends Exception {
    final String className;
    final List<String> frames;

    UserCodeException(String className, String message, StackTraceElement[] stack, Map<String, JavaShell.Origin> origins) {
        this(className, message, stack, origins, null);
    }

    UserCodeException(String className, String message, StackTraceElement[] stack,
                      Map<String, JavaShell.Origin> origins, Throwable cause) {
        super(message, cause, false, false);
        this.className = className;
        this.frames = userFrames(stack, origins);
    }

    /** Frames up to where the kernel called into the snippet, with snippet frames named by cell and line. */
    private static List<String> userFrames(StackTraceElement[] stack, Map<String, JavaShell.Origin> origins) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : stack) {
            String cls = frame.getClassName();
            if (cls.startsWith("jdk.internal.reflect.") || cls.equals("java.lang.reflect.Method")
                    || cls.startsWith("sluice.kernel.")) {
                break;
            }
            frames.add(describe(frame, origins));
        }
        return frames;
    }

    private static String describe(StackTraceElement frame, Map<String, JavaShell.Origin> origins) {
        String file = frame.getFileName();
        if (file != null && file.startsWith("#")) {
            JavaShell.Origin origin = origins.get(file.substring(1));
            String where = origin == null
                    ? "snippet " + file + ", line " + frame.getLineNumber()
                    : "cell [" + origin.cell() + "], line " + (origin.line() + frame.getLineNumber() - 1);
            String method = frame.getMethodName();
            return method.isEmpty() || method.equals("do_it$") ? where : method + " (" + where + ")";
        }
        return frame.toString();
    }
}
