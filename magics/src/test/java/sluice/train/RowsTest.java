package sluice.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

class RowsTest {
    private static final int[] PICKED = {1, 2, 5, 8, 9, 13, 20, 21, 22, 40};

    @Test
    void pickedRows_areTheColumnsTablesawsSubsetGives_dictionariesIncluded() {
        Table table = table(new Random(3), 50, 4);
        Table picked = Rows.of(table, PICKED);
        for (Column<?> column : table.columns()) {
            Column<?> expected = column.subset(PICKED);
            Column<?> actual = picked.column(column.name());
            assertThat(actual.type()).isEqualTo(expected.type());
            assertThat(actual.asList()).isEqualTo(expected.asList());
            assertThat(actual.countMissing()).isEqualTo(expected.countMissing());
            if (actual instanceof StringColumn text) {
                // Same keys, counts and next key: it sorts, counts and takes new values as subset's column does.
                assertThat(text.getDictionary()).isEqualTo(((StringColumn) expected).getDictionary());
                assertThat(text.asSet()).isEqualTo(((StringColumn) expected).asSet());
                text.append("new").appendMissing();
                ((StringColumn) expected).append("new").appendMissing();
                assertThat(text.getDictionary()).isEqualTo(((StringColumn) expected).getDictionary());
                assertThat(text.countByCategory().printAll()).isEqualTo(((StringColumn) expected).countByCategory().printAll());
            }
        }
    }

    @Test
    void aTextColumnOfManyValues_andNoRows_arePickedToo() {
        Table table = table(new Random(4), 400, 300);
        assertThat(Rows.of(table, PICKED).stringColumn("level").asList()).isEqualTo(table.stringColumn("level").subset(PICKED).asList());
        assertThat(Rows.of(table, new int[0]).rowCount()).isZero();
        assertThat(Rows.of(table, new int[0]).columnNames()).isEqualTo(table.columnNames());
    }

    /** A decimal and an integer column with gaps, and a text column of {@code levels} values with gaps. */
    private static Table table(Random random, int rows, int levels) {
        DoubleColumn x = DoubleColumn.create("x");
        IntColumn n = IntColumn.create("n");
        StringColumn level = StringColumn.create("level");
        for (int i = 0; i < rows; i++) {
            if (random.nextInt(5) == 0) {
                x.appendMissing();
                n.appendMissing();
                level.appendMissing();
            } else {
                x.append(random.nextGaussian());
                n.append(random.nextInt(100));
                level.append("v" + random.nextInt(levels));
            }
        }
        return Table.create("t", x, n, level);
    }
}
