package sluice.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import sluice.model.Model;
import sluice.model.Scores;
import sluice.render.Chart;
import sluice.render.ChartView;
import sluice.train.TrainReport;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** %evaluate after %train of a classifier on penguins: scores per class, confusion, ROC and AUC, recomputed here. */
class ClassificationEvaluationTest extends EvaluationNotebook {

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
}
