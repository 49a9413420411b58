package sluice.model;

import java.util.Locale;
import sluice.magic.UsageError;

/**
 * One parameter an algorithm takes through {@code --set}: its type, range, default and meaning. A
 * value is checked against it before training, so a bad one is one line naming the range.
 *
 * @param name     the key of {@code --set key=value}
 * @param integer  whether the value is a whole number
 * @param low      the smallest value allowed
 * @param lowOpen  whether {@code low} itself is excluded (a share above 0)
 * @param high     the largest value allowed
 * @param auto     whether 0 is also allowed, meaning "chosen from the data"
 * @param fallback the default, as {@code --set} would write it
 * @param meaning  what it does, for {@code --help}
 */
public record Parameter(String name, boolean integer, double low, boolean lowOpen, double high, boolean auto,
                        String fallback, String meaning) {

    static Parameter whole(String name, int low, int high, String fallback, String meaning) {
        return new Parameter(name, true, low, false, high, false, fallback, meaning);
    }

    /** A whole number that may also be 0 for "chosen from the data". */
    static Parameter wholeOrAuto(String name, int low, int high, String fallback, String meaning) {
        return new Parameter(name, true, low, false, high, true, fallback, meaning);
    }

    static Parameter real(String name, double low, boolean lowOpen, double high, String fallback, String meaning) {
        return new Parameter(name, false, low, lowOpen, high, false, fallback, meaning);
    }

    /** The value {@code text} read as this parameter's type, or a usage error naming the range. */
    double read(String text) {
        double value;
        try {
            value = integer ? Long.parseLong(text.strip()) : Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw refused(text);
        }
        boolean inRange = (lowOpen ? value > low : value >= low) && value <= high;
        if (!(inRange || auto && value == 0)) {
            throw refused(text);
        }
        return value;
    }

    private UsageError refused(String text) {
        return new UsageError("--set " + name + " must be " + range() + "; got '" + text + "'.");
    }

    /** The allowed values in words: "a whole number from 1 to 10,000". */
    String range() {
        String kind = integer ? "a whole number" : "a number";
        String bounds = high == Double.POSITIVE_INFINITY
                ? (lowOpen ? " above " : " of at least ") + number(low)
                : (lowOpen ? " above " + number(low) + " and at most " : " from " + number(low) + " to ") + number(high);
        return (auto ? "0 (chosen from the data) or " : "") + kind + bounds;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.valueOf(value);
    }

    /** The parameter as {@code --help} lists it. */
    public String help() {
        return name + "=" + fallback + ": " + meaning + " (" + range() + ")";
    }
}
