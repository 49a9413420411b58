package sluice.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sluice.magic.MagicLine;
import sluice.magic.Magics;
import sluice.magic.UsageError;

/** Editing help for a cell: completion, inspection (Shift+Tab), {@code name?} and is-complete. */
final class Assistant {
    private static final Pattern MAGIC_LINE = Pattern.compile("(?m)^%%?[A-Za-z].*$");
    private static final Pattern WORD_BEFORE = Pattern.compile("[\\w$.]*$");
    /** {@code table("pen} before the cursor: a table name is being typed. */
    private static final Pattern TABLE_NAME = Pattern.compile("\\btable\\(\"([^\"\\\\]*)$");
    /** The magics whose arguments name columns of the current table. */
    private static final Set<String> COLUMN_MAGICS = Set.of("clean", "eda", "train");

    record Completion(int start, List<String> matches) {
    }

    private final Supplier<JavaShell> java;
    private final Magics magics;
    private final sluice.session.Session session;
    private final sluice.dependencies.Classpath classpath;

    Assistant(Supplier<JavaShell> java, Magics magics, sluice.session.Session session,
              sluice.dependencies.Classpath classpath) {
        this.java = java;
        this.magics = magics;
        this.session = session;
        this.classpath = classpath;
    }

    Completion complete(String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        String line = code.substring(lineStart, cursor);
        if (line.startsWith("%")) {
            return completeMagic(line, lineStart, cursor);
        }
        Matcher table = TABLE_NAME.matcher(line);
        if (table.find()) {
            String typed = table.group(1);
            return new Completion(cursor - typed.length(),
                    session.tableNames().stream().filter(n -> n.startsWith(typed)).sorted().toList());
        }
        String masked = maskMagics(code);
        int start = snippetStart(masked, cursor);
        JavaShell.Completion c = java.get().complete(masked.substring(start, cursor), cursor - start);
        return new Completion(start + c.start(), c.matches());
    }

    private Completion completeMagic(String line, int lineStart, int cursor) {
        if (!line.contains(" ")) {
            return new Completion(lineStart, magics.spellings().stream().filter(n -> n.startsWith(line)).toList());
        }
        String name = magicName(line);
        String word = line.substring(line.lastIndexOf(' ') + 1);
        if (!magics.has(name)) {
            return new Completion(cursor, List.of());
        }
        List<String> before = List.of(line.substring(0, line.length() - word.length()).strip().split("\\s+"));
        List<String> operations = magics.subcommands(name);
        String operation = before.size() > 1 && operations.contains(before.get(1)) ? before.get(1) : null;
        String previous = before.get(before.size() - 1);
        List<String> choices = previous.startsWith("-") ? magics.choices(name, operation, previous) : List.of();
        List<String> candidates;
        if (!choices.isEmpty()) {
            candidates = choices;
        } else if (word.startsWith("-")) {
            candidates = magics.options(name, operation);
        } else if (name.equals("maven")) {
            return new Completion(cursor - word.length(), classpath.localCoordinates(word));
        } else if (COLUMN_MAGICS.contains(name) && before.size() > 1) {
            // A column, or the next of a comma-separated list of them (--exclude a,b).
            String part = word.substring(word.lastIndexOf(',') + 1);
            List<String> columns = session.hasTable() ? session.table().columnNames() : List.of();
            return new Completion(cursor - part.length(), columns.stream().filter(c -> c.startsWith(part)).toList());
        } else if (before.size() == 1) {
            candidates = operations;
        } else {
            candidates = List.of();
        }
        return new Completion(cursor - word.length(), candidates.stream().filter(c -> c.startsWith(word)).toList());
    }

    /** Text for Shift+Tab at {@code cursor}: a magic's usage, or the signature/Javadoc/value of a Java name. */
    String inspect(String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', Math.max(0, cursor - 1)) + 1;
        int lineEnd = code.indexOf('\n', cursor);
        String line = code.substring(lineStart, lineEnd < 0 ? code.length() : lineEnd);
        if (line.startsWith("%")) {
            return magicUsage(magicName(line));
        }
        String masked = maskMagics(code);
        int end = cursor;
        while (end < masked.length() && (Character.isJavaIdentifierPart(masked.charAt(end)))) {
            end++;
        }
        int start = snippetStart(masked, end);
        String snippet = masked.substring(start, end);
        JavaShell shell = java.get();
        List<String> docs = new ArrayList<>(shell.documentation(snippet, snippet.length()));
        if (docs.isEmpty()) {
            docs.addAll(shell.documentation(snippet + "(", snippet.length() + 1));
        }
        Matcher word = WORD_BEFORE.matcher(snippet);
        if (docs.isEmpty() && word.find() && !word.group().isEmpty() && !word.group().contains(".")) {
            String variable = shell.describeVariable(word.group());
            if (variable != null) {
                docs.add(variable);
            }
        }
        return docs.isEmpty() ? null : String.join("\n\n", docs);
    }

    /** Help for {@code name?}: a magic's usage or what {@link #inspect} finds for a Java name. */
    String help(String name) {
        if (name.startsWith("%")) {
            return magicUsage(name.replaceFirst("^%%?", ""));
        }
        return inspect(name, name.length());
    }

    /** "complete", "incomplete" (with no indent), or "invalid", for a console deciding on Enter. */
    String completeness(String code) {
        String stripped = code.strip();
        if (stripped.startsWith("%%")) {
            // A cell magic's header alone still waits for its body, as in IPython.
            return stripped.contains("\n") ? "complete" : "incomplete";
        }
        String masked = maskMagics(code);
        return masked.isBlank() ? "complete" : java.get().completeness(masked);
    }

    private String magicUsage(String name) {
        try {
            return magics.usage(name);
        } catch (UsageError e) {
            return null;
        }
    }

    private static String magicName(String line) {
        try {
            return MagicLine.parse(line.replaceFirst("^%%?", "")).name();
        } catch (UsageError e) {
            return "";
        }
    }

    /** The code with magic lines blanked out (same length), so Java offsets stay valid. */
    private static String maskMagics(String code) {
        Matcher m = MAGIC_LINE.matcher(code);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, " ".repeat(m.group().length()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Where the Java snippet that holds {@code cursor} begins. */
    private int snippetStart(String code, int cursor) {
        return java.get().snippetStart(code.substring(0, cursor));
    }
}
