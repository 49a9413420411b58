package sluice.deploy;

/**
 * A request the endpoint refuses: an HTTP status (400, 401, 413) and a message for the client,
 * naming the field at fault when there is one, and for a CSV or NDJSON batch the line of the body.
 * Carries no stack trace.
 */
final class BadRequest extends RuntimeException {
    private final int status;
    private final String field;
    private final long line;

    BadRequest(int status, String field, String message) {
        this(status, field, 0, message);
    }

    private BadRequest(int status, String field, long line, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
        this.line = line;
    }

    /** A 400 for {@code field}; the message is prefixed with the field so a log line alone says where. */
    static BadRequest at(String field, String message) {
        return new BadRequest(400, field, field + ": " + message);
    }

    /** A 400 for line {@code line} of a batch, and its column {@code field} (or null): "line 7, carat: …". */
    static BadRequest atLine(long line, String field, String message) {
        return new BadRequest(400, field, line, "line " + line + (field == null ? "" : ", " + field) + ": " + message);
    }

    int status() {
        return status;
    }

    /** The field at fault, e.g. {@code records[0].carat}, or null. */
    String field() {
        return field;
    }

    /** The line of a batch body at fault (the first is 1), or 0. */
    long line() {
        return line;
    }
}
