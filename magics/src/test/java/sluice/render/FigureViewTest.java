package sluice.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.ScatterTrace;

class FigureViewTest {
    @Test
    void aTablesawFigure_drawsWithTheOfflinePlotly_andSaysWhatItIsWithoutJavaScript() {
        Figure figure = new Figure(ScatterTrace.builder(new double[] {1, 2, 3}, new double[] {2, 4, 9}).build());
        Bundle bundle = FigureView.bundle(figure);
        String html = bundle.data().get("text/html").toString();
        assertThat(html).contains("Plotly.newPlot").contains("kernelspecs/").contains("sluice-static")
                .doesNotContain("<script>").doesNotContainPattern("https?://");
        assertThat(bundle.data().get("text/plain")).isEqualTo("Plotly figure (1 traces)");
    }

    @Test
    void theNamesTablesawDeclaresFromTheId_areJavaScriptNames() {
        Figure figure = new Figure(ScatterTrace.builder(new double[] {1, 2}, new double[] {3, 4}).build());
        String html = FigureView.bundle(figure).data().get("text/html").toString();
        java.util.regex.Matcher declared = java.util.regex.Pattern.compile("\\bvar\\s+([^\\s=;]+)").matcher(html);
        int names = 0;
        while (declared.find()) {
            assertThat(declared.group(1)).matches("[A-Za-z_$][A-Za-z0-9_$]*");
            names++;
        }
        assertThat(names).isGreaterThan(1);
    }
}
