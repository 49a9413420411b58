package sluice.kernel;

import static sluice.kernel.Replies.answer;
import static sluice.kernel.Replies.commInfo;
import static sluice.kernel.Replies.history;
import static sluice.kernel.Replies.inspection;
import static sluice.kernel.Replies.kernelInfo;
import static sluice.kernel.Replies.publish;
import static sluice.kernel.Replies.reply;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteInput;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import io.github.spencerpark.jupyter.messages.request.InspectRequest;
import io.github.spencerpark.jupyter.messages.request.ShutdownRequest;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import sluice.magic.Magics;
import sluice.session.Session;
import tech.tablesaw.api.Table;

/**
 * The Sluice kernel: runs cells of Java (JShell, in this JVM) and magics, and answers the Jupyter
 * protocol. It takes the base kernel's message plumbing and replaces the request handlers whose
 * replies fall short of the messaging spec (missing {@code status}, no history, counts on silent runs).
 */
final class SluiceKernel extends BaseKernel {
    private static final long FLUSH_MS = 50;
    private static final long IDLE_MS = 200;

    private final CompletableFuture<JavaShell> java;
    private final Magics magics;
    private final History history = new History();
    private final Session session = new Session();
    private final CellOutput out = new CellOutput(System.out);
    private final CellOutput err = new CellOutput(System.err);
    private final CellInput in = new CellInput(this::flushStreams);
    private final Assistant assistant;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sluice-output");
        t.setDaemon(true);
        return t;
    });

    private volatile Outputs cellOutputs;
    private volatile int cellCount;
    private volatile Thread cellThread;
    private volatile boolean interrupted;
    private volatile boolean aborting;
    /** When the last failed cell ended: requests sent after it are not aborted. */
    private volatile Instant failedAt = Instant.EPOCH;
    private volatile boolean runningJava;
    private final Object cellLock = new Object();
    private boolean tablesawWarm;

    /** Starts JShell on a thread of its own; it is most of the kernel's start-up, so start it first. */
    static CompletableFuture<JavaShell> startJava() {
        return CompletableFuture.supplyAsync(JavaShell::new, SluiceKernel::daemon);
    }

    SluiceKernel(CompletableFuture<JavaShell> java) {
        super(StandardCharsets.UTF_8);
        setShouldReplaceStdStreams(false);
        this.java = java;
        CellGuard.watchHeap();
        // Tablesaw's first use registers its readers with a scan of the whole jar (0.7 s in a fresh
        // JVM), and the first %ingest loads the CSV and Parquet readers: done side by side once JShell
        // has started and no cell has run for a moment (not to slow either: a first `1 + 1` sent at
        // start replies 0.09 s sooner than with the scan started at once), they are ready about 1.5 s
        // after the kernel first answers, before a first %ingest typed after a second or two. Then every
        // learner is trained once, so that the first %train does not wait for the JIT (0.75 s against 0.15 s).
        java.thenRun(() -> daemon(() -> whenIdle(() -> {
            daemon(() -> Table.create("warm-up"));
            sluice.ingest.ReaderWarmUp.run();
            sluice.dependencies.ResolverWarmUp.run();
            sluice.train.TrainWarmUp.run(() -> cellThread != null);
        })));
        sluice.dependencies.Classpath classpath = new sluice.dependencies.Classpath(path -> javaShell().addToClasspath(path));
        this.magics = MagicCatalogue.create(session, this::runSource, prompt -> input(prompt, true), classpath);
        this.assistant = new Assistant(this::javaShell, magics, session, classpath);
        System.setOut(new PrintStream(out, false, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, false, StandardCharsets.UTF_8));
        System.setIn(in);
        flusher.scheduleWithFixedDelay(this::flushStreams, FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
        Notebook.bind(this);
    }

    /** Runs {@code task} once no cell has run for {@value #IDLE_MS} ms (on the calling thread). */
    private void whenIdle(Runnable task) {
        long idleSince = System.nanoTime();
        while (cellThread != null || System.nanoTime() - idleSince < TimeUnit.MILLISECONDS.toNanos(IDLE_MS)) {
            if (cellThread != null) {
                idleSince = System.nanoTime();
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
        task.run();
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "sluice-start");
        thread.setDaemon(true);
        thread.start();
    }

    JavaShell javaShell() {
        try {
            return java.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while JShell was starting.", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("JShell failed to start: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
    }

    @Override
    public String getBanner() {
        return "Sluice " + Version.SLUICE + " - Java " + Runtime.version() + "\nRun %lsmagic to list the magics.";
    }

    @Override
    public List<LanguageInfo.Help> getHelpLinks() {
        return List.of(new LanguageInfo.Help("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/"),
                new LanguageInfo.Help("Tablesaw", "https://jtablesaw.github.io/tablesaw/"));
    }

    // ---- evaluation -------------------------------------------------------------------------

    @Override
    public DisplayData eval(String code) throws Exception {
        Object value = runSource(code);
        return value == null ? null : render(value);
    }

    /** Runs a cell's source: a {@code %%magic} with its body, or Java and {@code %magic} lines in order. */
    Object runSource(String code) throws Exception {
        Cell cell = Cell.parse(code);
        if (cell.cellMagic() != null) {
            return runMagic(Magics.Kind.CELL, cell.cellMagic(), cell.body());
        }
        Object value = null;
        for (Cell.Part part : cell.parts()) {
            if (part.magic()) {
                value = runMagic(Magics.Kind.LINE, part.text(), null);
            } else {
                Object result = runJava(part);
                value = result == JavaShell.NO_VALUE ? null : result;
            }
        }
        return value;
    }

    private Object runJava(Cell.Part part) throws Exception {
        Number arithmetic = ConstantArithmetic.value(part.text().strip());
        if (arithmetic != null) {
            return arithmetic; // without waiting for JShell, which may still be starting
        }
        JavaShell shell = javaShell();
        if (interrupted) {
            throw new CellInterrupted();
        }
        runningJava = true;
        try {
            return shell.run(part.text(), cellCount, part.line());
        } finally {
            runningJava = false;
        }
    }

    private Object runMagic(Magics.Kind kind, String text, String body) throws Exception {
        Object value = magics.run(kind, text, body);
        if (interrupted) {
            throw new CellInterrupted();
        }
        return value;
    }

    DisplayData render(Object value) {
        return Rendering.render(value, getRenderer());
    }

    Session session() {
        return session;
    }

    void displayData(DisplayData data) {
        Outputs outputs = cellOutputs;
        if (outputs != null) {
            flushStreams();
            outputs.display(data);
        }
    }

    void updateDisplay(DisplayData data) {
        Outputs outputs = cellOutputs;
        if (outputs != null) {
            flushStreams();
            outputs.update(data);
        }
    }

    /** A line the user types in answer to {@code prompt}, asked by the running cell's frontend. */
    String input(String prompt, boolean password) {
        Outputs outputs = cellOutputs;
        if (outputs == null) {
            throw new sluice.magic.UsageError("No input is possible here: no cell is running.");
        }
        flushStreams();
        return outputs.input(prompt, password);
    }

    void clearOutput(boolean wait) {
        Outputs outputs = cellOutputs;
        if (outputs != null) {
            flushStreams();
            outputs.clear(wait);
        }
    }

    @Override
    public void interrupt() {
        // Under the cell lock, so an interrupt that arrives as a cell ends cannot spill into the next.
        synchronized (cellLock) {
            Thread running = cellThread;
            if (running == null) {
                return;
            }
            interrupted = true;
            if (java.isDone()) {
                javaShell().stop();
            }
            if (!runningJava) {
                // A magic is running on the shell thread; Java snippets have their own thread, and
                // interrupting the shell thread while JShell compiles would break the compiler.
                running.interrupt();
            }
        }
    }

    // ---- protocol handlers ------------------------------------------------------------------

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.EXECUTE_REQUEST, this::handleExecute);
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, msg) -> answer(env, MessageType.KERNEL_INFO_REPLY,
                kernelInfo(getLanguageInfo(), getBanner(), getHelpLinks())));
        connection.setHandler(MessageType.COMM_INFO_REQUEST, (env, msg) -> answer(env, MessageType.COMM_INFO_REPLY, commInfo(getCommManager())));
        connection.setHandler(MessageType.HISTORY_REQUEST, (env, msg) -> answer(env, MessageType.HISTORY_REPLY,
                Map.of("status", "ok", "history", history(history, msg.getContent()))));
        connection.setHandler(MessageType.INSPECT_REQUEST, this::handleInspect);
        connection.setHandler(MessageType.SHUTDOWN_REQUEST, this::handleShutdown);
        if (connection instanceof SluiceConnection sluice) {
            sluice.onShellDrained(() -> aborting = false);
        }
    }

    /**
     * Whether {@code message} was sent before the last cell failed, so it was queued behind it. The
     * shell's drained check alone races with a client that answers the failure at once (it can
     * send its next request before the kernel looks at its socket again); the request's own date
     * tells. A request without a readable date counts as queued.
     */
    private boolean sentBeforeFailure(Message<?> message) {
        try {
            return !message.getHeader().getTimestamp().getDate().toInstant().isAfter(failedAt);
        } catch (RuntimeException e) {
            return true;
        }
    }

    private void handleExecute(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        getCommManager().setMessageContext(message);
        ExecuteRequest request = message.getContent();
        if (aborting && sentBeforeFailure(message)) {
            // After a failed cell, cells already queued behind it (Run All) are not run.
            answer(env, MessageType.EXECUTE_REPLY, Map.of("status", "aborted", "execution_count", executionCount.get() - 1));
            return;
        }
        String code = request.getCode();
        boolean silent = request.isSilent();
        boolean store = request.shouldStoreHistory() && !silent;
        int count = store ? executionCount.getAndIncrement() : executionCount.get() - 1;

        env.setBusyDeferIdle();
        if (!silent) {
            publish(env, new PublishExecuteInput(code, count));
        }
        Executed executed = execute(code, count, silent, new IopubOutputs(env, request.isStdinEnabled()));
        Map<String, Object> reply = new LinkedHashMap<>();
        if (executed.page() != null) {
            reply.put("payload", List.of(page(executed.page())));
        }
        if (executed.error() == null) {
            reply.put("status", "ok");
        } else {
            ErrorReport report = executed.error();
            reply.put("status", "error");
            reply.put("ename", report.name());
            reply.put("evalue", report.message());
            reply.put("traceback", report.traceback());
            failedAt = Instant.now();
            aborting = request.shouldStopOnError();
        }
        if (store) {
            history.add(count, code, executed.shown());
        }
        if (!tablesawWarm) {
            // The first chart loads AWT and JFreeChart: do that while the user reads the first
            // result, not while a later cell competes for the CPU.
            tablesawWarm = true;
            daemon(sluice.render.ChartView::warmUp);
        }
        reply.put("execution_count", count);
        reply.putIfAbsent("payload", List.of());
        reply.put("user_expressions", Map.of());
        env.defer();
        reply(env, MessageType.EXECUTE_REPLY, reply);
    }

    /**
     * What one executed cell left: its error (null when it ran), the name it asked help for
     * ({@code name?}, null otherwise), and the text/plain of the value it showed (or null).
     */
    record Executed(ErrorReport error, String page, String shown) {
    }

    /**
     * Runs one cell and sends what it shows to {@code outputs}: the one path of a Jupyter execute
     * request and of {@code run}, so both give the same outputs.
     */
    Executed execute(String code, int count, boolean silent, Outputs outputs) {
        startCell(outputs, count);
        try {
            String asked = Cell.question(code);
            if (asked != null) {
                return new Executed(null, asked, null);
            }
            Object value = runSource(code);
            flushStreams();
            String shown = null;
            // System.out.printf(…) as a cell's last line returns the stream itself: printing is the
            // point, not the stream, whose text would differ on every run.
            if (value != null && !silent && !(value instanceof java.io.PrintStream)) {
                DisplayData data = render(value);
                outputs.result(count, data);
                shown = String.valueOf(data.getData(MIMEType.TEXT_PLAIN));
            }
            return new Executed(null, null, shown);
        } catch (Throwable e) {
            ErrorReport report = ErrorReport.of(e);
            flushStreams();
            outputs.error(report);
            return new Executed(report, null, null);
        } finally {
            endCell();
        }
    }

    private void startCell(Outputs outputs, int count) {
        synchronized (cellLock) {
            interrupted = false;
            if (java.isDone()) {
                javaShell().clearStop();
            }
            cellThread = Thread.currentThread();
        }
        cellCount = count;
        cellOutputs = outputs;
        in.attach(outputs);
        out.attach(text -> outputs.stream("stdout", text));
        err.attach(text -> outputs.stream("stderr", text));
    }

    private void endCell() {
        System.out.flush();
        System.err.flush();
        out.detach();
        err.detach();
        in.detach();
        cellOutputs = null;
        synchronized (cellLock) {
            cellThread = null;
            interrupted = false;
            Thread.interrupted();
        }
    }

    private void flushStreams() {
        System.out.flush();
        System.err.flush();
        out.flush();
        err.flush();
    }

    private Map<String, Object> page(String name) {
        String text = assistant.help(name);
        return Map.of("source", "page", "start", 0,
                "data", Map.of("text/plain", text == null ? "No documentation found for '" + name + "'." : text));
    }

    private void handleInspect(ShellReplyEnvironment env, Message<InspectRequest> message) {
        InspectRequest request = message.getContent();
        String text = assistant.inspect(request.getCode(), request.getCursorPos());
        answer(env, MessageType.INSPECT_REPLY, inspection(text));
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        Assistant.Completion completion = assistant.complete(code, at);
        return new ReplacementOptions(completion.matches(), completion.start(), at);
    }

    @Override
    public String isComplete(String code) {
        String status = assistant.completeness(code);
        if (!status.equals("incomplete")) {
            return status;
        }
        // The base kernel reads any other answer as "incomplete, indent the next line by this".
        return code.stripTrailing().endsWith("{") ? "    " : "";
    }

    private void handleShutdown(ShellReplyEnvironment env, Message<ShutdownRequest> message) {
        boolean restart = message.getContent().isRestart();
        env.setBusyDeferIdle();
        reply(env, MessageType.SHUTDOWN_REPLY, Map.of("status", "ok", "restart", restart));
        onShutdown(restart);
        env.markForShutdown();
    }

    @Override
    public void onShutdown(boolean restarting) {
        interrupt();
        session.close();
        flusher.shutdown();
    }

}
