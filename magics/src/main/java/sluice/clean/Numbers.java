package sluice.clean;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Learned values as descriptions show them: two decimals for ordinary numbers, three significant digits for small ones. */
final class Numbers {
    private Numbers() {
    }

    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        BigDecimal exact = new BigDecimal(value);
        BigDecimal rounded = Math.abs(value) >= 1 || value == 0
                ? exact.setScale(2, RoundingMode.HALF_UP)
                : exact.round(new MathContext(3, RoundingMode.HALF_UP));
        rounded = rounded.stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }
}
