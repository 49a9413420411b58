package sluice.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sluice.pipeline.Pipeline;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The cleaning steps recorded in a pipeline: replayed on fresh rows, refitted, saved and loaded. */
class CleaningPipelineTest {
    private final Table penguins = Penguins.read();

    private Pipeline recorded() {
        Pipeline pipeline = new Pipeline();
        Table table = penguins;
        for (sluice.pipeline.Step step : List.of(
                new DropMissingStep(List.of("sex"), DropMissingStep.How.ANY),
                new FillStep(List.of("bill_length_mm"), "mean"),
                new CastStep(List.of("species"), CastStep.To.CATEGORY),
                ClipStep.iqr(List.of("body_mass_g"), 1.5),
                new RenameStep(Map.of("bill_length_mm", "bill")),
                new DropStep(List.of("year")))) {
            sluice.pipeline.Step fitted = step.fit(table);
            table = fitted.apply(table);
            pipeline = pipeline.with(fitted);
        }
        return pipeline;
    }

    private static Table freshRows() {
        return Table.create("new",
                StringColumn.create("species", "Gentoo", "Adelie"),
                StringColumn.create("island", "Biscoe", "Dream"),
                DoubleColumn.create("bill_length_mm", new double[] {Double.NaN, 38.0}),
                DoubleColumn.create("bill_depth_mm", new double[] {15.0, Double.NaN}),
                IntColumn.create("flipper_length_mm", new int[] {220, 190}),
                IntColumn.create("body_mass_g", new int[] {9000, 3500}),
                StringColumn.create("sex", "", "female"),
                IntColumn.create("year", new int[] {2010, 2010}));
    }

    @Test
    void pipeline_listsItsStepsWithTheirLearnedValues() {
        assertThat(recorded().toString()).isEqualTo("""
                1. drop rows missing sex  (not replayed on new rows)
                2. fill bill_length_mm with mean 43.99
                3. cast species to category (3 levels)
                4. clip body_mass_g to [1712.5, 6612.5] (IQR × 1.5)
                5. rename bill_length_mm to bill
                6. drop year""");
    }

    @Test
    void pipeline_onFreshRows_appliesTheValuesLearnedOnPenguins() {
        Table clean = recorded().apply(freshRows());

        assertThat(clean.rowCount()).isEqualTo(2);
        assertThat(clean.columnNames()).containsExactly(
                "species", "island", "bill", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex");
        assertThat(clean.doubleColumn("bill").get(0)).isCloseTo(43.99279, within(1e-5));
        assertThat(clean.intColumn("body_mass_g").asList()).containsExactly(6612, 3500);
        assertThat(clean.stringColumn("sex").isMissing(0)).isTrue();
    }

    @Test
    void refitOnASubset_learnsFromThoseRowsOnly() {
        Table adelie = penguins.where(penguins.stringColumn("species").isEqualTo("Adelie"));

        Pipeline refitted = recorded().refit(adelie);

        FillStep fill = (FillStep) refitted.steps().get(1);
        CastStep cast = (CastStep) refitted.steps().get(2);
        assertThat((Double) fill.values().get("bill_length_mm")).isCloseTo(38.82397, within(1e-5));
        assertThat(cast.levels().get("species")).containsExactly("Adelie");
        assertThat(refitted.apply(freshRows()).doubleColumn("bill").get(0)).isCloseTo(38.82397, within(1e-5));
        assertThat(((FillStep) recorded().steps().get(1)).describe()).isEqualTo("fill bill_length_mm with mean 43.99");
    }

    @Test
    void pipeline_survivesJavaSerialization_andAppliesTheSame() throws Exception {
        Pipeline pipeline = recorded();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(pipeline);
        }
        Pipeline loaded;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            loaded = (Pipeline) in.readObject();
        }

        assertThat(loaded.toString()).isEqualTo(pipeline.toString());
        assertThat(loaded.steps()).isEqualTo(pipeline.steps());
        assertThat(loaded.apply(freshRows()).toString()).isEqualTo(pipeline.apply(freshRows()).toString());
    }
}
