package sluice.eda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import sluice.progress.Progress;
import sluice.render.Bundle;
import sluice.render.ChartView;
import sluice.render.Renderable;
import sluice.render.Report;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** {@code %eda}'s overview: shape and memory, a profile per column, and warnings to act on. */
record Overview(String name, int rows, int columns, long bytes, List<ColumnProfile> profiles, List<String> warnings,
                Bundle heatmap) implements Renderable {

    static Overview of(Table table, boolean withWarnings) {
        return of(table, withWarnings, null);
    }

    /**
     * Profiles the columns in parallel. With warnings, the heatmap has its own thread: it warms the
     * renderer up while the correlations are computed, then draws them while the columns are profiled
     * and duplicate rows counted.
     *
     * @param progress told how many columns are done, or null
     */
    static Overview of(Table table, boolean withWarnings, Progress progress) {
        List<Column<?>> all = table.columns();
        AtomicInteger done = new AtomicInteger();
        if (progress != null) {
            progress.detail(() -> done.get() < all.size() ? String.format("%d of %d columns", done.get(), all.size())
                    : "duplicate rows and correlations");
        }
        CompletableFuture<Correlations> correlations = new CompletableFuture<>();
        CompletableFuture<Bundle> heatmap = !withWarnings ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> {
                    ChartView.warmUp();
                    Correlations r = correlations.join();
                    return r.columns().size() < 2 ? null : ChartView.bundle(r.heatmap());
                }, Overview::onItsOwnThread);
        if (withWarnings) {
            try {
                correlations.complete(Correlations.of(table));
            } catch (RuntimeException | Error e) {
                correlations.completeExceptionally(e);
                throw e;
            }
        }
        List<ColumnProfile> profiles = all.parallelStream().map(column -> {
            ColumnProfile profile = ColumnProfile.of(column);
            done.incrementAndGet();
            return profile;
        }).toList();
        long bytes = 0;
        for (Column<?> column : all) {
            bytes += (long) column.size() * column.byteSize();
        }
        List<String> warnings = withWarnings ? Warnings.of(profiles, DuplicateRows.count(table), correlations.join()) : List.of();
        return new Overview(table.name(), table.rowCount(), table.columnCount(), bytes, profiles, warnings, join(heatmap));
    }

    private static void onItsOwnThread(Runnable work) {
        Thread thread = new Thread(work, "sluice-eda-heatmap");
        thread.setDaemon(true);
        thread.start();
    }

    private static Bundle join(CompletableFuture<Bundle> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    String headline() {
        String memory = bytes < 1_000_000 ? String.format("%,d kB", Math.max(1, bytes / 1_000)) : String.format("%.1f MB", bytes / 1e6);
        return String.format("%s: %,d rows × %,d columns, about %s in memory", name, rows, columns, memory);
    }

    @Override
    public Bundle bundle() {
        List<List<String>> rows = new ArrayList<>();
        for (ColumnProfile p : profiles) {
            List<String> row = new ArrayList<>(List.of(p.name(), p.type(), String.format("%,d (%.0f%%)", p.missing(), p.missingShare() * 100)));
            row.addAll(p.numeric()
                    ? List.of(num(p.mean()), num(p.std()), num(p.min()), num(p.q1()), num(p.median()), num(p.q3()),
                            num(p.max()), num(p.skew()), String.format("%,d", p.distinct()), "")
                    : List.of("", "", "", "", "", "", "", "", String.format("%,d", p.distinct()), top(p.top())));
            rows.add(row);
        }
        return new Report("eda").title(headline())
                .table(null, List.of("column", "type", "missing", "mean", "std", "min", "25%", "50%", "75%", "max", "skew",
                        "distinct", "top values"), rows)
                .list("Warnings", warnings)
                .chart(heatmap)
                .bundle();
    }

    private static String num(Double value) {
        if (value == null || value.isNaN()) {
            return "";
        }
        double abs = Math.abs(value);
        return abs != 0 && (abs >= 1e6 || abs < 1e-3) ? String.format("%.3g", value) : String.format("%.2f", value);
    }

    private static String top(Map<String, Integer> top) {
        List<String> parts = new ArrayList<>();
        top.forEach((value, count) -> parts.add(value + " (" + count + ")"));
        return String.join(", ", parts);
    }
}
