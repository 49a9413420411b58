package sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Reading bodies into the reused request table: a refused request leaves nothing behind for the next. */
class PredictRequestTest {
    @Test
    void aRequestRefusedHalfwayThrough_leavesNoRowsForTheNextOnTheSameThread() throws Exception {
        sluice.model.Model model = Trained.regression().session.training().model();
        Served served = Served.of(model, Version.of(model), false);
        String good = "[\"Adelie\", \"Torgersen\", 39.1, 18.7, 181, \"male\"]";

        assertThatThrownBy(() -> PredictRequest.rows(bytes("{\"features\": [" + good + ", " + good + ", [\"Adelie\", 1]]}"), served))
                .isInstanceOf(BadRequest.class);
        Table next = PredictRequest.rows(bytes("{\"features\": " + good + "}"), served);

        assertThat(next.rowCount()).isEqualTo(1);
        assertThat(next.columnNames()).contains("body_mass_g", "year");
        assertThat(next.column("body_mass_g").isMissing(0)).isTrue();
        assertThat(next.doubleColumn("bill_length_mm").get(0)).isEqualTo(39.1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
