package sluice.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import sluice.magic.UsageError;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** %evaluate's options and bad input: --on train, --no-plots, big test sets sampled, no model yet, no test rows. */
class EvaluateMagicTest extends EvaluationNotebook {

    @Test
    void onTrain_scoresTheTrainingRows() throws Exception {
        penguins();
        run("train tree --target species");
        Evaluation onTest = evaluate("evaluate --on test");
        Evaluation onTrain = evaluate("evaluate --on train");
        int trainRows = session.training().train().rowCount();
        assertThat(onTrain.header().line()).isEqualTo("tree classification of species, on " + trainRows + " training rows");
        assertThat(java.util.Arrays.stream(onTrain.confusionCounts()).flatMapToLong(java.util.Arrays::stream).sum())
                .isEqualTo(trainRows);
        assertThat(onTest.metrics()).isEqualTo(session.training().model().metrics());
        assertThat(onTrain.metrics().get("accuracy")).isGreaterThanOrEqualTo(onTest.metrics().get("accuracy"));
    }

    @Test
    void noPlots_leavesTheMetricsAndTablesOnly() throws Exception {
        penguins();
        run("train random-forest --target species --set trees=10");
        Evaluation evaluation = evaluate("evaluate --no-plots");
        assertThat(evaluation.charts()).isEmpty();
        assertThat(evaluation.bundle().data()).containsOnlyKeys("text/plain", "text/html");
        assertThat(evaluation.bundle().data().get("text/html").toString()).contains("confusion matrix").doesNotContain("<img");
    }

    @Test
    void bigTestSets_areSampledInTheScatterPlots_andTheRocCurveIsThinned() throws Exception {
        Random random = new Random(1);
        int n = 12_000;
        DoubleColumn x = DoubleColumn.create("x");
        DoubleColumn y = DoubleColumn.create("y");
        StringColumn label = StringColumn.create("label");
        for (int i = 0; i < n; i++) {
            double v = random.nextGaussian();
            x.append(v);
            y.append(2 * v + random.nextGaussian());
            label.append(v + random.nextGaussian() > 0 ? "yes" : "no");
        }
        session.setTable(Table.create("big", x, y, label));
        run("train linear --target y --exclude label --test-size 0.5");
        Evaluation regression = evaluate("evaluate");
        assertThat(regression.charts().get(0).series().get(0).x()).hasSize(Plots.POINTS);
        assertThat(regression.charts().get(0).note()).isEqualTo("5,000 of 6,000 rows sampled");
        assertThat(regression.bundle().data().get("text/plain").toString()).contains("5,000 of 6,000 rows sampled");

        run("train logistic --target label --exclude y --test-size 0.5");
        Evaluation classification = evaluate("evaluate");
        assertThat(classification.charts().get(1).series().get(0).x().size()).isLessThanOrEqualTo(Roc.POINTS + 1);
        assertThat(classification.auc()).isGreaterThan(0.7);
        assertThat(classification.bundle().data().toString().length()).isLessThan(1_000_000);
    }

    @Test
    void beforeTrain_saysToRunTrainFirst() throws Exception {
        penguins();
        assertThatThrownBy(() -> run("evaluate")).isInstanceOf(UsageError.class)
                .hasMessage("No model yet. Run %train ALGO --target COL first, e.g. %train random-forest --target species.");
    }

    @Test
    void onAnythingElse_isAClearError() throws Exception {
        penguins();
        run("train tree --target species");
        assertThatThrownBy(() -> run("evaluate --on validation")).isInstanceOf(UsageError.class)
                .hasMessage("--on takes test or train, not 'validation'.");
        assertThatThrownBy(() -> run("evaluate --on tset")).hasMessage("--on takes test or train, not 'tset'. Did you mean 'test'?");
        assertThatThrownBy(() -> run("evaluate --on")).isInstanceOf(UsageError.class).hasMessageContaining("--on");
        assertThatThrownBy(() -> run("evaluate --plots")).isInstanceOf(UsageError.class).hasMessageContaining("--plots");
    }

    @Test
    void withoutATestSplit_scoresTheTrainingRowsAndSaysSo() throws Exception {
        penguins();
        run("train tree --target species --test-size 0");
        Evaluation evaluation = evaluate("evaluate");
        assertThat(evaluation.header().on()).isEqualTo("training");
        assertThat(evaluation.bundle().data().get("text/plain").toString()).contains("note: no test split");
        assertThat(evaluation.metrics()).isEqualTo(session.training().model().metrics());
        assertThatThrownBy(() -> run("evaluate --on test")).hasMessageContaining("--on train");
    }
}
