package sluice.magic;

import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code %lsmagic}: lists every magic with the first line of its description. */
@Command(name = "lsmagic", description = "List the magics, one line each.")
public final class LsMagic implements Magic {
    private final Magics magics;

    public LsMagic(Magics magics) {
        this.magics = magics;
    }

    @Override
    public Object run(String body) {
        int width = magics.spellings().stream().mapToInt(String::length).max().orElse(0);
        return magics.spellings().stream()
                .map(name -> String.format("%-" + width + "s  %s", name, magics.summary(name.replace("%", ""))))
                .collect(Collectors.joining("\n"))
                + "\n\nRun %name --help for a magic's usage.";
    }
}
