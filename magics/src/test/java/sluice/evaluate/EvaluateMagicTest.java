package sluice.evaluate;

import static sluice.magic.Notebook.PENGUINS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import sluice.magic.Notebook;
import sluice.magic.UsageError;
import sluice.model.Model;
import sluice.model.Scores;
import sluice.render.Chart;
import sluice.render.ChartView;
import sluice.session.Session;
import sluice.model.Model;
import sluice.model.Scores;
import sluice.train.TrainReport;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** %evaluate on penguins after %train: metrics recomputed here, the report's plots, and every bad input. */
class EvaluateMagicTest {
    private final Notebook notebook = new Notebook();
    private final Session session = notebook.session;

    private Object run(String line) throws Exception {
        return notebook.run(line);
    }

    private Evaluation evaluate(String line) throws Exception {
        return (Evaluation) run(line);
    }

    private void penguins() throws Exception {
        run("ingest " + PENGUINS);
        run("clean drop-missing sex");
    }

    @Test
    void regression_reportsTheMetricsTrainReported_andTheyMatchACountDoneHere() throws Exception {
        penguins();
        run("train linear --target body_mass_g");
        Model model = session.training().model();
        Evaluation evaluation = evaluate("evaluate");

        assertThat(evaluation.metrics()).isEqualTo(model.metrics());
        Table test = session.training().test();
        double[] actual = test.numberColumn("body_mass_g").asDoubleArray();
        double[] predicted = model.predictCleaned(test).values();
        double mean = java.util.Arrays.stream(actual).average().orElseThrow();
        double sse = 0;
        double sae = 0;
        double sape = 0;
        double sst = 0;
        for (int i = 0; i < actual.length; i++) {
            sse += Math.pow(actual[i] - predicted[i], 2);
            sae += Math.abs(actual[i] - predicted[i]);
            sape += Math.abs(actual[i] - predicted[i]) / actual[i];
            sst += Math.pow(actual[i] - mean, 2);
        }
        assertThat(evaluation.metrics().get("mse")).isCloseTo(sse / actual.length, within(1e-6));
        assertThat(evaluation.metrics().get("rmse")).isCloseTo(Math.sqrt(sse / actual.length), within(1e-9));
        assertThat(evaluation.metrics().get("mae")).isCloseTo(sae / actual.length, within(1e-9));
        assertThat(evaluation.metrics().get("mape")).isCloseTo(sape / actual.length, within(1e-12)).isBetween(0.0, 0.2);
        assertThat(evaluation.metrics().get("r2")).isCloseTo(1 - sse / sst, within(1e-12)).isGreaterThan(0.8);
        assertThat(evaluation.header().line()).isEqualTo("linear regression of body_mass_g, on 67 test rows");
    }

    @Test
    void regression_plotsPredictedAgainstActualWithTheDiagonal_andResiduals() throws Exception {
        penguins();
        run("train linear --target body_mass_g");
        Evaluation evaluation = evaluate("evaluate");

        assertThat(evaluation.charts()).extracting(Chart::title)
                .containsExactly("Predicted against actual body_mass_g", "Residuals of body_mass_g");
        Chart scatter = evaluation.charts().get(0);
        assertThat(scatter.series().get(0).x()).hasSize(67);
        Chart.Series diagonal = scatter.guides().get(0);
        assertThat(diagonal.x()).isEqualTo(diagonal.y());
        Chart residuals = evaluation.charts().get(1);
        assertThat(residuals.guides().get(0).y()).isEqualTo(List.of(0.0, 0.0));
        double[] actual = session.training().test().numberColumn("body_mass_g").asDoubleArray();
        assertThat((Double) residuals.series().get(0).y().get(5))
                .isCloseTo(actual[5] - (Double) residuals.series().get(0).x().get(5), within(1e-9));
        assertThat(evaluation.importance()).as("a linear model has no importance").isNull();

        Map<String, Object> bundle = evaluation.bundle().data();
        assertThat(bundle).containsOnlyKeys("text/plain", "text/html", "image/png");
        assertThat(bundle.get("text/plain").toString()).contains("rmse", "r2", "Scatter: Predicted against actual body_mass_g (67 points)",
                "feature importance: this model has none");
        assertThat(bundle.get("text/html").toString().split("<img src=\"data:image/png;base64,", -1)).hasSize(3);
    }

