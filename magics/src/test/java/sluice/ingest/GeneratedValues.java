package sluice.ingest;

import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The values in {@link GeneratedCsv}'s columns, by kind: integers at the edges of int and long, integers
 * beyond 64 bits, decimals in many notations (with the file's decimal mark and thousands separator), dates
 * in the column's form, and text with separators, quotes, line breaks and non-ASCII letters inside.
 */
final class GeneratedValues {
    static final List<String> MISSING = IngestOptions.DEFAULT_MISSING;

    private GeneratedValues() {
    }

    /** A value of the column's kind; the first value of a column shows its kind beyond doubt. */
    static String value(Random random, String kind, boolean first, String[] form, char decimal, Character thousands,
                                boolean autoCommas, String encoding, char sep, boolean patterned) {
        switch (kind) {
            case "int": {
                int[] edges = {0, 1, -1, 7, Integer.MAX_VALUE, -Integer.MAX_VALUE};
                long v = random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextInt(Integer.MAX_VALUE) * (random.nextBoolean() ? 1L : -1L);
                return integer(random, v, thousands);
            }
            case "long": {
                long[] edges = {Long.MAX_VALUE, -Long.MAX_VALUE, 1L << 31, -(1L << 31) - 1, 1L << 53, (1L << 53) + 1};
                long v = first || random.nextInt(3) == 0 ? edges[random.nextInt(edges.length)] : random.nextLong() / (1 + random.nextInt(1000));
                v = v == Long.MIN_VALUE ? 0 : v;
                return integer(random, v, thousands);
            }
            case "big": {
                if (first || random.nextInt(4) == 0) {
                    BigInteger big = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.valueOf(1 + random.nextInt(1000)))
                            .multiply(BigInteger.TEN.pow(random.nextInt(12)));
                    return (random.nextBoolean() ? "-" : "") + big;
                }
                return Long.toString(random.nextLong());
            }
            case "dec":
                return decimal(random, first, decimal, thousands, autoCommas);
            case "date":
            case "datetime": {
                LocalDateTime t = LocalDateTime.of(1900 + random.nextInt(200), 1 + random.nextInt(12), 1 + random.nextInt(28),
                        random.nextInt(24), random.nextInt(60), random.nextInt(60));
                if (random.nextInt(10) == 0) {
                    t = t.withMonth(2).withDayOfMonth(t.toLocalDate().isLeapYear() ? 29 : 28);
                }
                DateTimeFormatter f = DateTimeFormatter.ofPattern(form[0], Locale.ENGLISH);
                return kind.equals("date") ? f.format(t.toLocalDate()) : f.format(t);
            }
            default:
                return text(random, first, encoding, sep, patterned);
        }
    }

    private static String integer(Random random, long v, Character thousands) {
        String digits = Long.toString(Math.abs(v));
        String sign = v < 0 ? "-" : random.nextInt(10) == 0 ? "+" : "";
        if (thousands != null && random.nextBoolean()) {
            return sign + grouped(digits, thousands);
        }
        return sign + (random.nextInt(20) == 0 ? "00" : "") + digits;
    }

    private static String grouped(String digits, char thousands) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(thousands);
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    private static String decimal(Random random, boolean first, char decimal, Character thousands, boolean autoCommas) {
        String[] edges = {"1.7976931348623157E308", "4.9E-324", "2.2250738585072014E-308", "0.1", "-0.0", ".5", "5.",
            "123456789012345678", "9007199254740993", "1e22", "1e23", "0.30000000000000004", "-2.5e-7"};
        double x = random.nextGaussian() * Math.pow(10, random.nextInt(30) - 15);
        String plain;
        if (autoCommas || decimal == ',' || thousands != null || first) {
            // [-]digits.digits, with the first value's fraction of two digits (never a thousands group)
            int places = first ? 2 : random.nextInt(7);
            plain = String.format(Locale.ROOT, "%." + places + "f", x);
            if (!first && random.nextInt(8) == 0) {
                plain = Long.toString(random.nextInt(100_000));
            }
            if (!autoCommas && !first && random.nextInt(6) == 0) {
                plain = String.format(Locale.ROOT, "%.4e", x);
            }
        } else {
            String[] forms = {Double.toString(x), String.format(Locale.ROOT, "%.6g", x), String.format(Locale.ROOT, "%e", x),
                String.format(Locale.ROOT, "%.3f", x), Long.toString((long) x), edges[random.nextInt(edges.length)]};
            plain = forms[random.nextInt(forms.length)];
        }
        int point = plain.indexOf('.');
        int exponent = Math.max(plain.indexOf('e'), plain.indexOf('E'));
        int intEnd = point >= 0 ? point : exponent >= 0 ? exponent : plain.length();
        String sign = plain.startsWith("-") ? "-" : "";
        String intPart = plain.substring(sign.length(), intEnd);
        if (thousands != null && exponent < 0 && random.nextBoolean()) {
            intPart = grouped(intPart, thousands);
        }
        return sign + intPart + plain.substring(intEnd).replace('.', decimal);
    }

    /** @param patterned whether --date-format is given: then no text looks like a date (a column with one must be all dates) */
    private static String text(Random random, boolean first, String encoding, char sep, boolean patterned) {
        String[] specials = {String.valueOf(sep), "\"", "\n", "\r\n", " ", "é", "ü", "€", "ß", "日本", ",", ";", "123", "1,5",
            "2024-01-01", "03/04/2024"};
        while (true) {
            StringBuilder word = new StringBuilder();
            int length = 3 + random.nextInt(6);
            for (int i = 0; i < length; i++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            if (!first) {
                for (int k = random.nextInt(3); k > 0; k--) {
                    String special = specials[random.nextInt(specials.length)];
                    if (special.equals("日本") && encoding.equals("cp1252") || patterned && special.contains("/")) {
                        continue;
                    }
                    word.insert(random.nextInt(word.length() + 1), special);
                }
                if (random.nextInt(15) == 0) {
                    return specials[12 + random.nextInt(patterned ? 2 : 4)];
                }
            }
            String w = word.toString();
            if (!MISSING.contains(w) && !List.of("yes", "true", "false").contains(w.toLowerCase(Locale.ROOT))) {
                return w;
            }
        }
    }
}
