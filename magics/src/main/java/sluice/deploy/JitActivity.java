package sluice.deploy;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How busy the JIT's compiler threads have been: their CPU time so far, in milliseconds. On Linux it
 * is read from {@code /proc/self/task}, the threads named "C1/C2 CompilerThread"; elsewhere it is the
 * JVM's total compilation time, which grows only as compilations end: a C2 compilation of Jetty's
 * request path runs for 0.1 to 0.5 s on a busy machine, and those slices looked quiet.
 */
final class JitActivity {
    private static final Path TASKS = Path.of("/proc/self/task");
    /** Clock ticks per second of /proc's CPU times (USER_HZ): 100 on Linux. */
    private static final int TICKS = 100;

    private JitActivity() {
    }

    /** The compiler threads' CPU time so far, in milliseconds; -1 when it cannot be measured. */
    static long millis() {
        if (Files.isDirectory(TASKS)) {
            try (Stream<Path> tasks = Files.list(TASKS)) {
                return tasks.mapToLong(JitActivity::compilerTicks).sum() * 1000 / TICKS;
            } catch (IOException | RuntimeException e) {
                // A thread that ended while listed, or no /proc after all: the JVM's own figure below.
            }
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    /** A compiler thread's user and system time in clock ticks, 0 for any other thread. */
    private static long compilerTicks(Path task) {
        try {
            if (!Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                return 0;
            }
            String stat = Files.readString(task.resolve("stat"));
            // After "pid (comm) ": state is field 3; utime and stime are fields 14 and 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            return 0;
        }
    }
}