    @Test
    void bundlePng_holdsEveryPlot_forReadersThatShowOnlyTheImage() throws Exception {
        penguins();
        run("train random-forest --target body_mass_g --set trees=20");
        Evaluation evaluation = evaluate("evaluate");
        assertThat(evaluation.charts()).hasSize(3).last().extracting(Chart::kind).isEqualTo(Chart.Kind.BAR);
        byte[] png = Base64.getDecoder().decode((String) evaluation.bundle().data().get("image/png"));
        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(2 * 700);
        assertThat(image.getHeight()).isEqualTo(2 * 420);
    }

    @Test
    void classification_perClassScoresAndConfusion_matchACountDoneHere() throws Exception {
        penguins();
        run("train random-forest --target species --set trees=30");
        Model model = session.training().model();
        Table test = session.training().test();
        Evaluation evaluation = evaluate("evaluate");

        assertThat(evaluation.metrics()).isEqualTo(model.metrics());
        String[] predicted = model.predictCleaned(test).labels();
        StringColumn actual = test.stringColumn("species");
        long[][] counts = evaluation.confusionCounts();
        assertThat(evaluation.classes()).containsExactly("Adelie", "Chinstrap", "Gentoo");
        assertThat(java.util.Arrays.stream(counts).flatMapToLong(java.util.Arrays::stream).sum()).isEqualTo(test.rowCount());
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i].equals(actual.get(i)) ? 1 : 0;
        }
        assertThat(evaluation.metrics().get("accuracy")).isEqualTo((double) correct / test.rowCount());
        for (String species : evaluation.classes()) {
            long truePositive = 0;
            long predictedAs = 0;
            long actually = 0;
            for (int i = 0; i < predicted.length; i++) {
                truePositive += predicted[i].equals(species) && actual.get(i).equals(species) ? 1 : 0;
                predictedAs += predicted[i].equals(species) ? 1 : 0;
                actually += actual.get(i).equals(species) ? 1 : 0;
            }
            Scores.ClassScore score = evaluation.perClass().get(species);
            assertThat(score.precision()).as(species).isEqualTo((double) truePositive / predictedAs);
            assertThat(score.recall()).as(species).isEqualTo((double) truePositive / actually);
            assertThat(score.support()).as(species).isEqualTo(actually);
            int c = evaluation.classes().indexOf(species);
            assertThat(counts[c][c]).isEqualTo(truePositive);
        }
        assertThat(evaluation.auc()).as("ROC is for two classes").isNull();
        assertThat(evaluation.charts()).extracting(Chart::kind).containsExactly(Chart.Kind.HEATMAP, Chart.Kind.BAR);
        Chart heatmap = evaluation.charts().get(0);
        assertThat(heatmap.series().get(0).z().get(0).get(0)).isEqualTo((double) counts[0][0]);
        assertThat(heatmap.scale()).isEqualTo(Chart.Scale.SEQUENTIAL);
        @SuppressWarnings("unchecked")
        Map<String, Object> trace = ((List<Map<String, Object>>) ((Map<String, Object>) ChartView.bundle(heatmap).data()
                .get(ChartView.PLOTLY)).get("data")).get(0);
        long most = java.util.Arrays.stream(counts).flatMapToLong(java.util.Arrays::stream).max().orElseThrow();
        assertThat(trace).as("counts are coloured from 0, never negative").containsEntry("zmin", 0)
                .containsEntry("zmax", (double) most).doesNotContainKey("zmid");
        String plain = evaluation.bundle().data().get("text/plain").toString();
        assertThat(plain).contains("accuracy", "f1_macro", "macro average", "Chinstrap", "confusion matrix", "feature importance");
    }

    @Test
    void twoClasses_getTheRocCurveAndAnAucThatMatchesPairwiseCounting() throws Exception {
        penguins();
        run("train logistic --target sex");
        Model model = session.training().model();
        Table test = session.training().test();
        Evaluation evaluation = evaluate("evaluate");

        assertThat(model.classes()).containsExactly("female", "male");
        double[][] probabilities = model.predictCleaned(test).probabilities();
        StringColumn sex = test.stringColumn("sex");
        double above = 0;
        long pairs = 0;
        for (int p = 0; p < test.rowCount(); p++) {
            for (int n = 0; n < test.rowCount(); n++) {
                if (sex.get(p).equals("male") && sex.get(n).equals("female")) {
                    pairs++;
                    double difference = probabilities[p][1] - probabilities[n][1];
                    above += difference > 0 ? 1 : difference == 0 ? 0.5 : 0;
                }
            }
        }
        assertThat(evaluation.auc()).isCloseTo(above / pairs, within(1e-12)).isGreaterThan(0.8);

        Chart roc = evaluation.charts().get(1);
        assertThat(roc.kind()).isEqualTo(Chart.Kind.LINE);
        assertThat(roc.title()).contains("male positive", String.format("AUC %.3f", evaluation.auc()));
        List<?> fpr = roc.series().get(0).x();
        List<?> tpr = roc.series().get(0).y();
        assertThat(fpr.get(0)).isEqualTo(0.0);
        assertThat(tpr.get(0)).isEqualTo(0.0);
        assertThat(fpr.get(fpr.size() - 1)).isEqualTo(1.0);
        assertThat(tpr.get(tpr.size() - 1)).isEqualTo(1.0);
        double trapezoids = 0;
        for (int i = 1; i < fpr.size(); i++) {
            trapezoids += ((Double) fpr.get(i) - (Double) fpr.get(i - 1)) * ((Double) tpr.get(i) + (Double) tpr.get(i - 1)) / 2;
        }
        assertThat(trapezoids).as("the area under the drawn curve").isCloseTo(evaluation.auc(), within(1e-9));
        assertThat(roc.guides().get(0).x()).isEqualTo(List.of(0.0, 1.0));
        assertThat(evaluation.metrics().get("roc_auc")).isEqualTo(evaluation.auc());
        assertThat(evaluation.bundle().data().get("text/plain").toString())
                .containsPattern("(?m)^  roc_auc +" + Pattern.quote(Evaluation.fmt(evaluation.auc()) + " (positive class: male)") + "$");
    }

    @Test
    void trainAndEvaluate_showTheMetricsScikitLearnReports_forThreeClasses() throws Exception {
        penguins();
        TrainReport report = (TrainReport) run("train random-forest --target species --set trees=30");
        Model model = session.training().model();
        Evaluation evaluation = evaluate("evaluate");

        assertThat(model.metrics()).containsOnlyKeys("accuracy", "balanced_accuracy", "precision_macro", "recall_macro",
                "f1_macro", "cohen_kappa", "mcc", "log_loss", "roc_auc_ovr");
        String trained = report.bundle().data().get("text/plain").toString();
        String evaluated = evaluation.bundle().data().get("text/plain").toString();
        for (Map.Entry<String, Double> metric : model.metrics().entrySet()) {
            String shown = Evaluation.fmt(metric.getValue());
            assertThat(shown).as(metric.getKey()).matches("0\\.\\d{4}|1\\.0000");
            assertThat(trained).as("%train").containsPattern("(?m)(^test |\\(|, )" + metric.getKey() + " " + Pattern.quote(shown));
            assertThat(evaluated).as("%evaluate").containsPattern("(?m)^  " + metric.getKey() + " +" + Pattern.quote(shown) + "$");
        }
        assertThat(model.metrics().get("cohen_kappa")).isGreaterThan(0.9);
        assertThat(model.metrics().get("roc_auc_ovr")).isGreaterThan(0.95);

        Table test = session.training().test();
        double[][] probabilities = model.predictCleaned(test).probabilities();
        double loss = 0;
        for (int i = 0; i < test.rowCount(); i++) {
            loss -= Math.log(Math.max(1e-300, probabilities[i][model.classes().indexOf(test.stringColumn("species").get(i))]));
        }
        assertThat(model.metrics().get("log_loss")).isCloseTo(loss / test.rowCount(), within(1e-9));
    }

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
