package io.github.spencerpark.jupyter.messages;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * Sluice's replacement for jupyter-jvm-basekernel 2.3.0's class of the same name, which writes
 * message dates to the minute ({@code yyyy-MM-dd'T'HH:mmZ}), so clients cannot time cells. This one
 * writes ISO 8601 instants with sub-second precision, as the messaging spec asks.
 */
public class KernelTimestamp {
    private String serialized;
    private Date date;

    public KernelTimestamp(String serialized) {
        this.serialized = serialized;
    }

    public KernelTimestamp(Date date) {
        this.date = date;
    }

    public static KernelTimestamp now() {
        return new KernelTimestamp(Date.from(Instant.now()));
    }

    public Date getDate() {
        if (date == null) {
            try {
                date = Date.from(OffsetDateTime.parse(serialized).toInstant());
            } catch (DateTimeParseException e) {
                date = Date.from(Instant.parse(serialized));
            }
        }
        return date;
    }

    public String getDateString() {
        if (serialized == null) {
            serialized = date.toInstant().toString();
        }
        return serialized;
    }
}
