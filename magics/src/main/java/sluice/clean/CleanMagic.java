package sluice.clean;

import static sluice.magic.MagicLine.commaSeparated;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sluice.magic.Magic;
import sluice.magic.UsageError;
import sluice.pipeline.Step;
import sluice.session.Session;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code %clean OP …}: cleaning operations on the current table. Each says what it changed and is
 * recorded, fitted, in the session's pipeline, so it runs again unchanged on new rows.
 */
@Command(name = "clean", synopsisSubcommandLabel = "OP",
        description = "Clean the current table with steps that are recorded and replayed on new rows.")
public final class CleanMagic implements Magic {
    private final Session session;

    public CleanMagic(Session session) {
        this.session = session;
    }

    @Override
    public Map<String, Magic> subcommands() {
        Map<String, Magic> ops = new LinkedHashMap<>();
        ops.put("fill", new Fill());
        ops.put("drop-missing", new DropMissing());
        ops.put("drop", new Drop());
        ops.put("keep", new Keep());
        ops.put("rename", new Rename());
        ops.put("cast", new Cast());
        ops.put("dedupe", new Dedupe());
        ops.put("clip", new Clip());
        ops.put("steps", new Steps());
        ops.put("undo", new Undo());
        return ops;
    }

    @Override
    public Object run(String body) {
        throw new UsageError("%clean needs one of: " + String.join(", ", subcommands().keySet()) + ".");
    }

    /** A recorded step, fitted, and the table it made. */
    private record Recorded<S extends Step>(S step, Table after) {
    }

    /** Fits {@code step} on {@code before}, applies it, records it; nothing changes if it fails. */
    @SuppressWarnings("unchecked")
    private <S extends Step> Recorded<S> record(S step, Table before) {
        S fitted = (S) step.fit(before);
        Table after = fitted.apply(before);
        session.record(after, fitted);
        return new Recorded<>(fitted, after);
    }

    private static String rows(int n) {
        return String.format("%,d %s", n, n == 1 ? "row" : "rows");
    }

    @Command(description = "Fill missing values with the mean, median, mode, zero or a value.")
    final class Fill implements Magic {
        @ArgGroup(multiplicity = "1")
        Which which;

        @Option(names = "--with", required = true, paramLabel = "RULE", description = "mean, median, mode, zero or a value.")
        String rule;

        /** Which columns: exactly one of these. */
        static final class Which {
            @Parameters(paramLabel = "COLS", description = "Columns to fill, comma separated.")
            String columns;

            @Option(names = "--all", description = "Every column the rule suits: numeric ones for mean, median and zero.")
            boolean all;
        }

        @Override
        public Object run(String body) {
            Table before = session.table();
            boolean all = which.all;
            String columns = which.columns;
            List<String> chosen = all && FillStep.isNumericRule(rule) ? FillStep.numericColumns(before)
                    : all ? before.columnNames() : commaSeparated(columns);
            List<String> leftAlone = new ArrayList<>(before.columnNames());
            leftAlone.removeAll(chosen);
            FillStep step = record(new FillStep(chosen, rule), before).step();
            List<String> lines = new ArrayList<>();
            for (String name : chosen) {
                int missing = before.column(name).countMissing();
                if (missing > 0) {
                    lines.add("filled " + missing + " missing " + (missing == 1 ? "value" : "values") + " in " + name
                            + " with " + step.valueText(name));
                }
            }
            if (lines.isEmpty()) {
                lines.add("no missing values in " + String.join(", ", chosen) + "; the fill is recorded for new rows ("
                        + step.describe() + ")");
            }
            if (all && !leftAlone.isEmpty()) {
                lines.add("left " + String.join(", ", leftAlone) + " alone (not numeric; fill them with --with mode or a value)");
            }
            return String.join("\n", lines);
        }
    }

    @Command(description = "Drop rows with missing values (in COLS, or in any column).")
    final class DropMissing implements Magic {
        @Parameters(arity = "0..1", paramLabel = "COLS", description = "Columns to look at (default: all).")
        String columns;

        @Option(names = "--how", paramLabel = "any|all", description = "Drop a row when any (default) or all of them are missing.")
        DropMissingStep.How how = DropMissingStep.How.ANY;

        @Override
        public Object run(String body) {
            Table before = session.table();
            Table after = record(new DropMissingStep(commaSeparated(columns), how), before).after();
            int dropped = before.rowCount() - after.rowCount();
            return "dropped " + rows(dropped) + " with missing values (" + String.format("%,d", after.rowCount()) + " left)";
        }
    }

    @Command(description = "Drop columns.")
    final class Drop implements Magic {
        @Parameters(paramLabel = "COLS", description = "Columns to drop, comma separated.")
        String columns;

