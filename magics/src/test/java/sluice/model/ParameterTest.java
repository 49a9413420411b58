package sluice.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import sluice.magic.UsageError;

/** Every parameter of every algorithm has a type and a range, and its default is inside it. */
class ParameterTest {
    @Test
    void everyParameter_refusesValuesOutsideItsRange_andTakesItsDefault() {
        for (Algorithm algorithm : Algorithm.values()) {
            for (Parameter p : algorithm.parameters().values()) {
                String what = algorithm.label() + " " + p.name();
                assertThat(p.read(p.fallback())).as(what).isEqualTo(Double.parseDouble(p.fallback()));
                assertThatThrownBy(() -> p.read(String.valueOf(p.low() - 1))).as(what).isInstanceOf(UsageError.class);
                assertThatThrownBy(() -> p.read("NaN")).as(what).isInstanceOf(UsageError.class);
                if (p.high() < Double.POSITIVE_INFINITY) {
                    assertThatThrownBy(() -> p.read(String.valueOf(p.high() * 2))).as(what).isInstanceOf(UsageError.class);
                }
                if (p.integer()) {
                    assertThatThrownBy(() -> p.read(p.low() + 0.5 + "")).as(what).isInstanceOf(UsageError.class);
                }
            }
        }
    }
}
