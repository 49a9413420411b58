package sluice.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import sluice.magic.DidYouMean;
import sluice.magic.UsageError;
import tech.tablesaw.api.Table;

/**
 * One kernel's working state, shared by magics and Java cells: the current table and tables kept
 * by name. Later stages add the pipeline and the model here.
 */
public final class Session {
    private Table current;
    private final Map<String, Table> named = new LinkedHashMap<>();

    /** The current table; a usage error saying how to get one when there is none. */
    public synchronized Table table() {
        if (current == null) {
            throw new UsageError("No table yet. Run %ingest <file.csv> first, or setTable(t) from Java.");
        }
        return current;
    }

    /** The table kept as {@code name}, or an error naming the closest kept name. */
    public synchronized Table table(String name) {
        Table table = named.get(name);
        if (table == null) {
            String known = named.isEmpty() ? " No tables are kept yet; %ingest SOURCE --as NAME keeps one."
                    : DidYouMean.hint(name, named.keySet(), "") + " Kept: " + String.join(", ", named.keySet()) + ".";
            throw new UsageError("No table named '" + name + "'." + known);
        }
        return table;
    }

    /** Makes {@code table} the current table. */
    public synchronized void setTable(Table table) {
        if (table == null) {
            throw new UsageError("setTable needs a table, not null.");
        }
        current = table;
    }

    /** Makes {@code table} the current table and keeps it as {@code name}. */
    public synchronized void setTable(String name, Table table) {
        setTable(table);
        named.put(name, table);
    }

    public synchronized boolean hasTable() {
        return current != null;
    }

    public synchronized Set<String> tableNames() {
        return Collections.unmodifiableSet(named.keySet());
    }
}
