package sluice.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;

/** Java cells: JShell running in this JVM, with the imports a data scientist expects already there. */
final class JavaShell {
    static final List<String> IMPORTS = List.of(
            "java.util.*", "java.util.function.*", "java.util.stream.*", "java.time.*", "java.nio.file.*",
            "java.io.*", "java.math.*", "tech.tablesaw.api.*", "io.github.spencerpark.jupyter.kernel.display.DisplayData",
            "static sluice.kernel.Notebook.*");

    /** A snippet's place in the notebook, for error messages: cell number and first line. */
    record Origin(int cell, int line) {
    }

    private final JShell shell;
    private final InProcessExecution execution;
    private final SourceCodeAnalysis analysis;
    private final QuickValue quickValue;
    private final Map<String, Origin> origins = new ConcurrentHashMap<>();

    JavaShell() {
        InProcessExecution.Provider provider = new InProcessExecution.Provider();
        this.shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .build();
        this.execution = provider.execution();
        this.analysis = shell.sourceCodeAnalysis();
        this.quickValue = new QuickValue(shell, execution);
        shell.addToClasspath(System.getProperty("java.class.path"));
        for (String name : IMPORTS) {
            shell.eval("import " + name + ";");
        }
    }

    /** Adds a jar or class folder to what cells compile against and load classes from. */
    void addToClasspath(java.nio.file.Path path) {
        shell.addToClasspath(path.toString());
    }

