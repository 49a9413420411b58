package sluice.magic;

/** A user mistake: the kernel shows its message as one line, with no stack trace. */
public class UsageError extends RuntimeException {
    private final String usage;

    public UsageError(String message) {
        this(message, null);
    }

    public UsageError(String message, String usage) {
        super(message, null, false, false);
        this.usage = usage;
    }

    /** The synopsis of the magic that was misused, or null. */
    public String usage() {
        return usage;
    }
}
