package sluice.ingest;

/**
 * How a file writes its numbers: the decimal mark ({@code .} or {@code ,}) and the thousands separator
 * (none unless the user names one). Numbers written so are turned into the plain form
 * {@code [+-]digits[.digits][e[+-]digits]} that {@link FastNumbers} and {@code Double.parseDouble} read.
 */
record Numerals(char decimal, Character thousands) {
    /** A dot for decimals and no thousands separator: the form read without copying. */
    static final Numerals PLAIN = new Numerals('.', null);

    boolean plain() {
        return decimal == '.' && thousands == null;
    }

    /**
     * Copies {@code b[start, end)} into {@code out} in plain form and returns its length, or -1 when the
     * bytes are not a number written this way. Thousands separators must group the integer part by
     * threes (1,234,567), so 1,5 is never read as 15.
     */
    int plainForm(byte[] b, int start, int end, byte[] out) {
        int n = 0;
        int p = start;
        if (p < end && (b[p] == '-' || b[p] == '+')) {
            out[n++] = b[p++];
        }
        int group = 0;
        boolean grouped = false;
        while (p < end) {
            byte c = b[p];
            if (c >= '0' && c <= '9') {
                out[n++] = c;
                group++;
            } else if (thousands != null && c == thousands) {
                if (grouped ? group != 3 : group < 1 || group > 3) {
                    return -1;
                }
                grouped = true;
                group = 0;
            } else {
                break;
            }
            p++;
        }
        if (grouped && group != 3) {
            return -1;
        }
        if (p < end && b[p] == decimal) {
            out[n++] = '.';
            p++;
        }
        // the fraction and exponent hold digits, e, E and signs only: FastNumbers.shape checks their order
        for (; p < end; p++) {
            byte c = b[p];
            if (!(c >= '0' && c <= '9' || c == 'e' || c == 'E' || c == '-' || c == '+')) {
                return -1;
            }
            out[n++] = c;
        }
        return n;
    }

    /** {@link TypeGuess#INTEGER}, {@link TypeGuess#LONG_DIGITS}, {@link TypeGuess#DECIMAL} or {@link TypeGuess#OTHER}. */
    int shape(byte[] b, int start, int end) {
        if (plain()) {
            return FastNumbers.shape(b, start, end);
        }
        byte[] out = new byte[end - start];
        int n = plainForm(b, start, end, out);
        return n < 0 ? TypeGuess.OTHER : FastNumbers.shape(out, 0, n);
    }

    /** {@link FastNumbers#parseDouble} of the plain form: NaN when it is not a number or not on the fast path. */
    double parseDouble(byte[] b, int start, int end) {
        if (plain()) {
            return FastNumbers.parseDouble(b, start, end);
        }
        byte[] out = new byte[end - start];
        int n = plainForm(b, start, end, out);
        return n < 0 ? Double.NaN : FastNumbers.parseDouble(out, 0, n);
    }

    /** {@link FastNumbers#parseLong} of the plain form, or {@link FastNumbers#NOT_A_LONG}. */
    long parseLong(byte[] b, int start, int end) {
        if (plain()) {
            return FastNumbers.parseLong(b, start, end);
        }
        byte[] out = new byte[end - start];
        int n = plainForm(b, start, end, out);
        return n < 0 ? FastNumbers.NOT_A_LONG : FastNumbers.parseLong(out, 0, n);
    }

    /** The plain form of {@code text}, or null when it is not a number written this way. */
    String plain(String text) {
        byte[] b = ascii(text);
        byte[] out = new byte[b.length];
        int n = plainForm(b, 0, b.length, out);
        return n < 0 || FastNumbers.shape(out, 0, n) == TypeGuess.OTHER ? null : new String(out, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The text's characters as bytes, any non-ASCII one as {@code #} (never part of a number). */
    static byte[] ascii(String s) {
        byte[] ascii = new byte[s.length()];
        for (int i = 0; i < ascii.length; i++) {
            char c = s.charAt(i);
            ascii[i] = c < 128 ? (byte) c : (byte) '#';
        }
        return ascii;
    }

    /**
     * What a value that is not a plain number says about decimal commas: {@link #GROUP_COMMA} for
     * {@code [+-]d{1,3},ddd} not starting with 0 (thousands or a decimal comma: 1,234), {@link #DECIMAL_COMMA} for any other
     * {@code [+-]digits,digits} (only a decimal comma: 123,45), else 0.
     */
    static int commaKind(byte[] b, int start, int end) {
        int p = start < end && (b[start] == '-' || b[start] == '+') ? start + 1 : start;
        boolean leadingZero = p < end && b[p] == '0';
        int before = 0;
        while (p < end && b[p] >= '0' && b[p] <= '9') {
            p++;
            before++;
        }
        if (before == 0 || p >= end || b[p] != ',') {
            return 0;
        }
        p++;
        int after = 0;
        while (p < end && b[p] >= '0' && b[p] <= '9') {
            p++;
            after++;
        }
        if (after == 0 || p != end) {
            return 0;
        }
        return before <= 3 && after == 3 && !leadingZero ? GROUP_COMMA : DECIMAL_COMMA;
    }

    static final int GROUP_COMMA = 1;
    static final int DECIMAL_COMMA = 2;
}
