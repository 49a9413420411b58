package sluice.kernel;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Standard output or error of the kernel's JVM: text written while a cell runs is sent to that cell
 * in batches (by {@link #flush()}, which the kernel calls every few milliseconds and at the end of
 * the cell), so a loop printing many lines does not send a message per line. A cell that floods its
 * stream is cut at {@link #CELL_LIMIT} bytes with a note, as Jupyter's rate limit cuts IPython's,
 * so the frontend stays responsive. Output written while no cell runs goes to the process's
 * original stream.
 */
final class CellOutput extends OutputStream {
    /** Bytes of one stream a cell may send; the rest is counted, not sent. */
    static final int CELL_LIMIT = 1_000_000;

    private final PrintStream fallback;
    private long accepted;
    private long dropped;
    private byte[] buffer = new byte[8192];
    private int count;
    private volatile Consumer<String> target;

    CellOutput(PrintStream fallback) {
        this.fallback = fallback;
    }

    void attach(Consumer<String> target) {
        flush();
        synchronized (this) {
            accepted = 0;
            dropped = 0;
        }
        this.target = target;
    }

    void detach() {
        flush();
        Consumer<String> to = target;
        long cut;
        synchronized (this) {
            cut = dropped;
            dropped = 0;
            count = 0; // the tail of a character cut at the limit
        }
        if (to != null && cut > 0) {
            to.accept(String.format("%n[output cut: the cell wrote %,d more bytes after the first %,d, which were not "
                    + "sent. Write large output to a file, or print a sample.]%n", cut, CELL_LIMIT));
        }
        this.target = null;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) {
        if (target == null) {
            fallback.write(bytes, off, len);
            return;
        }
        long room = CELL_LIMIT - accepted;
        if (len > room) {
            dropped += len - Math.max(0, room);
            len = (int) Math.max(0, room);
        }
        accepted += len;
        ensure(len);
        System.arraycopy(bytes, off, buffer, count, len);
        count += len;
    }

    private void ensure(int more) {
        if (count + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, count + more));
        }
    }

    /** Sends what was written so far, up to the last complete UTF-8 character. */
    @Override
    public void flush() {
        String text;
        Consumer<String> to;
        synchronized (this) {
            to = target;
            int end = completeUtf8(buffer, count);
            if (end == 0) {
                return;
            }
            text = new String(buffer, 0, end, StandardCharsets.UTF_8);
            System.arraycopy(buffer, end, buffer, 0, count - end);
            count -= end;
        }
        if (to != null) {
            to.accept(text);
        } else {
            fallback.print(text);
        }
    }

    /** Length of the prefix of {@code bytes} that does not end inside a multi-byte character. */
    private static int completeUtf8(byte[] bytes, int length) {
        for (int back = 1; back <= Math.min(3, length); back++) {
            int b = bytes[length - back] & 0xFF;
            if (b < 0x80) {
                return length;
            }
            if (b >= 0xC0) {
                int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return needed > back ? length - back : length;
            }
        }
        return length;
    }
}
