package sluice.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sluice.magic.UsageError;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.AbstractColumnParser;

/**
 * The dates and date-times {@code %ingest} reads: without {@code --date-format} only forms whose day
 * and month cannot be swapped (2024-01-31, 2024/01/31, 31.01.2024, 31-Jan-2024, each optionally with
 * a time 13:45[:00[.5]] after a space or T); with it, that pattern alone for the columns it applies to.
 * 03/04/2024 is never guessed: {@link #looksAmbiguous} lets the report name {@code --date-format}.
 */
final class DateFormats {
    private static final String TIME = "(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)";
    // each form names its year, month (number or English name) and day groups
    private static final Pattern[] FORMS = {
        Pattern.compile("(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})" + TIME + "?"),
        Pattern.compile("(?<y>\\d{4})/(?<m>\\d{1,2})/(?<d>\\d{1,2})" + TIME + "?"),
        Pattern.compile("(?<d>\\d{1,2})\\.(?<m>\\d{1,2})\\.(?<y>\\d{4})" + TIME + "?"),
        Pattern.compile("(?<d>\\d{1,2})-(?<mon>[A-Za-z]{3})-(?<y>\\d{4})" + TIME + "?"),
    };
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");
    private static final Pattern AMBIGUOUS = Pattern.compile("\\d{1,2}([/-])\\d{1,2}\\1\\d{2}(?:\\d{2})?(?:[T ].*)?");

    /** The user's pattern, or null. */
    final String pattern;
    private final DateTimeFormatter formatter;
    private final boolean withTime;

    DateFormats(String pattern) {
        this.pattern = pattern;
        this.formatter = pattern == null ? null : compile(pattern);
        this.withTime = pattern != null && hasLetter(pattern, "HhkKmsSnaA");
    }

    /** The column type the user's pattern reads (date or date-time), or null without one. */
    ColumnType patternType() {
        return pattern == null ? null : withTime ? ColumnType.LOCAL_DATE_TIME : ColumnType.LOCAL_DATE;
    }

    /** A parser for {@code type}: the user's pattern when {@code patterned}, else the detected forms. */
    AbstractColumnParser<?> parser(ColumnType type, boolean patterned, List<String> missing) {
        boolean dateTime = type == ColumnType.LOCAL_DATE_TIME;
        boolean usePattern = patterned && type == patternType();
        return new AbstractColumnParser<Object>(type) {
            {
                missingValueStrings = missing;
            }

            @Override
            public boolean canParse(String s) {
                return isMissing(s) || parse(s) != null;
            }

            @Override
            public Object parse(String s) {
                if (s == null || isMissing(s)) {
                    return null;
                }
                return usePattern ? byPattern(s) : detected(s.strip(), dateTime);
            }
        };
    }

    private Object byPattern(String s) {
        try {
            return withTime ? LocalDateTime.parse(s, formatter) : LocalDate.parse(s, formatter);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The date (or date-time) {@code s} is in one of the detected forms, or null. */
    static Object detected(String s, boolean dateTime) {
        if (s.length() < 8 || s.length() > 40) {
            return null;
        }
        for (Pattern form : FORMS) {
            Matcher m = form.matcher(s);
            if (!m.matches()) {
                continue;
            }
            // groups 1-3 are the date's, 4-7 the time's
            if ((m.group(4) != null) != dateTime) {
                return null;
            }
            try {
                int month = form.pattern().contains("<mon>") ? MONTHS.indexOf(m.group("mon").toLowerCase(Locale.ROOT)) + 1
                        : Integer.parseInt(m.group("m"));
                LocalDate date = LocalDate.of(Integer.parseInt(m.group("y")), month, Integer.parseInt(m.group("d")));
                if (!dateTime) {
                    return date;
                }
                String fraction = m.group(7) == null ? "" : m.group(7);
                int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
                return LocalDateTime.of(date, LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos));
            } catch (DateTimeException | IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    /** Whether {@code s} looks like a date whose day and month could be either way round (03/04/2024). */
    static boolean looksAmbiguous(String s) {
        return s.length() <= 40 && AMBIGUOUS.matcher(s).matches();
    }

    /** The pattern as a strict formatter (31.02.2024 is no date), or a usage error. */
    static DateTimeFormatter compile(String pattern) {
        if (!hasLetter(pattern, "yu") || !hasLetter(pattern, "ML") || !hasLetter(pattern, "d")) {
            throw new UsageError("--date-format '" + pattern + "' needs a day (d), a month (M) and a year (yyyy),"
                    + " e.g. dd.MM.yyyy or MM/dd/yyyy HH:mm.");
        }
        try {
            // the proleptic year u resolves strictly without an era; y would need one
            return DateTimeFormatter.ofPattern(unquoted(pattern, 'y', 'u'), Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--date-format '" + pattern + "' is not a valid pattern: " + e.getMessage()
                    + ". Patterns are java.time's, e.g. dd.MM.yyyy or MM/dd/yyyy HH:mm.");
        }
    }

    /** Whether one of {@code letters} appears in the pattern outside quoted text. */
    private static boolean hasLetter(String pattern, String letters) {
        String outside = pattern.replaceAll("'[^']*'", "");
        return letters.chars().anyMatch(c -> outside.indexOf(c) >= 0);
    }

    /** The pattern with {@code from} replaced by {@code to} outside quoted text. */
    private static String unquoted(String pattern, char from, char to) {
        StringBuilder out = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            out.append(!quoted && c == from ? to : c);
        }
        return out.toString();
    }
}