    /**
     * Runs Java source that may hold several snippets, in order, stopping at the first failure.
     *
     * @param cell      execution count of the cell, for error positions
     * @param firstLine line of the cell where {@code source} starts (1-based)
     * @return the value of the last snippet when it is an expression, else {@link #NO_VALUE}
     */
    Object run(String source, int cell, int firstLine) throws Exception {
        Object quick = quickValue.of(source.strip());
        if (quick != NO_VALUE) {
            return quick;
        }
        Object value = NO_VALUE;
        String remaining = source;
        int offset = 0;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String snippetSource = info.completeness() == Completeness.EMPTY ? "" : info.source();
            int consumed = info.completeness().isComplete() ? remaining.length() - info.remaining().length() : remaining.length();
            if (!info.completeness().isComplete()) {
                snippetSource = remaining;
            }
            int lead = leadingWhitespace(remaining);
            int line = firstLine + lines(source.substring(0, offset + lead));
            snippetSource = snippetSource.substring(leadingWhitespace(snippetSource));
            int start = offset + lead;
            int indent = start - (source.lastIndexOf('\n', start - 1) + 1);
            String firstSourceLine = source.substring(start - indent).lines().findFirst().orElse("");
            value = evalOne(snippetSource, new Place(cell, line, indent, firstSourceLine));
            offset += consumed;
            remaining = remaining.substring(consumed);
        }
        return value;
    }

    static final Object NO_VALUE = new Object();

    /** Where a snippet starts in its cell: line, indentation of its first line, and that line as typed. */
    private record Place(int cell, int line, int indent, String firstLine) {
    }

    private Object evalOne(String snippetSource, Place place) throws Exception {
        List<SnippetEvent> events = shell.eval(snippetSource);
        if (execution.takeStopped()) {
            throw new CellInterrupted();
        }
        Object value = NO_VALUE;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            origins.put(snippet.id(), new Origin(place.cell(), place.line()));
            if (event.status() == Snippet.Status.REJECTED) {
                throw compileError(snippet, place);
            }
            JShellException failure = event.exception();
            if (failure != null) {
                throw userException(failure);
            }
            if (event.status() == Snippet.Status.RECOVERABLE_DEFINED || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                String missing = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet).collect(Collectors.joining(", "));
                System.err.println("Note: " + snippetName(snippet) + " can be used once " + missing + " is defined.");
            }
            boolean expression = snippet.kind() == Snippet.Kind.EXPRESSION
                    || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
            Object result = execution.takeValue();
            if (expression && event.value() != null && !isVoid(snippet) && !DISPLAY_CALL.matcher(snippet.source()).matches()) {
                value = result;
            }
            if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                // An unnamed $N would keep its value alive and make every later cell compile slower.
                shell.drop(snippet);
            }
        }
        return value;
    }

    /** A snippet that only calls {@code display(…)}: its value, the display id, is not shown again. */
    private static final java.util.regex.Pattern DISPLAY_CALL = java.util.regex.Pattern.compile("\\s*display\\s*\\(.*\\)\\s*;?\\s*",
            java.util.regex.Pattern.DOTALL);

    private static boolean isVoid(Snippet snippet) {
        return snippet instanceof jdk.jshell.VarSnippet v && "void".equals(v.typeName());
    }

    private static String snippetName(Snippet snippet) {
        return snippet instanceof jdk.jshell.DeclarationSnippet d ? d.name() : snippet.source().strip();
    }

    private CompileError compileError(Snippet snippet, Place place) {
        List<Diag> diags = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        if (diags.isEmpty()) {
            return new CompileError("The snippet could not be compiled.", place.line(), place.indent() + 1, place.firstLine());
        }
        Diag diag = diags.get(0);
        String src = snippet.source();
        int pos = (int) Math.max(0, Math.min(diag.getPosition(), src.length()));
        String before = src.substring(0, pos);
        int lineInSnippet = lines(before);
        int column = pos - (before.lastIndexOf('\n') + 1) + 1;
        String text = src.lines().skip(lineInSnippet).findFirst().orElse("");
        if (lineInSnippet == 0) {
            column += place.indent();
            text = place.firstLine();
        }
        return new CompileError(diag.getMessage(Locale.ROOT).lines().findFirst().orElse("").strip(),
                place.line() + lineInSnippet, column, text);
    }

    private UserCodeException userException(JShellException failure) {
        if (failure instanceof UnresolvedReferenceException unresolved) {
            String missing = shell.unresolvedDependencies(unresolved.getSnippet()).collect(Collectors.joining(", "));
            return new UserCodeException("UnresolvedReference",
                    snippetName(unresolved.getSnippet()) + " needs " + missing + ", which is not defined yet.",
                    new StackTraceElement[0], origins);
        }
        EvalException eval = (EvalException) failure;
        // A refused System.exit, or a usage mistake in a call of the notebook API: one line, no trace.
        if (CellGuard.ExitRefused.class.getName().equals(eval.getExceptionClassName())
                || sluice.magic.UsageError.class.getName().equals(eval.getExceptionClassName())) {
            throw new sluice.magic.UsageError(eval.getMessage());
        }
        return new UserCodeException(eval.getExceptionClassName(), eval.getMessage(), eval.getStackTrace(), origins, eval.getCause());
    }

    /** Stops the running snippet, or the next one if it is still being compiled. */
    void stop() {
        execution.stop();
    }

    /** Starts a new cell with no stop pending from an earlier one. */
    void clearStop() {
        execution.clearStop();
    }

    /** Completion candidates for {@code code} at {@code cursor}: [start, matches...]. */
    Completion complete(String code, int cursor) {
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(code, cursor, anchor);
        List<String> matches = new ArrayList<>();
        boolean anyMatchingType = suggestions.stream().anyMatch(SourceCodeAnalysis.Suggestion::matchesType);
        for (SourceCodeAnalysis.Suggestion s : suggestions) {
            if ((!anyMatchingType || s.matchesType()) && !matches.contains(s.continuation())) {
                matches.add(s.continuation());
            }
        }
        return new Completion(anchor[0], matches);
    }

    record Completion(int start, List<String> matches) {
    }

    /** Signatures (and Javadoc where the JDK has it) of what is at {@code cursor}. */
    List<String> documentation(String code, int cursor) {
        return analysis.documentation(code, cursor, true).stream()
                .map(d -> d.javadoc() == null || d.javadoc().isBlank() ? d.signature() : d.signature() + "\n\n" + d.javadoc())
                .distinct()
                .collect(Collectors.toList());
    }

    /** A declared variable's type and value, for inspecting a bare name. */
    String describeVariable(String name) {
        return shell.variables()
                .filter(v -> v.name().equals(name) && shell.status(v).isActive())
                .reduce((a, b) -> b)
                .map(v -> v.typeName() + " " + v.name() + " = " + shell.varValue(v))
                .orElse(null);
    }

    /** "complete", "incomplete" or "invalid" for the whole of {@code code}. */
    String completeness(String code) {
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case DEFINITELY_INCOMPLETE:
                    return "incomplete";
                case CONSIDERED_INCOMPLETE:
                    return remaining.stripTrailing().endsWith(";") || remaining.endsWith("\n") ? "complete" : "incomplete";
                case UNKNOWN:
                    return "invalid";
                default:
                    if (info.remaining().length() >= remaining.length()) {
                        return "complete";
                    }
                    remaining = info.remaining();
            }
        }
        return "complete";
    }

    /** Offset in {@code code} where its last snippet (the one being typed at the end) begins. */
    int snippetStart(String code) {
        int start = 0;
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete() || info.remaining().isBlank()) {
                break;
            }
            start += remaining.length() - info.remaining().length();
            remaining = info.remaining();
        }
        return start + leadingWhitespace(remaining);
    }

    private static int leadingWhitespace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int lines(String s) {
        return (int) s.chars().filter(c -> c == '\n').count();
    }
}
