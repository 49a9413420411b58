package sluice.ingest;

import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.Column;

/**
 * Values of any other type (boolean, date, date-time, time…) read by the parser {@link CsvCells} gives for that type.
 * An inferred column takes what type detection accepts; a column the user typed takes whatever the
 * parser reads (a boolean column given by --types also reads 1 and 0).
 */
final class ParsedSink extends ColumnSink {
    private final CsvCells cells;
    private final ParsedValues parsed;
    private final Column<?> column;

    ParsedSink(CsvCells cells, ColumnType type, boolean given) {
        this.cells = cells;
        this.parsed = new ParsedValues(cells.parser(type, given), given);
        this.column = type.create("part");
    }

    @Override
    boolean add(byte[] b, int start, int end, int flags) {
        if (cells.isMissing(b, start, end, flags)) {
            column.appendMissing();
            return true;
        }
        Object value = parsed.get(cells.text(b, start, end, flags));
        if (value == ParsedValues.UNREADABLE) {
            return false;
        }
        column.appendObj(value);
        return true;
    }

    @Override
    int size() {
        return column.size();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    Column<?> build(String name, List<ColumnSink> parts) {
        Column all = ((ParsedSink) parts.get(0)).column.emptyCopy();
        all.setName(name);
        for (ColumnSink part : parts) {
            all.append(((ParsedSink) part).column);
        }
        return all;
    }
}
