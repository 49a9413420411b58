package sluice.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.magic.UsageError;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class FillStepTest {
    private final Table penguins = Penguins.read();

    @Test
    void fillMean_learnsTheMeanOfThePresentValues_andFillsTheTwoGaps() {
        FillStep fill = new FillStep(List.of("bill_length_mm"), "mean").fit(penguins);

        assertThat((Double) fill.values().get("bill_length_mm")).isCloseTo(43.92193, within(1e-5));
        assertThat(fill.describe()).isEqualTo("fill bill_length_mm with mean 43.92");
        Table filled = fill.apply(penguins);
        assertThat(filled.column("bill_length_mm").countMissing()).isZero();
        assertThat(filled.doubleColumn("bill_length_mm").getDouble(3)).isCloseTo(43.92193, within(1e-5));
        assertThat(filled.rowCount()).isEqualTo(344);
    }

    @Test
    void fit_andApply_leaveTheInputTableAsItWas() {
        FillStep fill = new FillStep(List.of("bill_length_mm", "sex"), "mode").fit(penguins);
        fill.apply(penguins);

        assertThat(penguins.column("bill_length_mm").countMissing()).isEqualTo(2);
        assertThat(penguins.column("sex").countMissing()).isEqualTo(11);
    }

    @Test
    void replayOnFreshRows_usesTheValueLearnedOnPenguins_notOneFromTheNewRows() {
        FillStep fill = new FillStep(List.of("bill_length_mm"), "mean").fit(penguins);
        Table fresh = Table.create("new", DoubleColumn.create("bill_length_mm", new double[] {50.0, Double.NaN}));

        Table filled = fill.apply(fresh);

        assertThat(filled.doubleColumn("bill_length_mm").get(0)).isEqualTo(50.0);
        assertThat(filled.doubleColumn("bill_length_mm").get(1)).isCloseTo(43.92193, within(1e-5));
    }

    @Test
    void fillMedian_usesTheMiddleValueAsPandasDoes() {
        Table small = Table.create("t", DoubleColumn.create("x", new double[] {1, 2, Double.NaN, 10, 3}));
        FillStep fill = new FillStep(List.of("x"), "median").fit(small);

        assertThat(fill.values().get("x")).isEqualTo(2.5);
        assertThat(fill.apply(small).doubleColumn("x").get(2)).isEqualTo(2.5);
        assertThat(fill.describe()).isEqualTo("fill x with median 2.5");
    }

    @Test
    void fillMode_onText_takesTheMostFrequentValue() {
        FillStep fill = new FillStep(List.of("sex"), "mode").fit(penguins);

        assertThat(fill.values().get("sex")).isEqualTo("male");
        assertThat(fill.describe()).isEqualTo("fill sex with mode 'male'");
        assertThat(fill.apply(penguins).stringColumn("sex").countOccurrences("male")).isEqualTo(168 + 11);
    }

    @Test
    void fillMode_onATie_takesTheSmallestValue() {
        Table small = Table.create("t", StringColumn.create("c", "b", "a", "b", "a", ""));

        assertThat(new FillStep(List.of("c"), "mode").fit(small).values().get("c")).isEqualTo("a");
    }

    @Test
    void fillWithAValue_onText_writesThatValue() {
        FillStep fill = new FillStep(List.of("sex"), "unknown").fit(penguins);

        assertThat(fill.describe()).isEqualTo("fill sex with 'unknown'");
        assertThat(fill.apply(penguins).stringColumn("sex").countOccurrences("unknown")).isEqualTo(11);
    }

    @Test
    void fillWithAValue_onBoolean_parsesIt() {
        Table small = Table.create("t", BooleanColumn.create("b", new boolean[] {true, false}).appendMissing());

        Table filled = new FillStep(List.of("b"), "true").fit(small).apply(small);

        assertThat(filled.booleanColumn("b").asList()).containsExactly(true, false, true);
    }

    @Test
    void fillMean_onAnIntegerColumn_makesItDecimal_withTheExactMean() {
        FillStep fill = new FillStep(List.of("body_mass_g"), "mean").fit(penguins);

        Table filled = fill.apply(penguins);

        assertThat(filled.column("body_mass_g").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(filled.doubleColumn("body_mass_g").get(3)).isCloseTo(4201.754386, within(1e-6));
        assertThat(filled.doubleColumn("body_mass_g").get(0)).isEqualTo(3750.0);
        assertThat(fill.describe()).isEqualTo("fill body_mass_g with mean 4201.75");
    }

    @Test
    void fillZeroOrAWholeNumber_onAnIntegerColumn_keepsItInteger() {
        Table small = Table.create("t", IntColumn.create("n", new int[] {1, 2}).appendMissing());

        Table zero = new FillStep(List.of("n"), "zero").fit(small).apply(small);
        Table seven = new FillStep(List.of("n"), "7").fit(small).apply(small);

        assertThat(zero.intColumn("n").asList()).containsExactly(1, 2, 0);
        assertThat(seven.intColumn("n").asList()).containsExactly(1, 2, 7);
    }

    @Test
    void fillMean_onText_saysToUseModeOrAValue() {
        assertThatThrownBy(() -> new FillStep(List.of("sex"), "mean").fit(penguins))
                .isInstanceOf(UsageError.class)
                .hasMessage("Cannot fill text column 'sex' with mean; use --with mode or a value.");
    }

    @Test
    void fillANumberColumn_withText_saysWhatItTakes() {
        assertThatThrownBy(() -> new FillStep(List.of("body_mass_g"), "heavy").fit(penguins))
                .isInstanceOf(UsageError.class)
                .hasMessage("Cannot fill numeric column 'body_mass_g' with 'heavy'; "
                        + "use --with mean, median, mode, zero or a number.");
    }

    @Test
    void fillAnUnknownColumn_namesTheClosestOne() {
        assertThatThrownBy(() -> new FillStep(List.of("body_mass"), "mean").fit(penguins))
                .isInstanceOf(UsageError.class)
                .hasMessage("No column 'body_mass'. Did you mean 'body_mass_g'?");
    }

    @Test
    void fillMean_ofAColumnWithNoValues_saysToGiveAValue() {
        Table empty = Table.create("t", DoubleColumn.create("x", new double[] {Double.NaN}));

        assertThatThrownBy(() -> new FillStep(List.of("x"), "mean").fit(empty))
                .isInstanceOf(UsageError.class)
                .hasMessage("Cannot fill 'x' with its mean: it has no values to learn from; use --with a value.");
    }

    @Test
    void numericColumns_areThoseAllWithMeanFills() {
        assertThat(FillStep.numericColumns(penguins)).containsExactly(
                "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "year");
    }
}
