package sluice.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.pipeline.Pipeline;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class DedupeStepTest {
    private final Table small = Table.create("t",
            StringColumn.create("k", "a", "b", "a", "a", "", ""),
            DoubleColumn.create("x", new double[] {1, 2, 1, 3, Double.NaN, Double.NaN}));

    @Test
    void dedupe_allColumns_keepsTheFirstOfEachDuplicate_missingEqualToMissing() {
        Table deduped = new DedupeStep(List.of()).fit(small).apply(small);

        assertThat(deduped.stringColumn("k").asList()).containsExactly("a", "b", "a", "");
        assertThat(deduped.doubleColumn("x").asList()).containsExactly(1.0, 2.0, 3.0, null);
        assertThat(small.rowCount()).isEqualTo(6);
    }

    @Test
    void dedupe_byColumns_keepsTheFirstRowOfEachKey() {
        DedupeStep step = new DedupeStep(List.of("k")).fit(small);

        assertThat(step.apply(small).doubleColumn("x").asList()).containsExactly(1.0, 2.0, null);
        assertThat(step.describe()).isEqualTo("dedupe rows by k");
    }

    @Test
    void dedupe_penguins_hasNoDuplicateRows() {
        Table penguins = Penguins.read();

        assertThat(new DedupeStep(List.of()).fit(penguins).apply(penguins).rowCount()).isEqualTo(344);
        assertThat(new DedupeStep(List.of("species", "island")).fit(penguins).apply(penguins).rowCount()).isEqualTo(5);
    }

    @Test
    void dedupe_isNotReplayedOnNewRows() {
        Pipeline pipeline = new Pipeline().with(new DedupeStep(List.of()).fit(small));

        assertThat(pipeline.apply(small).rowCount()).isEqualTo(6);
    }
}
