package sluice.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The fitted cleaning steps of a session, in order: applied to raw rows they give the rows a model
 * was trained on. Immutable and serializable, so a saved model can carry it.
 */
public final class Pipeline implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<Step> steps;

    public Pipeline() {
        this(List.of());
    }

    private Pipeline(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** This pipeline with {@code step} (fitted) at the end. */
    public Pipeline with(Step step) {
        List<Step> more = new ArrayList<>(steps);
        more.add(step);
        return new Pipeline(more);
    }

    public List<Step> steps() {
        return Collections.unmodifiableList(steps);
    }

    /** Replays the steps that run on new rows (not dedupe or drop-missing) on {@code raw}, in order. */
    public Table apply(Table raw) {
        Table table = raw;
        for (Step step : steps) {
            if (step.replayed()) {
                table = step.apply(table);
            }
        }
        return table;
    }

    /** Applies every step, also those not replayed on new rows (dedupe, drop-missing), in order. */
    public Table applyAll(Table raw) {
        Table table = raw;
        for (Step step : steps) {
            table = step.apply(table);
        }
        return table;
    }

    /** The name {@code column} of the cleaned table had in the raw table, or null when no raw column made it. */
    public String sourceOf(String column) {
        String name = column;
        for (int i = steps.size() - 1; i >= 0 && name != null; i--) {
            name = steps.get(i).sourceOf(name);
        }
        return name;
    }

    /**
     * Fits every step again on {@code raw} (e.g. on training rows only) and returns the newly fitted
     * pipeline; each step is fitted on the output of the steps before it, as when it was recorded.
     */
    public Pipeline refit(Table raw) {
        return refitAndApply(raw).pipeline();
    }

    /**
     * As {@link #refit}, also returning {@code raw} cleaned by the refitted steps (what {@link #applyAll}
     * of them gives): refitting computes it anyway, as each step's input.
     */
    public Refitted refitAndApply(Table raw) {
        Table table = raw;
        List<Step> fitted = new ArrayList<>();
        for (Step step : steps) {
            Step again = step.fit(table);
            fitted.add(again);
            table = again.apply(table);
        }
        return new Refitted(new Pipeline(fitted), table);
    }

    /** A pipeline fitted again on some rows, and those rows cleaned by it. */
    public record Refitted(Pipeline pipeline, Table table) {
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            text.append(i + 1).append(". ").append(step.describe())
                    .append(step.replayed() ? "" : "  (not replayed on new rows)").append('\n');
        }
        return text.length() == 0 ? "No cleaning steps recorded yet." : text.toString().stripTrailing();
    }
}
