package sluice.deploy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;

/**
 * An {@code application/x-ndjson} body: one JSON object per line, raw columns by name, as a record of
 * {@code {"records": [...]}}; blank lines are skipped. A line longer than {@link Settings#maxBody()}
 * is a 413, so one line never fills the memory.
 */
final class NdjsonRows implements BatchRows {
    private final InputStream body;
    private final Served served;
    private final long maxLine;
    /** The body as read, {@link #position} to {@link #end} not yet looked at. */
    private final byte[] input = new byte[1 << 16];
    private int position;
    private int end;
    /** The line being read. */
    private byte[] buffer = new byte[4096];
    private long line;

    NdjsonRows(InputStream body, Served served, long maxLine) {
        this.body = body;
        this.served = served;
        this.maxLine = maxLine;
    }

    @Override
    public boolean next(RequestTable table) {
        JsonNode record = readRecord();
        if (record == null) {
            return false;
        }
        for (int f = 0; f < served.fields().size(); f++) {
            Served.Field field = served.fields().get(f);
            JsonNode value = record.get(field.name());
            if (value == null) {
                throw BadRequest.atLine(line, field.name(), "missing; every line needs " + served.names());
            }
            try {
                Values.append(table.input(f), field, value);
            } catch (Values.Rejected e) {
                throw BadRequest.atLine(line, field.name(), e.getMessage());
            }
        }
        if (record.size() != served.fields().size()) {
            for (Iterator<String> names = record.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (served.indexOf(name) < 0) {
                    throw BadRequest.atLine(line, name, "not an input of this model; each line takes " + served.names()
                            + " (GET /schema lists them)");
                }
            }
        }
        return true;
    }

    @Override
    public long line() {
        return line;
    }

    /** The next non-blank line as a JSON object, or null at the end of the body. */
    private JsonNode readRecord() {
        int length;
        do {
            length = readLine();
            if (length < 0) {
                return null;
            }
        } while (blank(length));
        JsonNode record;
        try {
            record = PredictRequest.JSON.readTree(buffer, 0, length);
        } catch (JacksonException e) {
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw BadRequest.atLine(line, null, "not valid JSON: " + message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!record.isObject()) {
            throw BadRequest.atLine(line, null, "expected a JSON object of column: value, got " + PredictRequest.kind(record));
        }
        return record;
    }

    /** Reads the next line into {@link #buffer}, without its end; its length, or -1 at the end of the body. */
    private int readLine() {
        int length = 0;
        int b = next();
        if (b < 0) {
            return -1;
        }
        line++;
        while (b >= 0 && b != '\n') {
            if (length >= maxLine) {
                throw new BadRequest(413, null, "line " + line + ": longer than the limit of "
                        + Settings.sizeText(maxLine) + " (--max-body)");
            }
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(Math.min(maxLine, 2L * length), Integer.MAX_VALUE - 8));
            }
            buffer[length++] = (byte) b;
            b = next();
        }
        return length;
    }

    /** The next byte of the body, or -1 at its end. */
    private int next() {
        if (position == end) {
            try {
                end = body.read(input);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            position = 0;
            if (end <= 0) {
                end = 0;
                return -1;
            }
        }
        return input[position++] & 0xff;
    }

    private boolean blank(int length) {
        for (int i = 0; i < length; i++) {
            if (buffer[i] != ' ' && buffer[i] != '\t' && buffer[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
