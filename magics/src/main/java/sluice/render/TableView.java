package sluice.render;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.stream.IntStream;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A Tablesaw table as a cell shows it: shape, column types, the first rows and, for big tables, the last. */
public final class TableView {
    static final int HEAD = 10;
    static final int TAIL = 5;

    private TableView() {
    }

    public static Bundle bundle(Table table) {
        return Bundle.of(html(table), plain(table));
    }

    /** "344 rows × 8 columns" */
    public static String shape(Table table) {
        return String.format("%,d %s × %,d %s", table.rowCount(), table.rowCount() == 1 ? "row" : "rows",
                table.columnCount(), table.columnCount() == 1 ? "column" : "columns");
    }

    public static String html(Table table) {
        return "<div class=\"sluice-table\">" + rowsHtml(table) + "<p>" + escapeHtml4(shape(table)) + "</p></div>";
    }

    /** The table's header and rows (the first and last for a big one), without its shape. */
    static String htmlRows(Table table) {
        return "<div class=\"sluice-table\">" + rowsHtml(table) + "</div>";
    }

    private static String rowsHtml(Table table) {
        HtmlTable html = new HtmlTable().thHtml("");
        for (Column<?> column : table.columns()) {
            html.thHtml(escapeHtml4(column.name()) + "<br><small style=\"font-weight:normal\">" + TypeNames.of(column.type()) + "</small>",
                    column.getClass().getSimpleName());
        }
        boolean cut = table.rowCount() > HEAD + TAIL;
        IntStream head = IntStream.range(0, cut ? HEAD : table.rowCount());
        head.forEach(row -> appendRow(html, table, row));
        if (cut) {
            html.row().thHtml("…");
            table.columns().forEach(c -> html.tdHtml("…"));
            IntStream.range(table.rowCount() - TAIL, table.rowCount()).forEach(row -> appendRow(html, table, row));
        }
        return html.html();
    }

    private static void appendRow(HtmlTable html, Table table, int row) {
        html.row().thHtml(String.valueOf(row));
        for (Column<?> column : table.columns()) {
            html.tdHtml(column.isMissing(row) ? "<i>NA</i>" : escapeHtml4(column.getString(row)));
        }
    }

    public static String plain(Table table) {
        boolean cut = table.rowCount() > HEAD + TAIL;
        String name = table.name() == null ? "" : table.name() + ": ";
        if (!cut) {
            return name + shape(table) + "\n" + table.printAll();
        }
        return name + shape(table) + "\n" + table.first(HEAD).printAll() + "\n…\n" + table.last(TAIL).printAll();
    }
}
