package sluice.ingest;

import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.columns.AbstractColumnParser;

/**
 * Text parsed by a Tablesaw parser, remembered per distinct text: dates, times and booleans repeat,
 * and parsing them (through several date formats) costs far more than a lookup.
 */
final class ParsedValues {
    /** What {@link #get} returns for text the parser does not read. */
    static final Object UNREADABLE = new Object();
    private static final int MAX_REMEMBERED = 1 << 16;

    final AbstractColumnParser<?> parser;
    private final boolean given;
    private final Map<String, Object> remembered = new HashMap<>();

    /** @param given whether the user fixed the type: then whatever the parser reads counts, not only what detection accepts */
    ParsedValues(AbstractColumnParser<?> parser, boolean given) {
        this.parser = parser;
        this.given = given;
    }

    /** The parsed value of {@code text} (not a missing token), or {@link #UNREADABLE}. */
    Object get(String text) {
        Object value = remembered.get(text);
        if (value == null) {
            value = parse(text);
            if (remembered.size() < MAX_REMEMBERED) {
                remembered.put(text, value);
            }
        }
        return value;
    }

    private Object parse(String text) {
        if (!given && !parser.canParse(text)) {
            return UNREADABLE;
        }
        try {
            Object value = parser.parse(text);
            return value == null ? UNREADABLE : value;
        } catch (RuntimeException e) {
            return UNREADABLE;
        }
    }
}
