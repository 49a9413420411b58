package sluice.ingest;

import java.util.BitSet;

/**
 * One stretch of a buffer of delimited text, parsed by one thread into one sink per column: the
 * records that start in {@code [from, stopAt)}. The last record may run past {@code stopAt}; where
 * the stretch really ended tells whether the next stretch began at a record boundary.
 */
final class CsvPart {
    /** What stopped a stretch early: the first bad record in it. */
    enum Trouble { FIELD_COUNT, BAD_VALUE, UNCLOSED_QUOTE }

    final int from;
    final int stopAt;
    final ColumnSink[] sinks;
    final BitSet failed = new BitSet();
    int records;
    /** Where parsing stopped: the start of the first record not taken. */
    int end;
    /** Whether the buffer ended inside the record at {@link #end}. */
    boolean incomplete;
    /** Line breaks between {@link #from} and {@link #end}. */
    long lines;

    Trouble trouble;
    /** Where the trouble is: the bad field, or the start of the bad record. */
    int troubleAt;
    int troubleColumn;
    int troubleFields;
    String troubleValue;

    CsvPart(int from, int stopAt, ColumnSink[] sinks) {
        this.from = from;
        this.stopAt = stopAt;
        this.sinks = sinks;
    }

    /**
     * Parses records until one starts at or after {@code stopAt}, the data ends, trouble is found or
     * {@code budget} records are taken. A value that does not fit an inferred column marks the column
     * failed (a later pass re-reads it); one that does not fit a fixed column is trouble.
     */
    void parse(byte[] b, int limit, boolean eof, char separator, boolean[] fixed, CsvCells cells, long budget) {
        CsvTokenizer tokens = new CsvTokenizer(separator);
        int width = sinks.length;
        int pos = from;
        while (pos < stopAt && records < budget) {
            int next = tokens.next(b, pos, limit, eof);
            if (next == CsvTokenizer.END) {
                pos = tokens.recordStart;
                break;
            }
            if (next == CsvTokenizer.INCOMPLETE) {
                incomplete = true;
                break;
            }
            if (next == CsvTokenizer.UNCLOSED_QUOTE) {
                trouble(Trouble.UNCLOSED_QUOTE, firstNonBlank(b, pos, limit), -1, 0, null);
                break;
            }
            if (tokens.isBlank() && width > 1) {
                pos = next;
                continue;
            }
            if (tokens.count != width) {
                int column = Math.min(tokens.count, width);
                String value = tokens.count > width ? tokens.field(b, width, cells.charset) : null;
                int at = tokens.count > width ? tokens.starts[width] : tokens.recordStart;
                trouble(Trouble.FIELD_COUNT, at, column, tokens.count, value);
                break;
            }
            for (int c = 0; c < width; c++) {
                if (!sinks[c].add(b, tokens.starts[c], tokens.ends[c], tokens.flags[c])) {
                    if (fixed[c]) {
                        trouble(Trouble.BAD_VALUE, tokens.starts[c], c, width, tokens.field(b, c, cells.charset));
                        end = pos;
                        lines = tokens.lines;
                        return;
                    }
                    failed.set(c);
                    sinks[c] = new ColumnSink.Skip();
                }
            }
            records++;
            pos = next;
        }
        end = pos;
        lines = tokens.lines;
    }

    private void trouble(Trouble kind, int at, int column, int fields, String value) {
        trouble = kind;
        troubleAt = at;
        troubleColumn = column;
        troubleFields = fields;
        troubleValue = value;
    }

    private static int firstNonBlank(byte[] b, int pos, int limit) {
        while (pos < limit && (b[pos] == '\n' || b[pos] == '\r')) {
            pos++;
        }
        return pos;
    }

    /** Line breaks in {@code b[from, to)}, counted as the tokenizer counts them. */
    static long countLines(byte[] b, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n' || (b[i] == '\r' && (i + 1 >= to || b[i + 1] != '\n'))) {
                n++;
            }
        }
        return n;
    }
}
