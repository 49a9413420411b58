package sluice.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.magic.UsageError;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class EncodingTest {
    @Test
    void textOfFewOrManyValues_encodesAsTheLevelIndex_andAnUnseenValueAsNone() {
        StringColumn few = StringColumn.create("few");
        StringColumn many = StringColumn.create("many"); // past 127 values: Tablesaw keys them by short, not byte
        for (int i = 0; i < 150; i++) {
            few.append("f" + i % 3);
            many.append(String.format("m%03d", 149 - i));
        }
        Table train = Table.create("t", few, many, DoubleColumn.create("x", new double[150]));
        Encoding encoding = Encoding.of(List.of("few", "many", "x")).fit(train).oneHot(false);
        Table rows = Table.create("r", StringColumn.create("few", "f2", "f9", "f0"),
                StringColumn.create("many", "m149", "m000", "zzz"), DoubleColumn.create("x", 1.5, 2.5, 3.5));
        double[][] x = encoding.matrix(rows);
        assertThat(x).isDeepEqualTo(new double[][] {{2, 149, 1.5}, {-1, 0, 2.5}, {0, -1, 3.5}});
    }

    @Test
    void aFeatureWithMissingValues_isRefusedByName_theFirstInFeatureOrder() {
        Table train = Table.create("t", IntColumn.create("n", 1, 2, 3), DoubleColumn.create("x", 1, 2, 3),
                StringColumn.create("s", "a", "b", "a"));
        Encoding encoding = Encoding.of(List.of("s", "x", "n")).fit(train);
        Table gaps = Table.create("t", IntColumn.create("n", 1, Integer.MIN_VALUE, 3),
                DoubleColumn.create("x", 1, Double.NaN, Double.NaN), StringColumn.create("s", "a", "b", "a"));
        assertThatThrownBy(() -> encoding.encoded(gaps)).isInstanceOf(UsageError.class)
                .hasMessageStartingWith("Feature 'x' has 2 missing values. Fill them first, e.g. %clean fill x --with median");
        gaps.replaceColumn("x", DoubleColumn.create("x", 1, 2, 3));
        assertThatThrownBy(() -> encoding.encoded(gaps)).hasMessageStartingWith("Feature 'n' has 1 missing value.");
    }
}
