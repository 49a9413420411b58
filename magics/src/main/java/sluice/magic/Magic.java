package sluice.magic;

/**
 * A magic: a class whose picocli annotations declare its arguments, so that one declaration parses
 * the line, prints {@code --help} and offers completions.
 *
 * <p>The returned value is what the cell shows (a {@code String}, a table, a figure, or null for nothing).
 */
public interface Magic {
    /**
     * Operations written after the magic's name ({@code %clean fill …}), each a magic of its own with
     * its own options; a magic that has them runs the one the line names. Most magics have none.
     */
    default java.util.Map<String, Magic> subcommands() {
        return java.util.Map.of();
    }

    /**
     * Runs the magic after its arguments were parsed into its fields.
     *
     * @param body the cell body for a {@code %%cell} magic, null for a {@code %line} magic
     */
    Object run(String body) throws Exception;
}
