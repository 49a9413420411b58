package sluice.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one HTML table the reports write: header, rows, escaping. */
class HtmlTableTest {
    @Test
    void headerThenRows_escapingTextButNotMarkup() {
        String html = new HtmlTable().th("name", "a<b").row().th("1").td("x & y").tdHtml("<i>NA</i>").html();
        assertThat(html).isEqualTo("<table class=\"dataframe\" border=\"1\"><thead><tr><th>name</th><th>a&lt;b</th></tr></thead>"
                + "<tbody><tr><th>1</th><td>x &amp; y</td><td><i>NA</i></td></tr></tbody></table>");
    }

    @Test
    void withoutRows_isAHeaderAndAnEmptyBody() {
        assertThat(new HtmlTable().th(List.of("column")).thHtml("t", "title \"q\"").html())
                .isEqualTo("<table class=\"dataframe\" border=\"1\"><thead><tr><th>column</th><th title=\"title &quot;q&quot;\">t</th>"
                        + "</tr></thead><tbody></tbody></table>");
    }
}
