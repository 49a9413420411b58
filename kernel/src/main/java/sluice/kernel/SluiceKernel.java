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
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteInput;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import io.github.spencerpark.jupyter.messages.request.InspectRequest;
import io.github.spencerpark.jupyter.messages.request.ShutdownRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sluice.session.Session;

/**
 * The Sluice kernel's side of the Jupyter protocol: it takes the base kernel's message plumbing and
 * replaces the request handlers whose replies fall short of the messaging spec (missing {@code status},
 * no history, counts on silent runs). Cells run in an {@link Evaluator}, one {@link RunningCell} at a time.
 */
final class SluiceKernel extends BaseKernel {
    private final History history = new History();
    private final Session session = new Session();
    private final RunningCell cell;
    private final Evaluator evaluator;
    private final Assistant assistant;
    private final WarmUp warmUp;

    private volatile boolean aborting;
    /** When the last failed cell ended: requests sent after it are not aborted. */
    private volatile Instant failedAt = Instant.EPOCH;

    SluiceKernel(ShellStart java) {
        super(StandardCharsets.UTF_8);
        setShouldReplaceStdStreams(false);
        CellGuard.watchHeap();
        this.cell = new RunningCell(java);
        this.warmUp = WarmUp.start(java, cell::isRunning, session::hasModel, () -> session.server() != null);
        sluice.dependencies.Classpath classpath = new sluice.dependencies.Classpath(path -> java.get().addToClasspath(path));
        this.evaluator = new Evaluator(java, cell,
                runner -> MagicCatalogue.create(session, runner, prompt -> cell.input(prompt, true), classpath), this::render);
        this.assistant = new Assistant(java::get, evaluator.magics(), session, classpath);
        Notebook.bind(this);
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

    @Override
    public DisplayData eval(String code) throws Exception {
        Object value = evaluator.runSource(code);
        return value == null ? null : render(value);
    }

    /** Runs one cell with its outputs, as an execute request does: what {@code run} runs a notebook with. */
    Evaluator.Executed execute(String code, int count, boolean silent, Outputs outputs) {
        return evaluator.execute(code, count, silent, outputs);
    }

    DisplayData render(Object value) {
        return Rendering.render(value, getRenderer());
    }

    Session session() {
        return session;
    }

    void displayData(DisplayData data) {
        cell.display(data);
    }

    void updateDisplay(DisplayData data) {
        cell.updateDisplay(data);
    }

    String input(String prompt, boolean password) {
        return cell.input(prompt, password);
    }

    void clearOutput(boolean wait) {
        cell.clearOutput(wait);
    }

    @Override
    public void interrupt() {
        cell.interrupt();
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
        Evaluator.Executed executed = evaluator.execute(code, count, silent, new IopubOutputs(env, request.isStdinEnabled()));
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
        warmUp.cellReplied();
        reply.put("execution_count", count);
        reply.putIfAbsent("payload", List.of());
        reply.put("user_expressions", Map.of());
        env.defer();
        reply(env, MessageType.EXECUTE_REPLY, reply);
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
        cell.close();
    }
}
