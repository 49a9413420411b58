package sluice.deploy;

/**
 * A request the endpoint refuses: an HTTP status (400, 401, 413) and a message for the client,
 * naming the field at fault when there is one. Carries no stack trace.
 */
final class BadRequest extends RuntimeException {
    private final int status;
    private final String field;

    BadRequest(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    /** A 400 for {@code field}; the message is prefixed with the field so a log line alone says where. */
    static BadRequest at(String field, String message) {
        return new BadRequest(400, field, field + ": " + message);
    }

    int status() {
        return status;
    }

    /** The field at fault, e.g. {@code records[0].carat}, or null. */
    String field() {
        return field;
    }
}
