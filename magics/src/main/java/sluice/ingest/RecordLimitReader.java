package sluice.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Ends the text after a number of CSV records, counting line breaks outside double quotes, so
 * {@code --limit N} reads only the start of a large file.
 */
final class RecordLimitReader extends FilterReader {
    private int recordsLeft;
    private boolean quoted;
    private boolean done;

    RecordLimitReader(Reader in, int records) {
        super(in);
        this.recordsLeft = records;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        int n = in.read(buffer, off, len);
        if (n < 0) {
            return n;
        }
        for (int i = off; i < off + n; i++) {
            char c = buffer[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted && --recordsLeft == 0) {
                done = true;
                return i - off + 1;
            }
        }
        return n;
    }
}
