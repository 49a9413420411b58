package sluice.eda;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sluice.magic.DidYouMean;
import sluice.magic.Magic;
import sluice.magic.UsageError;
import sluice.progress.Progress;
import sluice.session.Session;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code %eda [VIEW] [options]}: with no view, an overview of the current table (per-column
 * statistics, warnings, correlations); views look at one aspect.
 */
@Command(name = "eda", synopsisSubcommandLabel = "[VIEW]",
        description = "Explore the current table: an overview, or one view of it.")
public final class EdaMagic implements Magic {
    private final Session session;
    private final PrintStream progress;
    private final Duration progressAfter;

    /** @param progress where a progress line goes for an overview over a second (the cell's stderr) */
    public EdaMagic(Session session, PrintStream progress) {
        this(session, progress, Duration.ofSeconds(1));
    }

    public EdaMagic(Session session) {
        this(session, System.err);
    }

    EdaMagic(Session session, PrintStream progress, Duration progressAfter) {
        this.session = session;
        this.progress = progress;
        this.progressAfter = progressAfter;
    }

    @Override
    public Map<String, Magic> subcommands() {
        Map<String, Magic> views = new LinkedHashMap<>();
        views.put("summary", new Summary());
        views.put("hist", new Hist());
        views.put("box", new Box());
        views.put("scatter", new Scatter());
        views.put("corr", new Corr());
        views.put("counts", new Counts());
        views.put("missing", new Missing());
        return views;
    }

    @Override
    public Object run(String body) {
        return overview(true);
    }

    private Overview overview(boolean withWarnings) {
        Table table = nonEmpty();
        try (Progress shown = new Progress("exploring " + table.name(), progress, progressAfter)) {
            return Overview.of(table, withWarnings, shown);
        }
    }

    private Table nonEmpty() {
        Table table = session.table();
        if (table.rowCount() == 0) {
            throw new UsageError("The current table has no rows to explore.");
        }
        return table;
    }

    static Column<?> column(Table table, String name) {
        if (!table.columnNames().contains(name)) {
            throw new UsageError("No column '" + name + "'." + DidYouMean.hint(name, table.columnNames(), ""));
        }
        return table.column(name);
    }

    @Command(description = "Statistics per column, without the warnings.")
    final class Summary implements Magic {
        @Override
        public Object run(String body) {
            return overview(false);
        }
    }

    @Command(description = "Histogram of a numeric column.")
    final class Hist implements Magic {
        @Parameters(paramLabel = "COL", description = "A numeric column.")
        String name;

        @Option(names = "--bins", paramLabel = "N", description = "Number of bins (default: 20).")
        int bins = 20;

        @Override
        public Object run(String body) {
            return Charts.histogram(column(nonEmpty(), name), bins);
        }
    }

    @Command(description = "Box plots of a numeric column per category.")
    final class Box implements Magic {
        @Option(names = "--x", required = true, paramLabel = "CAT", description = "A text column: one box per value.")
        String x;

        @Option(names = "--y", required = true, paramLabel = "NUM", description = "A numeric column.")
        String y;

        @Override
        public Object run(String body) {
            Table table = nonEmpty();
            return Charts.box(column(table, x), column(table, y));
        }
    }

    @Command(description = "Scatter plot of two numeric columns, optionally coloured by a category; big tables are sampled.")
    final class Scatter implements Magic {
        @Option(names = "--x", required = true, paramLabel = "A", description = "A numeric column.")
        String x;

        @Option(names = "--y", required = true, paramLabel = "B", description = "A numeric column.")
        String y;

        @Option(names = "--color", paramLabel = "CAT", description = "A column whose values colour the points.")
        String color;

        @Override
        public Object run(String body) {
            Table table = nonEmpty();
            return Charts.scatter(table, column(table, x), column(table, y), color == null ? null : column(table, color));
        }
    }

    @Command(description = "Correlations between the numeric columns, as a heatmap.")
    final class Corr implements Magic {
        @Override
        public Object run(String body) {
            return Charts.correlations(nonEmpty());
        }
    }

    @Command(description = "How often each value of a column occurs, most frequent first.")
    final class Counts implements Magic {
        @Parameters(paramLabel = "COL", description = "The column to count.")
        String name;

        @Override
        public Object run(String body) {
            Table table = nonEmpty();
            return Views.counts(column(table, name));
        }
    }

    @Command(description = "Missing values per column.")
    final class Missing implements Magic {
        @Override
        public Object run(String body) {
            return Views.missing(nonEmpty());
        }
    }
}