        @Override
        public Object run(String body) {
            Table after = record(new DropStep(commaSeparated(columns)), session.table()).after();
            return "dropped " + String.join(", ", commaSeparated(columns)) + " (" + after.columnCount() + " columns left)";
        }
    }

    @Command(description = "Keep only these columns, in this order.")
    final class Keep implements Magic {
        @Parameters(paramLabel = "COLS", description = "Columns to keep, comma separated.")
        String columns;

        @Override
        public Object run(String body) {
            Table before = session.table();
            Table after = record(new KeepStep(commaSeparated(columns)), before).after();
            return "kept " + String.join(", ", after.columnNames()) + " (dropped " + (before.columnCount() - after.columnCount())
                    + " columns)";
        }
    }

    @Command(description = "Rename columns: old=new,…")
    final class Rename implements Magic {
        // A name without "=new" maps to "", which RenameStep refuses with an example.
        @Parameters(arity = "1", split = ",", mapFallbackValue = "", paramLabel = "OLD=NEW", description = "Pairs of names, comma separated.")
        LinkedHashMap<String, String> pairs;

        @Override
        public Object run(String body) {
            Map<String, String> names = new LinkedHashMap<>();
            pairs.forEach((from, to) -> names.put(from.strip(), to.strip()));
            record(new RenameStep(names), session.table());
            List<String> done = new ArrayList<>();
            names.forEach((from, to) -> done.add(from + " → " + to));
            return "renamed " + String.join(", ", done);
        }
    }

    @Command(description = "Change column types: category, integer, decimal, text, date or boolean.")
    final class Cast implements Magic {
        @Parameters(paramLabel = "COLS", description = "Columns to cast, comma separated.")
        String columns;

        @Option(names = "--to", required = true, paramLabel = "TYPE", description = "${COMPLETION-CANDIDATES}.")
        CastStep.To to;

        @Override
        public Object run(String body) {
            return record(new CastStep(commaSeparated(columns), to), session.table()).step().describe();
        }
    }

    @Command(description = "Drop duplicate rows (same values in COLS, or in every column), keeping the first.")
    final class Dedupe implements Magic {
        @Parameters(arity = "0..1", paramLabel = "COLS", description = "Columns that make rows the same (default: all).")
        String columns;

        @Override
        public Object run(String body) {
            Table before = session.table();
            Table after = record(new DedupeStep(commaSeparated(columns)), before).after();
            return "dropped " + rows(before.rowCount() - after.rowCount()) + " duplicated (" + String.format("%,d", after.rowCount())
                    + " left)";
        }
    }

    @Command(description = "Clip numeric values to bounds learned from the data (--iqr K, --z K) or given (--range lo:hi).")
    final class Clip implements Magic {
        @Parameters(paramLabel = "COLS", description = "Numeric columns to clip, comma separated.")
        String columns;

        @ArgGroup(multiplicity = "1")
        Bounds bounds;

        /** How the bounds are found: exactly one of these. */
        static final class Bounds {
            @Option(names = "--iqr", paramLabel = "K", description = "Bounds Q1 − K·IQR and Q3 + K·IQR.")
            Double iqr;

            @Option(names = "--z", paramLabel = "K", description = "Bounds mean ± K standard deviations.")
            Double z;

            @Option(names = "--range", paramLabel = "LO:HI", description = "Fixed bounds.")
            String range;
        }

        @Override
        public Object run(String body) {
            Table before = session.table();
            ClipStep unfitted = bounds.iqr != null ? ClipStep.iqr(commaSeparated(columns), bounds.iqr)
                    : bounds.z != null ? ClipStep.z(commaSeparated(columns), bounds.z) : ClipStep.range(commaSeparated(columns), bounds.range);
            Recorded<ClipStep> clipped = record(unfitted, before);
            Table after = clipped.after();
            int changed = 0;
            for (String name : commaSeparated(columns)) {
                Column<?> was = before.column(name);
                Column<?> now = after.column(name);
                for (int row = 0; row < was.size(); row++) {
                    if (!was.isMissing(row) && !was.getString(row).equals(now.getString(row))) {
                        changed++;
                    }
                }
            }
            return "clipped " + changed + (changed == 1 ? " value: " : " values: ") + clipped.step().describe();
        }
    }

    @Command(description = "List the recorded steps, in order, with what they learned.")
    final class Steps implements Magic {
        @Override
        public Object run(String body) {
            session.table();
            return session.pipeline().toString();
        }
    }

    @Command(description = "Go back to the table before the last step.")
    final class Undo implements Magic {
        @Override
        public Object run(String body) {
            String undone = session.undo();
            Table now = session.table();
            return "undid: " + undone + " (" + rows(now.rowCount()) + " × " + now.columnCount() + " columns)";
        }
    }
}
