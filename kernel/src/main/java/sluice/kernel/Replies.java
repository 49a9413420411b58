package sluice.kernel;

import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.comm.CommManager;
import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Protocol replies shaped as the messaging spec asks (the base kernel's reply classes miss fields
 * such as {@code status}), and the ways to send them.
 */
final class Replies {
    private Replies() {
    }

    /** The kernel_info reply, status included (the base kernel leaves it out). */
    static Map<String, Object> kernelInfo(LanguageInfo language, String banner, List<LanguageInfo.Help> links) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("status", "ok");
        info.put("protocol_version", Header.PROTOCOL_VERISON);
        info.put("implementation", "sluice");
        info.put("implementation_version", Version.SLUICE);
        info.put("language_info", languageInfo(language));
        info.put("banner", banner);
        info.put("help_links", links);
        info.put("debugger", false);
        return info;
    }

    /**
     * The language_info of kernel_info, which Jupyter clients copy into the notebook's metadata: so it
     * also carries the versions Sluice ran on ({@code sluice}, see {@link Reproducibility#environment()}).
     */
    static Map<String, Object> languageInfo(LanguageInfo language) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", language.getName());
        info.put("version", language.getVersion());
        info.put("mimetype", language.getMimetype());
        info.put("file_extension", language.getFileExtension());
        info.put("pygments_lexer", language.getPygmentsLexer());
        info.put("codemirror_mode", language.getCodemirrorMode());
        info.put("sluice", Reproducibility.environment());
        return info;
    }

    /** The comm_info reply, status included. */
    static Map<String, Object> commInfo(CommManager manager) {
        Map<String, Object> comms = new LinkedHashMap<>();
        manager.forEach(comm -> comms.put(comm.getID(), Map.of("target_name", comm.getTargetName())));
        return Map.of("status", "ok", "comms", comms);
    }

    /** The inspect reply for what was found at the cursor (null: nothing). */
    static Map<String, Object> inspection(String text) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", "ok");
        reply.put("found", text != null);
        reply.put("data", text == null ? Map.of() : Map.of("text/plain", text));
        reply.put("metadata", Map.of());
        return reply;
    }

    /** The rows a history request asks for. */
    static List<Object> history(History history, HistoryRequest request) {
        boolean output = request.includeOutput();
        return switch (request.getAccessType()) {
            case TAIL -> history.tail(((HistoryRequest.Tail) request).getMaxReturnLength(), output);
            case RANGE -> history.range(((HistoryRequest.Range) request).getStart(), ((HistoryRequest.Range) request).getStop(), output);
            case SEARCH -> {
                HistoryRequest.Search search = (HistoryRequest.Search) request;
                yield history.search(search.getPattern(), search.getMaxReturnLength(), search.filterUnique(), output);
            }
        };
    }

    /** Sends on IOPub directly, not through the environment's defer flag, which other threads must not touch. */
    static <T extends ContentType<T>> void publish(ShellReplyEnvironment env, T content) {
        env.getIopub().sendMessage(new Message<>(env.getContext(), content.getType(), content));
    }

    /** Replies between the busy and idle statuses that clients wait for on IOPub. */
    static void answer(ShellReplyEnvironment env, MessageType<?> type, Map<String, Object> content) {
        env.setBusyDeferIdle();
        reply(env, type, content);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void reply(ShellReplyEnvironment env, MessageType<?> type, Map<String, Object> content) {
        env.reply(new Message(env.getContext(), type, content));
    }
}
