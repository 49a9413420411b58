package sluice.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The inputs (and text outputs) of this session's cells, for the protocol's history requests. */
final class History {
    static final int SESSION = 1;

    private record Entry(int line, String input, String output) {
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(int line, String input, String output) {
        entries.add(new Entry(line, input, output));
    }

    /** The last {@code n} entries. */
    synchronized List<Object> tail(int n, boolean output) {
        return rows(entries.subList(Math.max(0, entries.size() - n), entries.size()), output);
    }

    /** Entries of lines {@code start} (inclusive) to {@code stop} (exclusive; 0 or less means to the end). */
    synchronized List<Object> range(int start, int stop, boolean output) {
        return rows(entries.stream()
                .filter(e -> e.line() >= start && (stop <= 0 || e.line() < stop))
                .toList(), output);
    }

    /** The last {@code n} entries whose input matches a glob ({@code *}, {@code ?}); {@code unique} drops repeats. */
    synchronized List<Object> search(String glob, int n, boolean unique, boolean output) {
        Pattern pattern = Pattern.compile(glob.chars().mapToObj(c -> c == '*' ? ".*" : c == '?' ? "."
                : Pattern.quote(Character.toString(c))).reduce("", String::concat), Pattern.DOTALL);
        Map<String, Entry> matches = new LinkedHashMap<>();
        int key = 0;
        for (Entry e : entries) {
            if (pattern.matcher(e.input()).matches()) {
                if (unique) {
                    matches.remove(e.input());
                }
                matches.put(unique ? e.input() : Integer.toString(key++), e);
            }
        }
        List<Entry> found = new ArrayList<>(matches.values());
        return rows(n > 0 ? found.subList(Math.max(0, found.size() - n), found.size()) : found, output);
    }

    private static List<Object> rows(List<Entry> entries, boolean output) {
        return entries.stream()
                .map(e -> (Object) (output ? List.of(SESSION, e.line(), java.util.Arrays.asList(e.input(), e.output()))
                        : List.of(SESSION, e.line(), e.input())))
                .toList();
    }
}
