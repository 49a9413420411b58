package sluice.render;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.List;

/**
 * An HTML table styled as notebooks style pandas' ({@code class="dataframe"}), written header cells first,
 * then row by row; text is escaped, and the {@code Html} variants take markup as it is.
 */
public final class HtmlTable {
    private final StringBuilder html = new StringBuilder("<table class=\"dataframe\" border=\"1\"><thead><tr>");
    private boolean body;
    private boolean rowOpen;

    /** Header cells, one per text, before any row; or, after {@link #row()}, a row's header cell. */
    public HtmlTable th(String... texts) {
        for (String text : texts) {
            thHtml(escapeHtml4(text));
        }
        return this;
    }

    public HtmlTable th(List<String> texts) {
        return th(texts.toArray(String[]::new));
    }

    public HtmlTable thHtml(String markup) {
        return cell("<th>", markup, "</th>");
    }

    /** A header cell with a tooltip. */
    public HtmlTable thHtml(String markup, String title) {
        return cell("<th title=\"" + escapeHtml4(title) + "\">", markup, "</th>");
    }

    /** Data cells of the current row, one per text. */
    public HtmlTable td(String... texts) {
        for (String text : texts) {
            tdHtml(escapeHtml4(text));
        }
        return this;
    }

    public HtmlTable td(List<String> texts) {
        return td(texts.toArray(String[]::new));
    }

    public HtmlTable tdHtml(String markup) {
        return cell("<td>", markup, "</td>");
    }

    /** Starts the next row of the body (the first ends the header). */
    public HtmlTable row() {
        endRow();
        html.append("<tr>");
        rowOpen = true;
        return this;
    }

    /** The table's markup, closed. */
    public String html() {
        endRow();
        return html + "</tbody></table>";
    }

    private HtmlTable cell(String open, String markup, String close) {
        html.append(open).append(markup).append(close);
        return this;
    }

    private void endRow() {
        if (!body) {
            html.append("</tr></thead><tbody>");
            body = true;
        } else if (rowOpen) {
            html.append("</tr>");
            rowOpen = false;
        }
    }
}
