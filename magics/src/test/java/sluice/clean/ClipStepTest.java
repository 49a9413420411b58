package sluice.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.magic.UsageError;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class ClipStepTest {
    private final Table penguins = Penguins.read();

    @Test
    void clipIqr_learnsBoundsFromTheQuartiles() {
        ClipStep clip = ClipStep.iqr(List.of("body_mass_g"), 1.5).fit(penguins);

        assertThat(clip.bounds().get("body_mass_g")).isEqualTo(new ClipStep.Bounds(1750, 6550));
        assertThat(clip.describe()).isEqualTo("clip body_mass_g to [1750, 6550] (IQR × 1.5)");
    }

    @Test
    void clipIqr_setsValuesOutsideToTheBound_keepsRowsAndMissingValues() {
        ClipStep clip = ClipStep.iqr(List.of("body_mass_g"), 0.5).fit(penguins);

        Table clipped = clip.apply(penguins);

        IntColumn mass = clipped.intColumn("body_mass_g");
        assertThat(clip.bounds().get("body_mass_g")).isEqualTo(new ClipStep.Bounds(2950, 5350));
        assertThat(mass.min()).isEqualTo(2950);
        assertThat(mass.max()).isEqualTo(5350);
        assertThat(mass.countMissing()).isEqualTo(2);
        assertThat(clipped.rowCount()).isEqualTo(344);
        assertThat(penguins.intColumn("body_mass_g").max()).isEqualTo(6300);
    }

    @Test
    void clipZ_usesMeanPlusMinusKSampleStd() {
        Table small = Table.create("t", DoubleColumn.create("x", new double[] {1, 2, 3, 4, 100, Double.NaN}));
        ClipStep clip = ClipStep.z(List.of("x"), 1).fit(small);

        ClipStep.Bounds bounds = clip.bounds().get("x");
        assertThat(bounds.low()).isCloseTo(22 - 43.617657, within(1e-5));
        assertThat(bounds.high()).isCloseTo(22 + 43.617657, within(1e-5));
        Table clipped = clip.apply(small);
        assertThat(clipped.doubleColumn("x").get(4)).isCloseTo(65.617657, within(1e-5));
        assertThat(clipped.doubleColumn("x").isMissing(5)).isTrue();
        assertThat(clip.describe()).isEqualTo("clip x to [-21.62, 65.62] (mean ± 1 std)");
    }

    @Test
    void clipRange_onAnIntegerColumn_keepsItInteger() {
        Table small = Table.create("t", IntColumn.create("n", new int[] {0, 5, 10}));

        Table clipped = ClipStep.range(List.of("n"), "2.5:7.5").fit(small).apply(small);

        assertThat(clipped.column("n").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(clipped.intColumn("n").asList()).containsExactly(3, 5, 7);
    }

    @Test
    void clipReplaysTheLearnedBoundsOnFreshRows() {
        ClipStep clip = ClipStep.iqr(List.of("bill_length_mm"), 1.5).fit(penguins);
        double high = clip.bounds().get("bill_length_mm").high();
        Table fresh = Table.create("new", DoubleColumn.create("bill_length_mm", new double[] {500, 40}));

        assertThat(clip.apply(fresh).doubleColumn("bill_length_mm").asList()).containsExactly(high, 40.0);
    }

    @Test
    void clipAText_column_saysClipIsForNumbers() {
        assertThatThrownBy(() -> ClipStep.iqr(List.of("sex"), 1.5).fit(penguins))
                .isInstanceOf(UsageError.class)
                .hasMessage("Cannot clip text column 'sex'; clip works on numeric columns.");
    }

    @Test
    void badOptions_sayWhatToGive() {
        assertThatThrownBy(() -> ClipStep.range(List.of("x"), "5"))
                .isInstanceOf(UsageError.class)
                .hasMessage("Cannot read --range '5'; give it as low:high, e.g. --range 0:100.");
        assertThatThrownBy(() -> ClipStep.range(List.of("x"), "10:-5"))
                .isInstanceOf(UsageError.class)
                .hasMessage("--range 10:-5 has its low bound above the high one; give it as low:high.");
        assertThatThrownBy(() -> ClipStep.iqr(List.of("x"), 0))
                .isInstanceOf(UsageError.class)
                .hasMessage("--iqr takes a positive number, e.g. --iqr 1.5.");
    }
}
