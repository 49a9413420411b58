package sluice.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import sluice.model.Model;
import sluice.render.Chart;
import tech.tablesaw.api.Table;

/** %evaluate after %train of a regression on penguins: the metrics recomputed here, and the plots. */
class RegressionEvaluationTest extends EvaluationNotebook {

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
}
