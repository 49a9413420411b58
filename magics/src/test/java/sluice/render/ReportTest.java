package sluice.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The one report builder: each element's HTML and text, escaping, and the column type words. */
class ReportTest {
    private static String html(Report report) {
        return report.bundle().data().get("text/html").toString();
    }

    private static String plain(Report report) {
        return report.bundle().data().get("text/plain").toString();
    }

    @Test
    void titleNotesWarningsAndLines_escapeTheirText_inOneDiv() {
        Report report = new Report("demo").title("a → b <1>").note("read as UTF-8").warning("open to all & any")
                .lines(List.of("rows: 3", "x < y")).hint("next: %deploy");

        assertThat(html(report)).isEqualTo("<div class=\"sluice-demo\"><p><b>a &rarr; b &lt;1&gt;</b></p>"
                + "<p class=\"sluice-note\">read as UTF-8</p><p style=\"color:#b00\">open to all &amp; any</p>"
                + "<ul><li>rows: 3</li><li>x &lt; y</li></ul><p><small>next: %deploy</small></p></div>");
        assertThat(plain(report)).isEqualTo("a → b <1>\nread as UTF-8\nopen to all & any\nrows: 3\nx < y\nnext: %deploy");
    }

    @Test
    void tables_areAlignedInText_andLabelledRowsAreRowHeadersInHtml() {
        Report report = new Report("demo").title("t")
                .table(null, List.of("column", "type"), List.of(List.of("bill", "decimal"), List.of("a&b", "text")))
                .labelledTable("metrics", List.of("metric", "value"), List.of(List.of("r2", "0.9000")));

        assertThat(plain(report)).isEqualTo("t\n\n  column  type\n  bill    decimal\n  a&b     text\n\nmetrics:\n  metric  value\n  r2      0.9000");
        assertThat(html(report)).contains("<tbody><tr><td>bill</td><td>decimal</td></tr><tr><td>a&amp;b</td>")
                .contains("<p>metrics:</p><table class=\"dataframe\" border=\"1\"><thead><tr><th>metric</th><th>value</th></tr>"
                        + "</thead><tbody><tr><th>r2</th><td>0.9000</td></tr></tbody></table>");
    }

    @Test
    void listCodeAndRows_haveACaption_andAnEmptyListShowsNothing() {
        Table rows = Table.create("t", StringColumn.create("name", "x"), DoubleColumn.create("size", 1.5));
        Report report = new Report("demo").title("t").list("Warnings", List.of("constant: c")).list("Nothing", List.of())
                .codes(List.of("POST /predict", "GET /health")).code("Try it", "curl -d '{\"a\": 1}'").rows("First rows", rows);

        assertThat(html(report)).contains("<p><b>t</b></p><p><b>Warnings</b></p><ul><li>constant: c</li></ul><p><code>POST /predict</code> · "
                        + "<code>GET /health</code></p><p>Try it:</p><pre>curl -d '{&quot;a&quot;: 1}'</pre><p>First rows:</p>")
                .doesNotContain("Nothing")
                .contains("<th title=\"DoubleColumn\">size<br><small style=\"font-weight:normal\">decimal</small></th>")
                .doesNotContain("1 row × 2 columns");
        assertThat(plain(report)).startsWith("t\n\nWarnings:\n- constant: c\nPOST /predict   GET /health\nTry it:\ncurl -d '{\"a\": 1}'\n\n"
                + "First rows:\n").contains("1.5");
    }

    @Test
    void typeNames_areTheWordsEveryOutputUses() {
        assertThat(TypeNames.of(DoubleColumn.create("d").type())).isEqualTo("decimal");
        assertThat(TypeNames.of("LOCAL_DATE_TIME")).isEqualTo("date-time");
        assertThat(TypeNames.column(tech.tablesaw.api.ColumnType.INTEGER)).isEqualTo("an integer column");
        assertThat(TypeNames.column(tech.tablesaw.api.ColumnType.LOCAL_DATE)).isEqualTo("a date column");
    }
}
