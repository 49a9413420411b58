package sluice.magic;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.text.StringTokenizer;
import org.apache.commons.text.matcher.StringMatcherFactory;

/** A magic invocation split into its name and shell-like words ({@code '...'} and {@code "..."} quote). */
public record MagicLine(String name, List<String> args) {

    /** Parses the text after {@code %} or {@code %%}, e.g. {@code time --repeat 3}. */
    public static MagicLine parse(String text) {
        StringTokenizer tokenizer = new StringTokenizer(text.strip());
        tokenizer.setQuoteMatcher(StringMatcherFactory.INSTANCE.quoteMatcher());
        tokenizer.setIgnoreEmptyTokens(true);
        List<String> words = tokenizer.getTokenList();
        if (words.isEmpty() || words.get(0).isEmpty()) {
            throw new UsageError("A magic needs a name after '%'. Run %lsmagic to list them.");
        }
        return new MagicLine(words.get(0), List.copyOf(words.subList(1, words.size())));
    }

    /**
     * The items of a comma-separated option value such as a column list ({@code bill, sex}): each
     * stripped, blanks left out; none for null.
     */
    public static List<String> commaSeparated(String csv) {
        List<String> items = new ArrayList<>();
        if (csv != null) {
            for (String item : csv.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }
}
