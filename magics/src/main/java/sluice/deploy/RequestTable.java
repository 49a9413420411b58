package sluice.deploy;

import java.util.Map;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The table a request's rows are read into, one per server thread and model, cleared and refilled
 * for each request. It holds every raw column of the model (those a request does not send stay
 * missing), so predicting makes no Tablesaw column per request: making one builds number formats,
 * which was a third of the endpoint's time.
 */
final class RequestTable {
    private static final ThreadLocal<RequestTable> MINE = new ThreadLocal<>();

    private final Served served;
    private final Table table;
    /** The columns of {@link Served#fields()}, in that order. */
    private final Column<?>[] inputs;

    private RequestTable(Served served) {
        this.served = served;
        this.table = Table.create("request");
        for (Map.Entry<String, ColumnType> raw : served.model().rawColumns().entrySet()) {
            table.addColumns(raw.getValue().create(raw.getKey()));
        }
        for (Served.Field field : served.fields()) {
            if (!table.containsColumn(field.name())) {
                table.addColumns(field.type().create(field.name()));
            }
        }
        this.inputs = served.fields().stream().map(f -> table.column(f.name())).toArray(Column<?>[]::new);
    }

    /** This thread's empty table for {@code served}'s requests. */
    static RequestTable of(Served served) {
        RequestTable mine = MINE.get();
        if (mine == null || mine.served != served) {
            mine = new RequestTable(served);
            MINE.set(mine);
        }
        for (Column<?> column : mine.table.columns()) {
            column.clear();
        }
        return mine;
    }

    Column<?> input(int field) {
        return inputs[field];
    }

    /** The filled table: columns the request does not give are made missing for each of its {@code rows}. */
    Table filled(int rows) {
        for (Column<?> column : table.columns()) {
            while (column.size() < rows) {
                column.appendMissing();
            }
        }
        return table;
    }
}
