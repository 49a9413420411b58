package sluice.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import sluice.clean.CleanMagic;
import sluice.ingest.IngestMagic;
import sluice.magic.Magics;
import sluice.session.Session;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** {@code %train --cv}: each fold fits the recorded steps on its own training rows, so held-out rows leak nothing. */
class TrainCrossValidationTest {
    private static final Path DATA = Path.of("src/test/resources/train/");
    /** cv_mean_fill.py: cross_val_score of Pipeline(SimpleImputer(mean), LinearRegression) on Sluice's folds. */
    private static final double[] SKLEARN_R2 = {0.9263214760612052, 0.9498435185133332, 0.8995212657964645,
            0.7703625184789311, 0.7889454232102694};
    /** The same, imputing with the means of all rows before the folds: what a leak gives. */
    private static final double[] LEAKY_R2 = {0.9252004204458922, 0.9493852609441338, 0.8986281768741,
            0.7609632707206996, 0.7913799020365837};

    private final Session session = new Session();
    private final Magics magics = new Magics()
            .add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session))
            .add("clean", Magics.Kind.LINE, () -> new CleanMagic(session))
            .add("train", Magics.Kind.LINE, () -> new TrainMagic(session, new PrintStream(new ByteArrayOutputStream())));

    private Object run(String line) throws Exception {
        return magics.run(Magics.Kind.LINE, line, null);
    }

    @Test
    void cv_meanFill_equalsScikitLearnsPipelineOnTheSameFolds() throws Exception {
        int[] fold = Files.readAllLines(DATA.resolve("cv_mean_fill_folds.txt")).stream().mapToInt(Integer::parseInt).toArray();
        List<Split> folds = Split.folds(fold.length, 5, 42, null);
        for (int f = 0; f < 5; f++) {
            int number = f;
            assertThat(folds.get(f).test()).as("fold %d, as cv_mean_fill.py read it", f)
                    .containsExactly(java.util.stream.IntStream.range(0, fold.length).filter(r -> fold[r] == number).toArray());
        }
        run("ingest " + DATA.resolve("cv_mean_fill.csv"));
        run("clean fill a,b,c --with mean");
        TrainReport report = (TrainReport) run("train linear --target y --test-size 0 --cv 5");

        for (int f = 0; f < 5; f++) {
            assertThat(report.crossScores()[f]).as("fold %d", f).isCloseTo(SKLEARN_R2[f], Offset.offset(1e-9))
                    .isNotCloseTo(LEAKY_R2[f], Offset.offset(1e-4));
        }
        assertThat(report.lines()).contains("5-fold cross-validated r2 on the training rows: 0.8670 ± 0.0820 "
                + "(each fold fits the cleaning step and the encoding on its own training rows)");
    }

    @Test
    void cv_withMissingFeatures_countsThemInAllTrainingRows() throws Exception {
        run("ingest " + DATA.resolve("cv_mean_fill.csv"));
        int missing = session.raw().column("a").countMissing();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run("train linear --target y --test-size 0 --cv 5"))
                .isInstanceOf(sluice.magic.UsageError.class)
                .hasMessageStartingWith("Feature 'a' has " + missing + " missing values. Fill them first");
    }

    @Test
    void cv_fillsEachFoldWithTheMeanOfItsOwnTrainingRows() throws Exception {
        // y = 2x + 1 where x is known; y = 50 where it is missing, so the fill value moves every score.
        int n = 30;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            boolean missing = i % 4 == 1;
            x[i] = missing ? Double.NaN : (i * 7 % 11) + i / 10.0;
            y[i] = missing ? 50 : 2 * x[i] + 1;
        }
        session.setTable(Table.create("t", DoubleColumn.create("x", x), DoubleColumn.create("y", y)));
        run("clean fill x --with mean");
        TrainReport report = (TrainReport) run("train linear --target y --test-size 0 --cv 3");

        List<Split> folds = Split.folds(n, 3, 42, null);
        double wholeMean = mean(x, java.util.stream.IntStream.range(0, n).toArray());
        boolean leakShows = false;
        for (int f = 0; f < 3; f++) {
            Split fold = folds.get(f);
            double honest = r2(x, y, fold, mean(x, fold.train()));
            assertThat(report.crossScores()[f]).as("fold %d", f).isCloseTo(honest, Offset.offset(1e-9));
            leakShows |= Math.abs(r2(x, y, fold, wholeMean) - honest) > 1e-3;
        }
        assertThat(leakShows).as("the whole split's mean would give other scores").isTrue();
    }

    /** The mean of the known values of {@code x} among {@code rows}. */
    private static double mean(double[] x, int[] rows) {
        return java.util.Arrays.stream(rows).mapToDouble(r -> x[r]).filter(v -> !Double.isNaN(v)).average().orElseThrow();
    }

    /** R² on the fold's held-out rows of the least-squares line through its training rows, x filled with {@code fill}. */
    private static double r2(double[] x, double[] y, Split fold, double fill) {
        double[] filled = java.util.Arrays.stream(x).map(v -> Double.isNaN(v) ? fill : v).toArray();
        int[] train = fold.train();
        double mx = java.util.Arrays.stream(train).mapToDouble(r -> filled[r]).average().orElseThrow();
        double my = java.util.Arrays.stream(train).mapToDouble(r -> y[r]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (int r : train) {
            sxy += (filled[r] - mx) * (y[r] - my);
            sxx += (filled[r] - mx) * (filled[r] - mx);
        }
        double slope = sxy / sxx;
        int[] test = fold.test();
        double mean = java.util.Arrays.stream(test).mapToDouble(r -> y[r]).average().orElseThrow();
        double sse = 0;
        double sst = 0;
        for (int r : test) {
            double predicted = my + slope * (filled[r] - mx);
            sse += (y[r] - predicted) * (y[r] - predicted);
            sst += (y[r] - mean) * (y[r] - mean);
        }
        return 1 - sse / sst;
    }
}
