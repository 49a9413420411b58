package sluice.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sluice.ingest.IngestMagic;
import sluice.magic.Magics;
import sluice.magic.UsageError;
import sluice.model.Model;
import sluice.model.Predictions;
import sluice.model.Task;
import sluice.session.Session;

/**
 * Issue 12's parity suite: each algorithm on each data set of {@code src/test/resources/parity/}
 * gives scikit-learn's test metric (R² or accuracy) on scikit-learn's split, and, for the linear
 * models, scikit-learn's predictions of the first five test rows from {@code model().predict(raw rows)}.
 * The data are scikit-learn's bundled diabetes, iris, wine and digits, ggplot2's txhousing, and
 * sets that {@code sklearn_reference.py} (beside them) generates from fixed numpy seeds and writes
 * as CSV, so that Sluice and scikit-learn read the same numbers: badly scaled, collinear and
 * duplicated, constant columns, 150 levels, issue 12's own case, classes of two rows. The same
 * script writes the splits and the reference figures, {@code reference.json}; its docstring gives
 * the matched settings. Each case names its data set, target and algorithm in every message.
 *
 * <p>Tolerances: linear and ridge 1e-6 relative (plus scikit-learn's own rounding, {@code
 * sklearn_error}: its LinearRegression loses digits beside a 1e9 column), lasso 1e-5, logistic
 * 1e-4 on each probability with the same labels and accuracy. Random forest and gradient boosting
 * at their defaults must reach the metric of scikit-learn's defaults within 0.02, or one test row
 * of accuracy where the test rows are fewer than 50; for a forest, whose metric moves with its seed
 * by more than that (scikit-learn's on scaled.label: 0.805 to 0.84 over 20 seeds), the lower of
 * scikit-learn's random_state=0 and its mean over random_state 0 to 9 ({@code seed_mean}) (doing better is allowed: scikit-learn's fully grown single tree, say, overfits diabetes); a single tree, whose
 * greedy splits follow every tie and rounding, within 0.07 (two of iris' 30 test rows). Relative means |Sluice − sklearn| ≤ tol · max(1, |sklearn|).
 */
class ParityTest {
    static final Path DIR = Path.of("src/test/resources/parity");

    private final Session session = new Session();
    private final Magics magics = new Magics()
            .add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session, new PrintStream(new ByteArrayOutputStream())))
            .add("train", Magics.Kind.LINE, () -> new TrainMagic(session, new PrintStream(new ByteArrayOutputStream())));

    static Stream<Arguments> cases() throws Exception {
        JsonNode reference = new ObjectMapper().readTree(DIR.resolve("reference.json").toFile());
        return StreamSupport.stream(reference.get("cases").spliterator(), false)
                .map(c -> Arguments.of(c.get("name").asText(), c));
    }

    /** The tolerance of the metric and of each prediction, for the algorithm {@code %train} runs. */
    static double tolerance(String algorithm) {
        return switch (algorithm) {
            case "linear", "ridge" -> 1e-6;
            case "lasso" -> 1e-5;
            case "logistic" -> 1e-4;
            case "tree" -> 0.07;
            default -> 0.02;
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesScikitLearn(String name, JsonNode expected) throws Exception {
        String line = expected.get("train").asText() + " --test-rows " + DIR.resolve(expected.get("test_rows").asText());
        try {
            magics.run(Magics.Kind.LINE, "ingest " + DIR.resolve(expected.get("file").asText()), null);
            magics.run(Magics.Kind.LINE, line, null);
        } catch (UsageError e) {
            throw new AssertionError(name + ": %" + line + " refused: " + e.getMessage(), e);
        }
        Model model = session.training().model();
        double tolerance = tolerance(model.algorithm());
        boolean exact = tolerance < 1e-3;
        JsonNode sklearnError = expected.path("sklearn_error");
        SoftAssertions softly = new SoftAssertions();

        softly.assertThat(session.training().test().rowCount()).as("%s: test rows", name)
                .isEqualTo(expected.get("test_count").asInt());
        String metric = expected.get("metric").asText();
        double score = expected.get("score").asDouble();
        if (exact) {
            close(softly, name + ": test " + metric, model.metrics().get(metric), score,
                    tolerance * Math.max(1, Math.abs(score)) + sklearnError.path("score").asDouble());
        } else {
            // An accuracy moves in steps of one test row: on 26 rows one row is 0.038, more than 0.02 says.
            double allowed = metric.equals("accuracy")
                    ? Math.max(tolerance, 1.0 / expected.get("test_count").asInt() + 1e-9) : tolerance;
            double got = model.metrics().get(metric);
            // A forest's metric moves with its seed: the bar is scikit-learn's random_state=0 or its mean over 0-9.
            double bar = Math.min(score, expected.path("seed_mean").asDouble(score));
            softly.assertThat(got).as("%s: test %s is %.8g against scikit-learn's %.8g: below it by more than %.2g",
                    name, metric, got, bar, allowed).isGreaterThanOrEqualTo(bar - allowed);
        }

        if (exact) {
            JsonNode rows = expected.get("rows");
            for (int i = 0; i < rows.size(); i++) {
                int row = rows.get(i).asInt();
                Predictions predicted = model.predict(session.raw().rows(row));
                if (model.task() == Task.REGRESSION) {
                    double value = expected.get("predictions").get(i).asDouble();
                    close(softly, name + ": prediction of row " + row, predicted.values()[0], value,
                            (tolerance + sklearnError.path("predictions").asDouble()) * Math.max(1, Math.abs(value)));
                } else {
                    softly.assertThat(predicted.labels()[0]).as("%s: label of row %d", name, row)
                            .isEqualTo(expected.get("labels").get(i).asText());
                    expected.get("probabilities").get(i).fields().forEachRemaining(p -> close(softly,
                            name + ": probability of " + p.getKey() + " for row " + row,
                            predicted.probabilities(0).get(p.getKey()), p.getValue().asDouble(), tolerance));
                }
            }
        }
        softly.assertAll();
    }

    private static void close(SoftAssertions softly, String what, double got, double want, double allowed) {
        softly.assertThat(got).as("%s is %.8g against scikit-learn's %.8g: off by %.2g, allowed %.2g",
                what, got, want, Math.abs(got - want), allowed).isCloseTo(want, Offset.offset(allowed));
    }
}
