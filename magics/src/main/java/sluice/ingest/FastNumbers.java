package sluice.ingest;

/**
 * Reads plain decimal numbers straight from bytes, without making a String, and only where the
 * answer is provably the one {@code Double.parseDouble} or {@code Long.parseLong} would give; anything
 * else (thousands separators, very long mantissas) is left to {@link NumberParser}.
 */
final class FastNumbers {
    /** Returned by {@link #parseLong} when the bytes are not a plain integer. */
    static final long NOT_A_LONG = Long.MIN_VALUE;

    private static final long EXACT_MANTISSA = 1L << 53;
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

    private FastNumbers() {
    }

    /**
     * The value of {@code [+-]digits[.digits][e[+-]digits]} in {@code b[start, end)}, or NaN when the
     * bytes have another form or the value is not exact in one IEEE operation. A mantissa below 2^53
     * and a power of ten up to 22 are both exact doubles, so one multiplication or division rounds
     * correctly: the same double as {@code Double.parseDouble} (Clinger's fast path).
     */
    static double parseDouble(byte[] b, int start, int end) {
        int p = start;
        boolean negative = false;
        if (p < end && (b[p] == '-' || b[p] == '+')) {
            negative = b[p] == '-';
            p++;
        }
        long mantissa = 0;
        int exponent = 0;
        int digits = 0;
        for (; p < end; p++) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            mantissa = mantissa * 10 + d;
            digits++;
        }
        if (p < end && b[p] == '.') {
            int point = ++p;
            for (; p < end; p++) {
                int d = b[p] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                mantissa = mantissa * 10 + d;
            }
            digits += p - point;
            exponent = point - p;
        }
        // more than 18 digits may have overflowed the long; past 2^53 the mantissa is not exact
        if (digits == 0 || digits > 18 || mantissa >= EXACT_MANTISSA) {
            return Double.NaN;
        }
        if (p < end && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            boolean negativeExponent = false;
            if (p < end && (b[p] == '-' || b[p] == '+')) {
                negativeExponent = b[p] == '-';
                p++;
            }
            int e = 0;
            int first = p;
            for (; p < end; p++) {
                int d = b[p] - '0';
                if (d < 0 || d > 9 || e > 10_000) {
                    return Double.NaN;
                }
                e = e * 10 + d;
            }
            if (p == first) {
                return Double.NaN;
            }
            exponent += negativeExponent ? -e : e;
        }
        if (p != end) {
            return Double.NaN;
        }
        double value = mantissa;
        if (mantissa != 0) {
            if (exponent > 0 && exponent <= 22) {
                value *= POWERS_OF_TEN[exponent];
            } else if (exponent < 0 && exponent >= -22) {
                value /= POWERS_OF_TEN[-exponent];
            } else if (exponent != 0) {
                return Double.NaN;
            }
        }
        return negative ? -value : value;
    }

    /**
     * {@link TypeGuess#INTEGER} for {@code [+-]digits} (at most 18 digits), {@link TypeGuess#LONG_DIGITS} for
     * more digits (a long or beyond 64 bits: never a double, which would round them), {@link TypeGuess#DECIMAL} for
     * any other {@code [+-]digits[.digits][e[+-]digits]} (digits on at least one side of the point),
     * else {@link TypeGuess#OTHER}: the forms Tablesaw's integer, long and decimal parsers read as is.
     */
    static int shape(byte[] b, int start, int end) {
        int p = start < end && (b[start] == '-' || b[start] == '+') ? start + 1 : start;
        int digits = 0;
        while (p < end && b[p] >= '0' && b[p] <= '9') {
            p++;
            digits++;
        }
        if (p == end) {
            return digits == 0 ? TypeGuess.OTHER : digits <= 18 ? TypeGuess.INTEGER : TypeGuess.LONG_DIGITS;
        }
        if (b[p] == '.') {
            p++;
            while (p < end && b[p] >= '0' && b[p] <= '9') {
                p++;
                digits++;
            }
        }
        if (digits == 0) {
            return TypeGuess.OTHER;
        }
        if (p < end && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            if (p < end && (b[p] == '-' || b[p] == '+')) {
                p++;
            }
            int exponent = p;
            while (p < end && b[p] >= '0' && b[p] <= '9') {
                p++;
            }
            if (p == exponent) {
                return TypeGuess.OTHER;
            }
        }
        return p == end ? TypeGuess.DECIMAL : TypeGuess.OTHER;
    }

    /** The value of {@code [+-]digits} (at most 18 digits) in {@code b[start, end)}, or {@link #NOT_A_LONG}. */
    static long parseLong(byte[] b, int start, int end) {
        int p = start;
        boolean negative = false;
        if (p < end && (b[p] == '-' || b[p] == '+')) {
            negative = b[p] == '-';
            p++;
        }
        if (p == end || end - p > 18) {
            return NOT_A_LONG;
        }
        long value = 0;
        for (; p < end; p++) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                return NOT_A_LONG;
            }
            value = value * 10 + d;
        }
        return negative ? -value : value;
    }
}
