package sluice.eda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.moment.Skewness;
import org.junit.jupiter.api.Test;
import sluice.clean.CleanMagic;
import sluice.ingest.IngestMagic;
import sluice.magic.Magics;
import sluice.session.Session;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The overview's fast paths (primitive passes, selection, hashing, dictionary counts) give the
 * numbers Tablesaw's own aggregates give, and the duplicate count is what {@code %clean dedupe} drops.
 */
class EdaFastPathsTest {
    private static final Path PENGUINS = Path.of("src/test/resources/ingest/penguins.csv");

    private static Table messy(int rows, long seed) {
        Random random = new Random(seed);
        DoubleColumn x = DoubleColumn.create("x");
        DoubleColumn y = DoubleColumn.create("y");
        IntColumn n = IntColumn.create("n");
        StringColumn s = StringColumn.create("s");
        for (int i = 0; i < rows; i++) {
            double v = Math.round(random.nextGaussian() * 1000) / 100.0;
            if (random.nextInt(10) == 0) {
                x.appendMissing();
            } else {
                x.append(v);
            }
            y.append(random.nextInt(20) == 0 ? Double.NaN : 3 * v + random.nextGaussian() + (i % 7 == 0 ? -0.0 : 0.0));
            if (random.nextInt(8) == 0) {
                n.appendMissing();
            } else {
                n.append(random.nextInt(50) - 25);
            }
            s.append(random.nextInt(9) == 0 ? "" : "v" + random.nextInt(12));
        }
        return Table.create("messy", x, y, n, s);
    }

    @Test
    void numericProfile_isBitForBitTablesaws() {
        Table table = messy(20_001, 7);
        for (String name : new String[] {"x", "y", "n"}) {
            NumericColumn<?> column = table.numberColumn(name);
            NumericColumn<?> present = (NumericColumn<?>) column.removeMissing();
            ColumnProfile p = ColumnProfile.of(column);
            assertThat(p.missing()).as(name).isEqualTo(column.countMissing());
            assertThat(p.distinct()).as(name).isEqualTo(column.countUnique() - (column.countMissing() > 0 ? 1 : 0));
            assertThat(p.mean()).as(name).isEqualTo(present.mean());
            assertThat(p.std()).as(name).isEqualTo(present.standardDeviation());
            assertThat(p.min()).as(name).isEqualTo(present.min());
            assertThat(p.q1()).as(name).isEqualTo(present.quartile1());
            assertThat(p.median()).as(name).isEqualTo(present.median());
            assertThat(p.q3()).as(name).isEqualTo(present.quartile3());
            assertThat(p.max()).as(name).isEqualTo(present.max());
            assertThat(p.skew()).as(name).isEqualTo(new Skewness().evaluate(present.asDoubleArray()));
        }
    }

    @Test
    void topValues_fromTheDictionary_matchACountByRow() {
        StringColumn s = messy(5_000, 3).stringColumn("s");
        assertThat(ValueCounts.of(s, "NA")).isEqualTo(ValueCounts.sorted(ValueCounts.byRow(s, "NA")));
        assertThat(ValueCounts.of(s, null)).isEqualTo(ValueCounts.sorted(ValueCounts.byRow(s, null)));
    }

    @Test
    void correlations_matchCommonsMath_overRowsWhereBothArePresent() {
        Table table = messy(10_000, 11);
        Correlations correlations = Correlations.of(table);
        assertThat(correlations.columns()).containsExactly("x", "y", "n");
        assertThat(correlations.heatmap().scale()).as("-1..1 around 0").isEqualTo(sluice.render.Chart.Scale.DIVERGING);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != j) {
                    assertThat(correlations.r()[i][j]).isCloseTo(commons(table.numberColumn(i), table.numberColumn(j)),
                            org.assertj.core.data.Offset.offset(1e-12));
                }
            }
        }
        Table constant = Table.create("c", DoubleColumn.create("a", 0.1, 0.1, 0.1, 0.1), DoubleColumn.create("b", 1, 2, 3, 5));
        assertThat(Correlations.of(constant).r()[0][1]).as("a constant column has no correlation").isNaN();
    }

    private static double commons(NumericColumn<?> a, NumericColumn<?> b) {
        double[] x = new double[a.size()];
        double[] y = new double[a.size()];
        int n = 0;
        for (int row = 0; row < a.size(); row++) {
            if (!a.isMissing(row) && !b.isMissing(row)) {
                x[n] = a.getDouble(row);
                y[n++] = b.getDouble(row);
            }
        }
        return new PearsonsCorrelation().correlation(java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n));
    }

    @Test
    void duplicateRows_withMissingValues_areCountedAsDedupeDropsThem() throws Exception {
        Session session = new Session();
        Magics magics = new Magics().add("clean", Magics.Kind.LINE, () -> new CleanMagic(session));
        Table table = messy(3_000, 5).first(1_000);
        table.append(table.first(40));
        Table withRepeats = table.copy();
        session.setTable(withRepeats);
        assertThat(DuplicateRows.count(withRepeats)).isEqualTo(40);
        assertThat(Overview.of(withRepeats, true).warnings()).contains("40 duplicate rows: %clean dedupe");
        magics.run(Magics.Kind.LINE, "clean dedupe", null);
        assertThat(session.table().rowCount()).as("what the warning points to drops as many").isEqualTo(1_000);
        assertThat(DuplicateRows.count(session.table())).isZero();
    }

    @Test
    void overviewPastItsDelay_showsAProgressLine() throws Exception {
        Session session = new Session();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Magics magics = new Magics().add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session))
                .add("eda", Magics.Kind.LINE, () -> new EdaMagic(session, out, Duration.ZERO));
        magics.run(Magics.Kind.LINE, "ingest " + PENGUINS, null);
        magics.run(Magics.Kind.LINE, "eda", null);
        assertThat(printed.toString(StandardCharsets.UTF_8)).containsPattern("\\rexploring penguins\\.csv: \\d+ s, .*done\n$");
    }
}
