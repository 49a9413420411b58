package sluice.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sluice.render.Bundle;
import sluice.render.Renderable;
import sluice.render.Report;
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
        Report report = new Report("ingest").title(summary());
        notes.forEach(report::note);
        List<List<String>> schema = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            schema.add(List.of(column.name(), TypeNames.of(column.type()), String.format("%,d", column.countMissing())));
        }
        return report.table(null, List.of("column", "type", "missing"), schema)
                .rows("First rows", table.first(PREVIEW_ROWS))
                .bundle().withMetadata("sluice", Map.of("ingested", fingerprint.toMap()));
    }
}
