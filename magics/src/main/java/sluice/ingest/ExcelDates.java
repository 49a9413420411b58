package sluice.ingest;

import java.util.regex.Pattern;

/**
 * Whether an Excel number format shows a date, a time of day or a plain number: Excel stores dates as
 * numbers (days since 1900) and only the cell's format says which they are. The rules follow Apache POI's
 * {@code DateUtil.isADateFormat}: the built-in date formats by id, and custom formats made only of date
 * and time letters once literals, colours and locales are taken out.
 */
final class ExcelDates {
    enum Kind { NUMBER, DATE, TIME }

    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|\\\\.");
    private static final Pattern ELAPSED = Pattern.compile("\\[[hHmMsS]+]");
    private static final Pattern BRACKETS = Pattern.compile("\\[[^]]*]");
    private static final Pattern AM_PM = Pattern.compile("(?i)am/pm|a/p");
    /** What is left of a date or time format: its letters, separators, and fractions of a second. */
    private static final Pattern DATE_LETTERS = Pattern.compile("^[yYmMdDhHsSeEgGbB\\-T/年月日時分秒,. :_*]+0*$");

    private ExcelDates() {
    }

    /**
     * @param id     the cell's number format id, or null
     * @param format the format code the workbook defines for that id (custom formats), or null
     */
    static Kind kind(Integer id, String format) {
        if (format != null) {
            return custom(format);
        }
        return id == null ? Kind.NUMBER : builtIn(id);
    }

    /** ECMA-376's built-in formats: 14–17 and 22 dates, 18–21 and 45–47 times, 27–36 and 50–58 East Asian ones. */
    private static Kind builtIn(int id) {
        if (id >= 14 && id <= 17 || id == 22 || id >= 27 && id <= 31 || id == 36 || id >= 50 && id <= 58) {
            return Kind.DATE;
        }
        if (id >= 18 && id <= 21 || id >= 45 && id <= 47 || id >= 32 && id <= 35) {
            // 46 is [h]:mm:ss, an elapsed time that can pass 24 hours: a number of days, as Excel stores it.
            return id == 46 ? Kind.NUMBER : Kind.TIME;
        }
        return Kind.NUMBER;
    }

    static Kind custom(String format) {
        String section = firstSection(format);
        if (ELAPSED.matcher(section).find()) {
            return Kind.NUMBER;
        }
        String letters = QUOTED.matcher(section).replaceAll("");
        letters = BRACKETS.matcher(letters).replaceAll("");
        letters = AM_PM.matcher(letters).replaceAll("").strip();
        if (letters.isEmpty() || !DATE_LETTERS.matcher(letters).matches()) {
            return Kind.NUMBER;
        }
        String lower = letters.toLowerCase();
        if (lower.matches(".*[ydeg年日b].*") || !lower.matches(".*[hs時秒].*")) {
            return Kind.DATE;
        }
        return Kind.TIME;
    }

    /** The part before the first ';' outside quotes (the format for positive numbers). */
    private static String firstSection(String format) {
        boolean quoted = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return format.substring(0, i);
            }
        }
        return format;
    }
}
