package sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.model.Predictions;
import sluice.model.Task;

/** A batch's answer as CSV: labels a spreadsheet reads back as they were, and chunks written in order. */
class BatchPredictionsTest {
    @Test
    void labelsWithACommaOrAQuote_areQuoted_andEveryChunkIsWrittenInOrder() {
        List<String> classes = List.of("small, light", "the \"big\" one");
        BatchPredictions scores = new BatchPredictions(Task.CLASSIFICATION, classes);
        scores.add(new Predictions(Task.CLASSIFICATION, classes, null, new String[] {"small, light"}, new double[][] {{0.75, 0.25}}));
        scores.add(new Predictions(Task.CLASSIFICATION, classes, null, new String[] {"the \"big\" one", "small, light"},
                new double[][] {{0.5, 0.5}, {1, 0}}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        scores.writeCsv(out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                prediction,"probability_small, light","probability_the ""big"" one"
                "small, light",0.75,0.25
                "the ""big"" one",0.5,0.5
                "small, light",1.0,0.0
                """);
        assertThat(scores.rows()).isEqualTo(3);
    }

    @Test
    void aPredictionJsonCannotHold_isAnEmptyCell() {
        BatchPredictions scores = new BatchPredictions(Task.REGRESSION, List.of());
        scores.add(new Predictions(Task.REGRESSION, List.of(), new double[] {1.5, Double.NaN}, null, null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        scores.writeCsv(out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("prediction\n1.5\n\n");
    }
}
