package sluice.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import sluice.magic.UsageError;
import sluice.progress.Progress;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads delimited text into a table on every core: the file comes in large segments, each segment is
 * cut at line breaks into one stretch per core, and the stretches are parsed at once. A cut inside a
 * quoted field is caught (the stretch before it does not end at the cut) and that stretch is parsed
 * again from where the previous one really ended, so quoted line breaks never split a record.
 * Column types come fixed from a sample; a later value that does not fit its column's sampled type
 * sends that column (only) through a second pass as text, typed from all of its values.
 */
final class ParallelCsvReader {
    private static final int SEGMENT = 32 << 20;
    private static final int MIN_SPLIT = 1 << 20;
    static final int THREADS = Runtime.getRuntime().availableProcessors();
    private static final ExecutorService WORKERS = THREADS < 2 ? null : Executors.newFixedThreadPool(THREADS - 1, r -> {
        Thread thread = new Thread(r, "sluice-csv");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * What to read: column names and types (null: decide from all values), which types the user or an
     * earlier file fixed, and the expected bytes per record (to size the columns up front).
     */
    record Plan(String name, List<String> columns, ColumnType[] types, boolean[] fixed, double bytesPerRecord) {
    }

    /** Makes the sink for a column of one stretch, sized for about {@code capacity} values. */
    private interface SinkFactory {
        ColumnSink make(int column, int capacity);
    }

    private final Path file;
    private final CsvLayout layout;
    private final CsvCells cells;
    /** Records to read at most ({@code --limit}), or Long.MAX_VALUE. */
    private final long limit;
    private final Progress progress;

    ParallelCsvReader(Path file, CsvLayout layout, CsvCells cells, Integer limit, Progress progress) {
        this.progress = progress;
        this.file = file;
        this.layout = layout;
        this.cells = cells;
        this.limit = limit == null ? Long.MAX_VALUE : limit;
    }

    Table read(Plan plan) throws IOException {
        int width = plan.columns().size();
        List<CsvPart> parts = pass(plan, (c, capacity) -> ColumnSink.of(plan.types()[c], plan.fixed()[c], cells, capacity));
        BitSet failed = new BitSet();
        parts.forEach(part -> failed.or(part.failed));
        List<CsvPart> again = failed.isEmpty() ? List.of()
                : pass(plan, (c, capacity) -> failed.get(c) ? new TextSink(cells, capacity) : new ColumnSink.Skip());
        Column<?>[] columns = new Column<?>[width];
        AtomicInteger nextColumn = new AtomicInteger();
        Runnable build = () -> {
            for (int c = nextColumn.getAndIncrement(); c < width; c = nextColumn.getAndIncrement()) {
                List<CsvPart> source = failed.get(c) ? again : parts;
                List<ColumnSink> sinks = new ArrayList<>(source.size());
                for (CsvPart part : source) {
                    sinks.add(part.sinks[c]);
                }
                // every pass has at least one stretch, if an empty one
                columns[c] = sinks.get(0).build(plan.columns().get(c), sinks);
            }
        };
        inParallel(Math.min(THREADS, width), i -> build);
        return Table.create(plan.name(), columns);
    }

    /** One pass over the file with sinks from {@code sinkFor}; the parts of every segment, in order. */
    private List<CsvPart> pass(Plan plan, SinkFactory sinkFor) throws IOException {
        List<CsvPart> all = new ArrayList<>();
        long records = 0;
        long line = 1;
        long size = file.getFileName().toString().endsWith(".gz") ? -1 : Files.size(file);
        try (InputStream in = progress.track(layout.input().open(file), size)) {
            byte[] buffer = new byte[firstBufferSize()];
            int filled = 0;
            boolean eof = false;
            boolean headerPending = layout.header();
            while (true) {
                stopIfInterrupted();
                while (!eof && filled < buffer.length) {
                    int n = in.read(buffer, filled, buffer.length - filled);
                    if (n < 0) {
                        eof = true;
                    } else {
                        filled += n;
                    }
                }
                int start = 0;
                if (headerPending) {
                    CsvTokenizer header = new CsvTokenizer(layout.separator());
                    int next = header.next(buffer, 0, filled, eof);
                    if (next == CsvTokenizer.INCOMPLETE) {
                        buffer = Arrays.copyOf(buffer, buffer.length * 2);
                        continue;
                    }
                    if (next == CsvTokenizer.UNCLOSED_QUOTE) {
                        throw ReadErrors.unclosedQuote(file.getFileName().toString(), 1);
                    }
                    headerPending = false;
                    start = next == CsvTokenizer.END ? filled : next;
                    line += header.lines;
                }
                List<CsvPart> parts = parseSegment(buffer, start, filled, eof, plan, sinkFor, limit - records);
                int consumed = start;
                for (CsvPart part : parts) {
                    if (part.trouble != null) {
                        long at = line + CsvPart.countLines(buffer, part.from, part.troubleAt);
                        throw ReadErrors.of(part, file.getFileName().toString(), at, plan, layout.header(), cells);
                    }
                    line += part.lines;
                    records += part.records;
                    consumed = part.end;
                    all.add(part);
                }
                if ((eof && !parts.get(parts.size() - 1).incomplete) || records >= limit) {
                    return all;
                }
                int carry = filled - consumed;
                if (consumed == 0) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                } else {
                    System.arraycopy(buffer, consumed, buffer, 0, carry);
                    if (limit != Long.MAX_VALUE && buffer.length < SEGMENT) {
                        buffer = Arrays.copyOf(buffer, Math.min(SEGMENT, buffer.length * 4));
                    }
                }
                filled = carry;
            }
        }
    }

    private int firstBufferSize() throws IOException {
        if (limit != Long.MAX_VALUE) {
            return 1 << 16;
        }
        if (file.getFileName().toString().endsWith(".gz")) {
            return 4 << 20;
        }
        return (int) Math.min(SEGMENT, Math.max(1 << 16, Files.size(file) + 1));
    }

    /** The segment's records, in stretches cut at line breaks and parsed in parallel, then checked. */
    private List<CsvPart> parseSegment(byte[] b, int start, int filled, boolean eof, Plan plan,
                                       SinkFactory sinkFor, long recordsLeft) {
        int count = limit != Long.MAX_VALUE || filled - start < MIN_SPLIT ? 1 : THREADS;
        int[] cuts = new int[count + 1];
        cuts[0] = start;
        cuts[count] = Integer.MAX_VALUE;
        for (int i = 1; i < count; i++) {
            int cut = Math.max(cuts[i - 1], start + (int) ((long) (filled - start) * i / count));
            while (cut < filled && b[cut - 1] != '\n') {
                cut++;
            }
            cuts[i] = cut;
        }
        CsvPart[] parts = new CsvPart[count];
        for (int i = 0; i < count; i++) {
            parts[i] = newPart(cuts[i], cuts[i + 1], plan, sinkFor, filled);
        }
        inParallel(count, i -> () -> parts[i].parse(b, filled, eof, layout.separator(), plan.fixed(), cells, recordsLeft));
        List<CsvPart> checked = new ArrayList<>(count);
        checked.add(parts[0]);
        for (int i = 1; i < count; i++) {
            CsvPart previous = checked.get(i - 1);
            if (previous.trouble != null || previous.incomplete) {
                break;
            }
            CsvPart part = parts[i];
            if (previous.end != part.from) {
                // the cut fell inside a quoted field: parse this stretch again from the true boundary
                part = newPart(previous.end, Math.max(previous.end, part.stopAt), plan, sinkFor, filled);
                part.parse(b, filled, eof, layout.separator(), plan.fixed(), cells, recordsLeft);
            }
            checked.add(part);
        }
        return checked;
    }

    private CsvPart newPart(int from, int stopAt, Plan plan, SinkFactory sinkFor, int filled) {
        int bytes = Math.min(stopAt, filled) - from;
        int expected = (int) Math.min(Math.min(limit, 1 << 26), (long) (bytes / Math.max(1, plan.bytesPerRecord()) * 1.05) + 16);
        ColumnSink[] sinks = new ColumnSink[plan.columns().size()];
        for (int c = 0; c < sinks.length; c++) {
            sinks[c] = sinkFor.make(c, expected);
        }
        return new CsvPart(from, stopAt, sinks);
    }

    /** Ends the read, leaving the session as it was, when the user interrupted the cell. */
    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new UsageError("%ingest was interrupted; the session's tables are unchanged.");
        }
    }

    /** Runs {@code count} tasks at once: the first on this thread, the rest on the worker threads. */
    static void inParallel(int count, IntFunction<Runnable> task) {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            futures.add(WORKERS.submit(task.apply(i)));
        }
        try {
            task.apply(0).run();
        } finally {
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopIfInterrupted();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
    }
}
