package sluice.clean;

import java.util.ArrayList;
import java.util.List;
import sluice.magic.UsageError;
import sluice.pipeline.Step;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** {@code %clean keep COLS}: keeps only these columns, in the order named, from new rows too. */
public record KeepStep(List<String> columns) implements Step {
    private static final long serialVersionUID = 1L;

    public KeepStep {
        columns = List.copyOf(new java.util.LinkedHashSet<>(columns));
        if (columns.isEmpty()) {
            throw new UsageError("Name the columns to keep, e.g. %clean keep species,body_mass_g.");
        }
    }

    @Override
    public KeepStep fit(Table table) {
        Columns.requireAll(table, columns);
        return this;
    }

    @Override
    public Table apply(Table table) {
        Columns.requireAll(table, columns);
        List<Column<?>> kept = new ArrayList<>();
        for (String name : columns) {
            kept.add(table.column(name).copy());
        }
        return Table.create(table.name(), kept);
    }

    @Override
    public String describe() {
        return "keep " + Columns.join(columns);
    }
}
