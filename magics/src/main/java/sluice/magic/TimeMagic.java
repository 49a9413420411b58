package sluice.magic;

import java.io.PrintStream;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code %%time [--repeat N]}: runs the rest of the cell and prints how long it took. */
@Command(name = "time", description = "Run the cell and print its wall-clock time.")
public final class TimeMagic implements Magic {
    @Option(names = "--repeat", paramLabel = "N", description = "Run the cell N times and report the best and the median (default: 1).")
    int repeat = 1;

    private final CellRunner runner;
    private final PrintStream out;

    public TimeMagic(CellRunner runner, PrintStream out) {
        this.runner = runner;
        this.out = out;
    }

    @Override
    public Object run(String body) throws Exception {
        if (repeat < 1) {
            throw new UsageError("--repeat must be at least 1, not " + repeat + ".");
        }
        long[] nanos = new long[repeat];
        Object value = null;
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            value = runner.run(body);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        out.println(repeat == 1
                ? "Wall time: " + format(nanos[0])
                : "Wall time: best " + format(nanos[0]) + ", median " + format(nanos[repeat / 2]) + " of " + repeat + " runs");
        return value;
    }

    static String format(long nanos) {
        if (nanos < 1_000_000) {
            return String.format("%.1f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format("%.1f ms", nanos / 1e6);
        }
        return String.format("%.2f s", nanos / 1e9);
    }
}
