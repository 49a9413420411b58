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
        StringBuilder html = new StringBuilder("<div class=\"sluice-table\">");
        html.append("<table class=\"dataframe\" border=\"1\"><thead><tr><th></th>");
        for (Column<?> column : table.columns()) {
            html.append("<th title=\"").append(escapeHtml4(column.type().name())).append("\">")
                    .append(escapeHtml4(column.name()))
                    .append("<br><small style=\"font-weight:normal\">").append(typeName(column)).append("</small></th>");
        }
        html.append("</tr></thead><tbody>");
        boolean cut = table.rowCount() > HEAD + TAIL;
        IntStream head = IntStream.range(0, cut ? HEAD : table.rowCount());
        head.forEach(row -> appendRow(html, table, row));
        if (cut) {
            html.append("<tr><th>…</th>");
            table.columns().forEach(c -> html.append("<td>…</td>"));
            html.append("</tr>");
            IntStream.range(table.rowCount() - TAIL, table.rowCount()).forEach(row -> appendRow(html, table, row));
        }
        html.append("</tbody></table><p>").append(escapeHtml4(shape(table))).append("</p></div>");
        return html.toString();
    }

    private static void appendRow(StringBuilder html, Table table, int row) {
        html.append("<tr><th>").append(row).append("</th>");
        for (Column<?> column : table.columns()) {
            html.append("<td>").append(column.isMissing(row) ? "<i>NA</i>" : escapeHtml4(column.getString(row))).append("</td>");
        }
        html.append("</tr>");
    }

    public static String plain(Table table) {
        boolean cut = table.rowCount() > HEAD + TAIL;
        String name = table.name() == null ? "" : table.name() + ": ";
        if (!cut) {
            return name + shape(table) + "\n" + table.printAll();
        }
        return name + shape(table) + "\n" + table.first(HEAD).printAll() + "\n…\n" + table.last(TAIL).printAll();
    }

    /** The short type name users see: integer, decimal, text, category, … */
    public static String typeName(Column<?> column) {
        return switch (column.type().name()) {
            case "INTEGER", "LONG", "SHORT" -> "integer";
            case "DOUBLE", "FLOAT" -> "decimal";
            case "BOOLEAN" -> "boolean";
            case "LOCAL_DATE" -> "date";
            case "LOCAL_DATE_TIME", "INSTANT" -> "date-time";
            case "LOCAL_TIME" -> "time";
            case "STRING" -> "text";
            default -> column.type().name().toLowerCase();
        };
    }
}
