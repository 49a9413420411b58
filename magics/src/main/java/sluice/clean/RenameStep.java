package sluice.clean;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sluice.magic.UsageError;
import sluice.pipeline.Step;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code %clean rename old=new,…}: renames columns, in new rows too. Swaps ({@code a=b,b=a}) work,
 * since names are checked after every rename.
 *
 * @param names new name by old name, in the order given
 */
public record RenameStep(Map<String, String> names) implements Step {
    private static final long serialVersionUID = 1L;

    public RenameStep {
        if (names.isEmpty()) {
            throw new UsageError("Say what to rename, e.g. %clean rename body_mass_g=mass.");
        }
        for (Map.Entry<String, String> entry : names.entrySet()) {
            if (entry.getValue() == null || entry.getValue().isBlank()) {
                throw new UsageError("Give '" + entry.getKey() + "' a new name, e.g. " + entry.getKey() + "=new_name.");
            }
        }
        names = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
    }

    @Override
    public RenameStep fit(Table table) {
        renamed(table);
        return this;
    }

    @Override
    public Table apply(Table table) {
        return renamed(table);
    }

    private Table renamed(Table table) {
        Columns.requireAll(table, List.copyOf(names.keySet()));
        List<Column<?>> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Column<?> column : table.columns()) {
            String name = names.getOrDefault(column.name(), column.name());
            if (!seen.add(name)) {
                throw new UsageError("Cannot rename to '" + name + "': there is already a column '" + name
                        + "'. Pick another name or drop that column first.");
            }
            columns.add(column.copy().setName(name));
        }
        return Table.create(table.name(), columns);
    }

    @Override
    public String sourceOf(String column) {
        for (Map.Entry<String, String> entry : names.entrySet()) {
            if (entry.getValue().equals(column)) {
                return entry.getKey();
            }
        }
        return names.containsKey(column) ? null : column;
    }

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        names.forEach((from, to) -> parts.add(from + " to " + to));
        return "rename " + String.join(", ", parts);
    }
}
