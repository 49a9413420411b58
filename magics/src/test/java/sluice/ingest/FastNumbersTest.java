package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FastNumbersTest {
    @Test
    void parseDouble_givesExactlyWhatDoubleParseDoubleGives_orDeclines() {
        Random random = new Random(7);
        int taken = 0;
        for (int i = 0; i < 200_000; i++) {
            double x = random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            String[] forms = {
                Double.toString(x),
                String.format(Locale.ROOT, "%.6g", x),
                String.format(Locale.ROOT, "%.17g", x),
                String.format(Locale.ROOT, "%.3f", x),
                String.format(Locale.ROOT, "%e", x),
                Long.toString((long) x),
            };
            for (String form : forms) {
                double fast = parse(form);
                if (!Double.isNaN(fast)) {
                    taken++;
                    assertThat(Double.doubleToRawLongBits(fast)).as(form).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(form)));
                }
            }
        }
        assertThat(taken).as("most plain numbers take the fast path").isGreaterThan(600_000);
    }

    @Test
    void parseDouble_declinesWhatItCannotReadExactly() {
        for (String s : new String[] {"", "-", ".", "1e", "1,5", "5%", "NaN", "Infinity", "0x1p3", "1d", " 1", "1 ",
            "12345678901234567890", "1e400", "--1", "1.2.3"}) {
            assertThat(parse(s)).as(s).isNaN();
        }
        assertThat(parse("-0")).isEqualTo(-0.0);
        assertThat(parse("+.5")).isEqualTo(0.5);
        assertThat(parse("7.")).isEqualTo(7.0);
    }

    @Test
    void parseLong_readsPlainDigitsOnly() {
        assertThat(FastNumbers.parseLong(bytes("-42"), 0, 3)).isEqualTo(-42);
        assertThat(FastNumbers.parseLong(bytes("+7"), 0, 2)).isEqualTo(7);
        assertThat(FastNumbers.parseLong(bytes("999999999999999999"), 0, 18)).isEqualTo(999_999_999_999_999_999L);
        for (String s : new String[] {"", "-", "1.0", "1e3", "1,000", "9999999999999999999"}) {
            assertThat(FastNumbers.parseLong(bytes(s), 0, s.length())).as(s).isEqualTo(FastNumbers.NOT_A_LONG);
        }
    }

    private static double parse(String s) {
        byte[] b = bytes("xx" + s + "yy");
        return FastNumbers.parseDouble(b, 2, 2 + s.length());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
