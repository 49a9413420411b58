package sluice.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;

/**
 * Splits delimited bytes into records of fields, RFC 4180 style: a field in double quotes may hold
 * separators, line breaks and doubled quotes; unquoted fields lose surrounding blanks; blank lines are
 * skipped. It only records where each field lies, so callers decide whether a String is ever made.
 */
final class CsvTokenizer {
    /** The field's span is the text between its quotes, with nothing to unescape. */
    static final int QUOTED = 1;
    /** The field's span is the raw field, quotes included: {@link #decode} unescapes it. */
    static final int RAW = 2;

    /** {@link #next} found no further record before the end of the data. */
    static final int END = -1;
    /** {@link #next} reached the end of the buffer inside a record: more bytes are needed. */
    static final int INCOMPLETE = -2;
    /** {@link #next} reached the end of the data inside a quoted field. */
    static final int UNCLOSED_QUOTE = -3;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long NEWLINES = ONES * '\n';
    private static final long RETURNS = ONES * '\r';

    private final byte separator;
    private final long separatorBytes;
    private final boolean tabIsBlank;
    int[] starts = new int[16];
    int[] ends = new int[16];
    int[] flags = new int[16];
    /** Fields in the record {@link #next} returned. */
    int count;
    /** Where that record starts. */
    int recordStart;
    /** Line breaks consumed in total, counted from where this tokenizer began. */
    long lines;
    // the last quoted field read by quoted()
    private int quotedStart;
    private int quotedEnd;
    private int quotedFlags;
    private long quotedNewlines;

    CsvTokenizer(char separator) {
        if (separator > 127) {
            throw new IllegalArgumentException("separator must be ASCII");
        }
        this.separator = (byte) separator;
        this.separatorBytes = ONES * separator;
        this.tabIsBlank = separator != '\t';
    }

    /**
     * Reads the record starting at or after {@code pos}, skipping blank lines.
     *
     * @param eof whether {@code limit} is the end of the data (else a record reaching it is incomplete)
     * @return the position after the record, or {@link #END}, {@link #INCOMPLETE}, {@link #UNCLOSED_QUOTE}
     */
    int next(byte[] b, int pos, int limit, boolean eof) {
        final byte sep = separator;
        int p = pos;
        long newlines = 0;
        while (p < limit && (b[p] == '\n' || b[p] == '\r')) {
            if (b[p] == '\n' || p + 1 >= limit || b[p + 1] != '\n') {
                newlines++;
            }
            p++;
        }
        if (p >= limit) {
            if (!eof) {
                return INCOMPLETE;
            }
            lines += newlines;
            recordStart = p;
            return END;
        }
        int start = p;
        int n = 0;
        while (true) {
            while (p < limit && (b[p] == ' ' || (b[p] == '\t' && tabIsBlank))) {
                p++;
            }
            int fieldStart;
            int fieldEnd;
            int fieldFlags;
            if (p < limit && b[p] == '"') {
                p = quoted(b, p, limit, eof);
                if (p < 0) {
                    return p;
                }
                newlines += quotedNewlines;
                fieldStart = quotedStart;
                fieldEnd = quotedEnd;
                fieldFlags = quotedFlags;
            } else {
                fieldStart = p;
                // eight bytes at a time while none of them ends the field
                while (p + 8 <= limit) {
                    long word = (long) LONGS.get(b, p);
                    long ends = zeroBytes(word ^ separatorBytes) | zeroBytes(word ^ NEWLINES) | zeroBytes(word ^ RETURNS);
                    if (ends != 0) {
                        p += Long.numberOfTrailingZeros(ends) >>> 3;
                        break;
                    }
                    p += 8;
                }
                while (p < limit) {
                    byte c = b[p];
                    if (c == sep || c == '\n' || c == '\r') {
                        break;
                    }
                    p++;
                }
                if (p >= limit && !eof) {
                    return INCOMPLETE;
                }
                fieldEnd = trimEnd(b, fieldStart, p);
                fieldFlags = 0;
            }
            if (n == starts.length) {
                grow();
            }
            starts[n] = fieldStart;
            ends[n] = fieldEnd;
            flags[n] = fieldFlags;
            n++;
            if (p >= limit) {
                break;
            }
            byte c = b[p];
            if (c == sep) {
                p++;
                continue;
            }
            p++;
            if (c == '\r') {
                if (p < limit && b[p] == '\n') {
                    p++;
                } else if (p >= limit && !eof) {
                    return INCOMPLETE;
                }
            }
            newlines++;
            break;
        }
        count = n;
        recordStart = start;
        lines += newlines;
        return p;
    }

