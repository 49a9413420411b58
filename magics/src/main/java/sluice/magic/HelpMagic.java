package sluice.magic;

import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code %help [NAME]}: every magic with its usage line and what it does, or one magic's full usage;
 * both come from the magics' own declarations, as the README's table does ({@link #markdownTable}).
 */
@Command(name = "help", description = "List the magics with their usage, or show one magic's full usage.")
public final class HelpMagic implements Magic {
    @Parameters(arity = "0..1", paramLabel = "NAME", description = "A magic's name, with or without % (e.g. ingest).")
    String name;

    private final Magics magics;

    public HelpMagic(Magics magics) {
        this.magics = magics;
    }

    @Override
    public Object run(String body) {
        if (name != null) {
            if (!magics.has(bare(name))) {
                String asked = name.startsWith("%") ? name : "%" + name;
                throw new UsageError("No magic " + asked + "."
                        + DidYouMean.closest(asked, magics.names()).map(match -> " Did you mean '" + match + "'?").orElse("")
                        + " Run %help to list them.");
            }
            return magics.usage(bare(name));
        }
        return magics.names().stream()
                .map(magic -> magics.usageLine(bare(magic)) + "\n    " + magics.summary(bare(magic)))
                .collect(Collectors.joining("\n"))
                + "\n\nRun %help NAME (or %NAME --help) for a magic's full usage.";
    }

    /** The README's table of magics: one row per magic, its usage line and what it does. */
    public static String markdownTable(Magics magics) {
        StringBuilder table = new StringBuilder("| magic | what it does |\n| --- | --- |\n");
        for (String magic : magics.names()) {
            table.append("| `").append(magics.usageLine(bare(magic)).replace("|", "\\|")).append("` | ")
                    .append(magics.summary(bare(magic)).replace("|", "\\|")).append(" |\n");
        }
        return table.toString();
    }

    private static String bare(String magic) {
        return magic.replaceFirst("^%{1,2}", "");
    }
}
