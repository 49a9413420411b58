package sluice.session;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import sluice.magic.DidYouMean;
import sluice.magic.UsageError;
import sluice.model.Training;
import sluice.pipeline.Pipeline;
import sluice.pipeline.Step;
import tech.tablesaw.api.Table;

/**
 * One kernel's working state, shared by magics and Java cells: the current table, tables kept by
 * name, the cleaning steps recorded since the current table was read (with an undo history), the
 * trained model, and what must be stopped when the kernel shuts down (the prediction endpoint).
 */
public final class Session implements AutoCloseable {
    /** How many steps {@link #undo()} can take back; older tables are let go to save memory. */
    static final int UNDO_DEPTH = 20;

    private record Before(Table table, Pipeline pipeline, String step) {
    }

    private Table current;
    private Table raw;
    private Training training;
    private Endpoint server;
    private Pipeline pipeline = new Pipeline();
    private final Deque<Before> history = new ArrayDeque<>();
    private final Map<String, Table> named = new LinkedHashMap<>();
    private final Provenance provenance = new Provenance();

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

    /**
     * Makes {@code table} the current table, as raw data: the recorded cleaning steps and their undo
     * history start over.
     */
    public synchronized void setTable(Table table) {
        if (table == null) {
            throw new UsageError("setTable needs a table, not null.");
        }
        current = table;
        raw = table;
        pipeline = new Pipeline();
        history.clear();
    }

    /** The current table as it was read, before the recorded steps: what {@code %train} splits and refits on. */
    public synchronized Table raw() {
        table();
        return raw;
    }

    /** The last model {@code %train} fitted, with its training and test rows; an error saying how to get one. */
    public synchronized Training training() {
        if (training == null) {
            throw new UsageError("No model yet. Run %train ALGO --target COL first, e.g. %train random-forest --target species.");
        }
        return training;
    }

    public synchronized boolean hasModel() {
        return training != null;
    }

    /** Makes {@code training} the session's model. */
    public synchronized void setTraining(Training training) {
        this.training = training;
    }

    /** The prediction endpoint {@code %deploy} started, or null. */
    public synchronized Endpoint server() {
        return server;
    }

    /** The prediction endpoint {@code %deploy} started if one runs and is a {@code type}, else null. */
    public synchronized <T extends Endpoint> T server(Class<T> type) {
        return type.isInstance(server) ? type.cast(server) : null;
    }

    /** Makes {@code server} (or none, null) what {@link #close()} stops; the caller stops any previous one. */
    public synchronized void setServer(Endpoint server) {
        this.server = server;
    }

    /** Stops what the session started (the prediction endpoint); the kernel calls it when it shuts down. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The cleaning steps recorded since the current table was read, fitted, in order. */
    public synchronized Pipeline pipeline() {
        return pipeline;
    }

    /** Makes {@code result} current after the fitted {@code step} made it; {@link #undo()} takes it back. */
    public synchronized void record(Table result, Step step) {
        history.push(new Before(current, pipeline, step.describe()));
        if (history.size() > UNDO_DEPTH) {
            history.removeLast();
        }
        current = result;
        pipeline = pipeline.with(step);
    }

    /** Restores the table and steps from before the last recorded step; returns that step's description. */
    public synchronized String undo() {
        if (history.isEmpty()) {
            throw new UsageError(pipeline.steps().isEmpty()
                    ? "Nothing to undo: no %clean step since the table was read."
                    : "Nothing more to undo: only the last " + UNDO_DEPTH + " steps can be undone.");
        }
        Before before = history.pop();
        current = before.table();
        pipeline = before.pipeline();
        return before.step();
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

    /** What this session's results depend on: fingerprints of the sources read, and the seeds drawn with. */
    public Provenance provenance() {
        return provenance;
    }
}
