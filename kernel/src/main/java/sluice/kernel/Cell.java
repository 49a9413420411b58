package sluice.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A cell's source split into what runs it: an optional {@code %%magic} heading the cell, or runs of
 * Java lines and {@code %magic} lines, in order. A magic line starts at column 0 with {@code %} and a
 * letter, so Java such as {@code a\n  % b} is never taken for one.
 */
record Cell(String cellMagic, String body, List<Part> parts) {
    private static final Pattern LINE_MAGIC = Pattern.compile("^%[A-Za-z].*");
    private static final Pattern CELL_MAGIC = Pattern.compile("^%%[A-Za-z].*");
    private static final Pattern QUESTION = Pattern.compile("^(%{0,2}[\\w.$]+)\\?{1,2}$");

    /** One run of the cell: Java source starting at {@code line}, or a magic line's text after {@code %}. */
    record Part(boolean magic, String text, int line) {
    }

    static Cell parse(String source) {
        String[] lines = source.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first < lines.length && CELL_MAGIC.matcher(lines[first]).matches()) {
            String body = String.join("\n", List.of(lines).subList(first + 1, lines.length));
            return new Cell(lines[first].substring(2), body, List.of());
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder java = new StringBuilder();
        int javaStart = 1;
        for (int i = 0; i < lines.length; i++) {
            if (LINE_MAGIC.matcher(lines[i]).matches()) {
                if (!java.toString().isBlank()) {
                    parts.add(new Part(false, java.toString(), javaStart));
                }
                java.setLength(0);
                parts.add(new Part(true, lines[i].substring(1), i + 1));
                javaStart = i + 2;
            } else {
                java.append(lines[i]).append('\n');
            }
        }
        if (!java.toString().isBlank()) {
            parts.add(new Part(false, java.toString(), javaStart));
        }
        return new Cell(null, null, parts);
    }

    /** The name asked about when the whole cell is {@code name?} (IPython's help syntax), else null. */
    static String question(String source) {
        var m = QUESTION.matcher(source.strip());
        return m.matches() ? m.group(1) : null;
    }
}
