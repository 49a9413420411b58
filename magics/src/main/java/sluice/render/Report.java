package sluice.render;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A magic's report as a cell shows it, written once for HTML and for text: a title, lines, notes, warnings,
 * tables, code and charts, in order. Reports supply the words; this class decides the markup, the escaping
 * and the text layout, so every report looks alike.
 */
public final class Report {
    private final StringBuilder html;
    private final StringBuilder plain = new StringBuilder();

    /** A report whose HTML is a {@code <div class="sluice-KIND">}, e.g. sluice-ingest. */
    public Report(String kind) {
        html = new StringBuilder("<div class=\"sluice-").append(kind).append("\">");
    }

    /** The first, bold line: what was done, on what. */
    public Report title(String line) {
        return paragraph("<b>", line, "</b>");
    }

    /** A line to read on the side: how something was read, what was left alone. */
    public Report note(String line) {
        html.append("<p class=\"sluice-note\">").append(escapeHtml4(line)).append("</p>");
        plain.append(line).append('\n');
        return this;
    }

    /** A line the user should act on, shown in red. */
    public Report warning(String line) {
        html.append("<p style=\"color:#b00\">").append(escapeHtml4(line)).append("</p>");
        plain.append(line).append('\n');
        return this;
    }

    /** Facts, one per line: a bulleted list in HTML. */
    public Report lines(List<String> lines) {
        html.append("<ul>");
        lines.forEach(line -> html.append("<li>").append(escapeHtml4(line)).append("</li>"));
        html.append("</ul>");
        lines.forEach(line -> plain.append(line).append('\n'));
        return this;
    }

    /** A bold heading over a bulleted list; nothing when the list is empty. */
    public Report list(String heading, List<String> items) {
        if (!items.isEmpty()) {
            html.append("<p><b>").append(escapeHtml4(heading)).append("</b></p><ul>");
            items.forEach(item -> html.append("<li>").append(escapeHtml4(item)).append("</li>"));
            html.append("</ul>");
            plain.append('\n').append(heading).append(":\n");
            items.forEach(item -> plain.append("- ").append(item).append('\n'));
        }
        return this;
    }

    /** A table of text cells under a caption (null for none); in text, aligned columns after a blank line. */
    public Report table(String caption, List<String> columns, List<List<String>> rows) {
        return table(caption, columns, rows, false);
    }

    /** As {@link #table}, where each row's first cell names the row (a metric, a class). */
    public Report labelledTable(String caption, List<String> columns, List<List<String>> rows) {
        return table(caption, columns, rows, true);
    }

    private Report table(String caption, List<String> columns, List<List<String>> rows, boolean labelled) {
        HtmlTable table = new HtmlTable().th(columns);
        for (List<String> row : rows) {
            table.row();
            if (labelled) {
                table.th(row.get(0)).td(row.subList(1, row.size()));
            } else {
                table.td(row);
            }
        }
        html.append(caption == null ? "" : "<p>" + escapeHtml4(caption) + ":</p>").append(table.html());
        plain.append('\n').append(caption == null ? "" : caption + ":\n").append(aligned(columns, rows));
        return this;
    }

    /** A Tablesaw table's rows under a caption, as the table view shows them (without its shape line). */
    public Report rows(String caption, Table rows) {
        html.append("<p>").append(escapeHtml4(caption)).append(":</p>").append(TableView.htmlRows(rows));
        plain.append('\n').append(caption).append(":\n").append(rows.printAll()).append('\n');
        return this;
    }

    /** Code or an answer to copy, whole, under a caption. */
    public Report code(String caption, String code) {
        html.append("<p>").append(escapeHtml4(caption)).append(":</p><pre>").append(escapeHtml4(code)).append("</pre>");
        plain.append(caption).append(":\n").append(code).append('\n');
        return this;
    }

    /** Short pieces of code on one line, such as the paths of an endpoint. */
    public Report codes(List<String> pieces) {
        html.append("<p>").append(String.join(" · ", pieces.stream().map(p -> "<code>" + escapeHtml4(p) + "</code>").toList()))
                .append("</p>");
        plain.append(String.join("   ", pieces)).append('\n');
        return this;
    }

    /** A last line in small print: what to do next. */
    public Report hint(String line) {
        return paragraph("<small>", line, "</small>");
    }

    /** Charts, each drawn in the HTML; in text, one line each under "plots". */
    public Report charts(List<Chart> charts) {
        if (!charts.isEmpty()) {
            charts.forEach(chart -> html.append(ChartView.html(chart)));
            plots(charts.stream().map(ChartView::plain).toList());
        }
        return this;
    }

    /** A chart already drawn ({@link ChartView#bundle}), or nothing for null. */
    public Report chart(Bundle chart) {
        if (chart != null) {
            html.append(chart.data().get("text/html"));
            plots(List.of(chart.data().get("text/plain").toString()));
        }
        return this;
    }

    private void plots(List<String> lines) {
        plain.append("\nplots:\n");
        lines.forEach(line -> plain.append("  ").append(line).append('\n'));
    }

    private Report paragraph(String open, String line, String close) {
        html.append("<p>").append(open).append(escapeHtml4(line)).append(close).append("</p>");
        plain.append(line).append('\n');
        return this;
    }

    /** A header line and one line per row, each column as wide as its widest cell. */
    private static String aligned(List<String> columns, List<List<String>> rows) {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = columns.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder text = new StringBuilder(line(columns, widths));
        rows.forEach(row -> text.append(line(row, widths)));
        return text.toString();
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            line.append("  ").append(String.format("%-" + widths[c] + "s", cells.get(c)));
        }
        return line.toString().stripTrailing() + "\n";
    }

    /** The report as text/plain and text/html. */
    public Bundle bundle() {
        return Bundle.of(html + "</div>", plain.toString().stripTrailing());
    }
}
