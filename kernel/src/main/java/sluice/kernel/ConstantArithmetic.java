package sluice.kernel;

/**
 * The value of a cell that is arithmetic on number literals, such as {@code 1 + 1} or
 * {@code (2.5 - 1) * 4 / 3}, computed without javac (a JShell snippet costs ~10 ms of it, the
 * whole round trip of a trivial cell). Only decimal {@code int}, {@code long} ({@code L}) and
 * {@code double} literals, parentheses, unary {@code + -} and binary {@code + - * / %} are taken,
 * with Java's promotion (int, then long, then double) and Java's own operators, so the value and
 * its type are what JShell gives. Anything else, including an integer division by zero (JShell
 * throws) and an int literal out of range (JShell refuses it), is left to JShell.
 */
final class ConstantArithmetic {
    private final String text;
    private int at;

    private ConstantArithmetic(String text) {
        this.text = text;
    }

    /** The value as an {@link Integer}, {@link Long} or {@link Double}, or null when JShell must run the cell. */
    static Number value(String cell) {
        if (cell.isEmpty() || cell.length() > 200) {
            return null;
        }
        ConstantArithmetic parser = new ConstantArithmetic(cell);
        try {
            Number value = parser.sum();
            parser.space();
            return parser.at == cell.length() ? value : null;
        } catch (NotConstant e) {
            return null;
        }
    }

    private Number sum() {
        Number value = product();
        for (char op = next(); op == '+' || op == '-'; op = next()) {
            take(op);
            value = apply(op, value, product());
        }
        return value;
    }

    private Number product() {
        Number value = unary();
        for (char op = next(); op == '*' || op == '/' || op == '%'; op = next()) {
            take(op);
            value = apply(op, value, unary());
        }
        return value;
    }

    private Number unary() {
        char c = next();
        if (c == '-' || c == '+') {
            take(c);
            Number operand = unary();
            return c == '+' ? operand : negate(operand);
        }
        if (c == '(') {
            at++;
            Number value = sum();
            if (next() != ')') {
                throw new NotConstant();
            }
            at++;
            return value;
        }
        return literal();
    }

    private Number literal() {
        int start = at;
        while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
            at++;
        }
        String digits = text.substring(start, at);
        boolean isLong = at < text.length() && (text.charAt(at) == 'L' || text.charAt(at) == 'l');
        if (isLong) {
            at++;
        }
        if (digits.isEmpty() || digits.startsWith(".") || digits.endsWith(".") || (digits.length() > 1 && digits.startsWith("0") && !digits.startsWith("0."))
                || (isLong && digits.contains(".")) || (at < text.length() && Character.isJavaIdentifierPart(text.charAt(at)))) {
            throw new NotConstant(); // octal, 1e3, 2f, 0x10, 1_000 and other forms are javac's
        }
        try {
            if (digits.contains(".")) {
                return Double.valueOf(digits);
            }
            return isLong ? (Number) Long.valueOf(digits) : (Number) Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            throw new NotConstant(); // out of range, or 1.2.3
        }
    }

    private static Number negate(Number a) {
        if (a instanceof Double d) {
            return Double.valueOf(-d); // a conditional expression would promote every branch to double
        }
        return a instanceof Long l ? (Number) Long.valueOf(-l) : (Number) Integer.valueOf(-a.intValue());
    }

    private static Number apply(char op, Number a, Number b) {
        if (a instanceof Double || b instanceof Double) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            return switch (op) {
                case '+' -> x + y;
                case '-' -> x - y;
                case '*' -> x * y;
                case '/' -> x / y;
                default -> x % y;
            };
        }
        long x = a.longValue();
        long y = b.longValue();
        if ((op == '/' || op == '%') && y == 0) {
            throw new NotConstant();
        }
        long value = switch (op) {
            case '+' -> x + y;
            case '-' -> x - y;
            case '*' -> x * y;
            case '/' -> x / y;
            default -> x % y;
        };
        // Two ints: the long result cut to 32 bits is exactly what int arithmetic gives, overflow included.
        return a instanceof Long || b instanceof Long ? (Number) Long.valueOf(value) : (Number) Integer.valueOf((int) value);
    }

    /** Takes the operator {@code op}; {@code ++} and {@code --} are increment and decrement, and {@code //} a comment. */
    private void take(char op) {
        at++;
        if (at < text.length() && text.charAt(at) == op && op != '*' && op != '%') {
            throw new NotConstant();
        }
    }

    /** The next character that is not white space, without taking it; 0 at the end. */
    private char next() {
        space();
        return at < text.length() ? text.charAt(at) : 0;
    }

    private void space() {
        while (at < text.length() && " \t\f\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    /** The cell is not (only) arithmetic on number literals. */
    private static final class NotConstant extends RuntimeException {
        NotConstant() {
            super(null, null, false, false);
        }
    }
}