    /** A high bit in each byte of {@code word} that is zero (the lowest one is exact, which is all a scan needs). */
    private static long zeroBytes(long word) {
        return (word - ONES) & ~word & 0x8080808080808080L;
    }

    /**
     * Reads the quoted field opening at {@code open} into {@link #quotedStart}, {@link #quotedEnd},
     * {@link #quotedFlags} and {@link #quotedNewlines}; kept apart from {@link #next} so the common
     * unquoted path stays small for the JIT.
     *
     * @return the position after the field, or {@link #INCOMPLETE} / {@link #UNCLOSED_QUOTE}
     */
    private int quoted(byte[] b, int open, int limit, boolean eof) {
        final byte sep = separator;
        long newlines = 0;
        boolean escaped = false;
        int p = open + 1;
        while (true) {
            while (p < limit && b[p] != '"') {
                if (b[p] == '\n') {
                    newlines++;
                }
                p++;
            }
            if (p >= limit) {
                return eof ? UNCLOSED_QUOTE : INCOMPLETE;
            }
            if (p + 1 < limit && b[p + 1] == '"') {
                escaped = true;
                p += 2;
                continue;
            }
            if (p + 1 >= limit && !eof) {
                return INCOMPLETE;
            }
            break;
        }
        int close = p;
        p++;
        while (p < limit && (b[p] == ' ' || (b[p] == '\t' && tabIsBlank))) {
            p++;
        }
        quotedNewlines = newlines;
        if (p < limit && b[p] != sep && b[p] != '\n' && b[p] != '\r') {
            // text after the closing quote: keep it, as the raw field decoded later
            while (p < limit && b[p] != sep && b[p] != '\n' && b[p] != '\r') {
                p++;
            }
            if (p >= limit && !eof) {
                return INCOMPLETE;
            }
            quotedStart = open;
            quotedEnd = trimEnd(b, open, p);
            quotedFlags = RAW;
        } else if (escaped) {
            quotedStart = open;
            quotedEnd = close + 1;
            quotedFlags = RAW;
        } else {
            quotedStart = open + 1;
            quotedEnd = close;
            quotedFlags = QUOTED;
        }
        return p;
    }

    /** Whether the record is one empty unquoted field: a line of blanks, skipped like a blank line. */
    boolean isBlank() {
        return count == 1 && flags[0] == 0 && starts[0] == ends[0];
    }

    private int trimEnd(byte[] b, int start, int end) {
        while (end > start && (b[end - 1] == ' ' || (b[end - 1] == '\t' && tabIsBlank))) {
            end--;
        }
        return end;
    }

    private void grow() {
        int size = starts.length * 2;
        starts = java.util.Arrays.copyOf(starts, size);
        ends = java.util.Arrays.copyOf(ends, size);
        flags = java.util.Arrays.copyOf(flags, size);
    }

    /** The text of field {@code i} of the current record. */
    String field(byte[] b, int i, Charset charset) {
        return decode(b, starts[i], ends[i], flags[i], charset);
    }

    /** The text of a field span: quotes removed and doubled quotes made single for a raw field. */
    static String decode(byte[] b, int start, int end, int flags, Charset charset) {
        if ((flags & RAW) == 0) {
            return new String(b, start, end - start, charset);
        }
        byte[] out = new byte[end - start];
        int n = 0;
        boolean quoted = false;
        for (int p = start; p < end; p++) {
            byte c = b[p];
            if (c == '"') {
                if (quoted && p + 1 < end && b[p + 1] == '"') {
                    out[n++] = '"';
                    p++;
                } else {
                    quoted = !quoted;
                }
            } else {
                out[n++] = c;
            }
        }
        return new String(out, 0, n, charset);
    }
}
