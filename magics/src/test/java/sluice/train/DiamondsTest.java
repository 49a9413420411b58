package sluice.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import sluice.ingest.IngestMagic;
import sluice.magic.Magics;
import sluice.session.Session;

/**
 * ggplot2's diamonds (price), against scikit-learn on the same test rows. The rows and the
 * reference R² come from {@code peer_pipeline.py --split-out} (see bench/README.md, "diamonds"):
 * scikit-learn 1.2.1's LinearRegression on get_dummies(drop_first=True) gave R² 0.9189331.
 */
class DiamondsTest {
    private static final double SKLEARN_LINEAR_R2 = 0.9189331350419387;
    private static final String DATA = "src/test/resources/train/";
    /** The same file notebooks/regression.ipynb loads into PostgreSQL. */
    private static final String DIAMONDS = "../notebooks/data/diamonds.csv.gz";

    private final Session session = new Session();
    private final Magics magics = new Magics()
            .add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session))
            .add("train", Magics.Kind.LINE, () -> new TrainMagic(session, new PrintStream(new ByteArrayOutputStream())));

    private double r2(String line) throws Exception {
        magics.run(Magics.Kind.LINE, line + " --test-rows " + DATA + "diamonds_test_rows.txt.gz", null);
        assertThat(session.training().test().rowCount()).isEqualTo(10_788);
        return session.training().model().metrics().get("r2");
    }

    @Test
    void linear_matchesScikitLearnOnTheSameRows() throws Exception {
        magics.run(Magics.Kind.LINE, "ingest " + DIAMONDS, null);
        assertThat(r2("train linear --target price")).isCloseTo(SKLEARN_LINEAR_R2, Offset.offset(0.005));
    }

    @Test
    void randomForest_reaches097() throws Exception {
        magics.run(Magics.Kind.LINE, "ingest " + DIAMONDS, null);
        assertThat(r2("train random-forest --target price")).isGreaterThanOrEqualTo(0.97);
    }
}
