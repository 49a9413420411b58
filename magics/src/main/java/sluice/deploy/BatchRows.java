package sluice.deploy;

/** The rows of a CSV or NDJSON body, read one at a time into the request table, so no more than a chunk is held. */
interface BatchRows {
    /** Reads the next row into {@code table}'s inputs; false at the end of the body. A bad row is a {@link BadRequest} naming its line. */
    boolean next(RequestTable table);

    /** The line of the body the row just read came from (the first line is 1). */
    long line();
}
