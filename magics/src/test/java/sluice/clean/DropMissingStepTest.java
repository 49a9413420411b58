package sluice.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.magic.UsageError;
import sluice.pipeline.Pipeline;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class DropMissingStepTest {
    private final Table penguins = Penguins.read();
    private final Table small = Table.create("t",
            DoubleColumn.create("x", new double[] {1, Double.NaN, Double.NaN, 4}),
            StringColumn.create("s", "a", "b", "", ""));

    @Test
    void dropMissing_anyColumn_leaves333Penguins() {
        DropMissingStep step = new DropMissingStep(List.of(), DropMissingStep.How.ANY).fit(penguins);

        assertThat(step.apply(penguins).rowCount()).isEqualTo(333);
        assertThat(penguins.rowCount()).isEqualTo(344);
        assertThat(step.describe()).isEqualTo("drop rows missing any value");
    }

    @Test
    void dropMissing_oneColumn_dropsOnlyRowsMissingIt() {
        DropMissingStep step = new DropMissingStep(List.of("bill_length_mm"), DropMissingStep.How.ANY).fit(penguins);

        assertThat(step.apply(penguins).rowCount()).isEqualTo(342);
        assertThat(step.describe()).isEqualTo("drop rows missing bill_length_mm");
    }

    @Test
    void dropMissing_howAll_dropsOnlyRowsMissingEveryNamedColumn() {
        DropMissingStep any = new DropMissingStep(List.of("x", "s"), DropMissingStep.How.ANY);
        DropMissingStep all = new DropMissingStep(List.of("x", "s"), DropMissingStep.How.ALL);

        assertThat(any.fit(small).apply(small).doubleColumn("x").asList()).containsExactly(1.0);
        assertThat(all.fit(small).apply(small).doubleColumn("x").asList()).containsExactly(1.0, null, 4.0);
        assertThat(all.describe()).isEqualTo("drop rows missing all of x, s");
    }

    @Test
    void dropMissing_isNotReplayedOnNewRows() {
        Pipeline pipeline = new Pipeline().with(new DropMissingStep(List.of(), DropMissingStep.How.ANY).fit(small));

        assertThat(pipeline.apply(small).rowCount()).isEqualTo(4);
        assertThat(pipeline.toString()).isEqualTo("1. drop rows missing any value  (not replayed on new rows)");
    }

    @Test
    void unknownColumn_namesTheClosestOne() {
        assertThatThrownBy(() -> new DropMissingStep(List.of("sexx"), DropMissingStep.How.ANY).fit(penguins))
                .isInstanceOf(UsageError.class)
                .hasMessage("No column 'sexx'. Did you mean 'sex'?");
    }
}
