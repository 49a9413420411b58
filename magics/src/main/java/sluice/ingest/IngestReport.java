package sluice.ingest;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.List;
import java.util.Map;
import sluice.render.Bundle;
import sluice.render.HtmlTable;
import sluice.render.Renderable;
import sluice.render.TableView;
import sluice.render.TypeNames;
import sluice.session.Provenance;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What {@code %ingest} shows: the source, shape, time, notes (the text encoding; columns kept as text and
 * what would read them otherwise), a schema with missing counts, and the first rows;
 * the output's metadata carries the source's fingerprint ({@code sluice.ingested}), which Jupyter keeps in the .ipynb.
 */
public record IngestReport(String source, Table table, double seconds, String name, Provenance.Source fingerprint,
                           List<String> notes) implements Renderable {
    private static final int PREVIEW_ROWS = 5;

    public String summary() {
        return String.format("%s → %s in %.2f s%s", source, TableView.shape(table), seconds,
                name == null ? "" : " (kept as table(\"" + name + "\"))");
    }

    @Override
    public Bundle bundle() {
        StringBuilder plain = new StringBuilder(summary()).append("\n");
        StringBuilder html = new StringBuilder("<div class=\"sluice-ingest\"><p><b>")
                .append(escapeHtml4(summary())).append("</b></p>");
        for (String note : notes) {
            plain.append(note).append('\n');
            html.append("<p class=\"sluice-note\">").append(escapeHtml4(note)).append("</p>");
        }
        plain.append('\n');
        HtmlTable schema = new HtmlTable().th("column", "type", "missing");
        int width = table.columnNames().stream().mapToInt(String::length).max().orElse(6);
        for (Column<?> column : table.columns()) {
            String type = TypeNames.of(column.type());
            int missing = column.countMissing();
            plain.append(String.format("%-" + width + "s  %-9s  %,d missing%n", column.name(), type, missing));
            schema.row().td(column.name(), type, String.format("%,d", missing));
        }
        html.append(schema.html());
        Table head = table.first(PREVIEW_ROWS);
        plain.append('\n').append(head.printAll());
        html.append("<p>First rows:</p>").append(TableView.html(head).replace(TableView.shape(head), "")).append("</div>");
        return Bundle.of(html.toString(), plain.toString())
                .withMetadata("sluice", Map.of("ingested", fingerprint.toMap()));
    }
}
