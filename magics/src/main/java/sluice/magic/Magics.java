package sluice.magic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The catalogue of magics: each is registered once by name, and the catalogue parses a call with the
 * magic's own picocli declaration, answers {@code --help}, and lists names and options for completion.
 */
public final class Magics {
    /** Whether a magic is called as {@code %name} on a line or as {@code %%name} heading a cell. */
    public enum Kind {
        LINE("%"), CELL("%%");

        public final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    /** @param both whether the magic is also a cell magic ({@code %maven} and {@code %%maven}) */
    private record Entry(Kind kind, Supplier<? extends Magic> factory, boolean both) {
    }

    /** In the order they were added, which is the order listings show them in. */
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** One parsed declaration per magic for help, listings and completion, which only read it. */
    private final Map<String, CommandLine> declarations = new java.util.concurrent.ConcurrentHashMap<>();

    /** Registers a magic; the factory makes a fresh instance for every call, so options never leak. */
    public Magics add(String name, Kind kind, Supplier<? extends Magic> factory) {
        entries.put(name, new Entry(kind, factory, false));
        return this;
    }

    /** Registers a magic written either way: {@code %name args}, or {@code %%name args} over a cell body. */
    public Magics addLineAndCell(String name, Supplier<? extends Magic> factory) {
        entries.put(name, new Entry(Kind.LINE, factory, true));
        return this;
    }

    /** Runs {@code %name args} (body null) or {@code %%name args} with its cell body. */
    public Object run(Kind kind, String text, String body) throws Exception {
        MagicLine line = MagicLine.parse(text);
        Entry entry = entry(line.name(), kind);
        Magic magic = entry.factory().get();
        // Only the operation the line names is declared: each declaration is reflection over its options
        // (all nine of %train's took 10-30 ms a call). Any other line gets them all, for its error.
        String operation = line.args().isEmpty() || !magic.subcommands().containsKey(line.args().get(0)) ? null : line.args().get(0);
        CommandLine command = command(line.name(), kind, magic, operation);
        CommandLine.ParseResult parsed;
        try {
            parsed = command.parseArgs(line.args().toArray(String[]::new));
        } catch (CommandLine.UnmatchedArgumentException e) {
            String conflict = ParseErrors.conflict(e, line.args());
            if (conflict != null) {
                throw new UsageError(conflict, synopsis(e.getCommandLine()));
            }
            List<String> unmatched = e.getUnmatched();
            if (e.getCommandLine() == command && !magic.subcommands().isEmpty() && !unmatched.isEmpty()
                    && !unmatched.get(0).startsWith("-")) {
                throw new UsageError("No operation '" + unmatched.get(0) + "' for " + kind.prefix + line.name() + "."
                        + DidYouMean.hint(unmatched.get(0), magic.subcommands().keySet(), "")
                        + " Operations: " + String.join(", ", magic.subcommands().keySet()) + ".", synopsis(command));
            }
            String hint = e.getSuggestions().isEmpty() ? "" : " Did you mean '" + e.getSuggestions().get(0) + "'?";
            throw new UsageError(e.getMessage().lines().findFirst().orElse("") + "." + hint, synopsis(e.getCommandLine()));
        } catch (CommandLine.ParameterException e) {
            throw new UsageError(ParseErrors.message(e, line.args()), synopsis(e.getCommandLine()));
        }
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        CommandLine chosen = parsed.commandSpec().commandLine();
        if (chosen.isUsageHelpRequested()) {
            return chosen.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
        }
        // A magic with operations runs itself when none is named: %eda alone is the overview, while
        // %clean alone says which operations there are.
        return ((Magic) parsed.commandSpec().userObject()).run(body);
    }

    /** The operations a magic takes after its name ({@code fill}, {@code undo}, …), for completion. */
    public List<String> subcommands(String name) {
        Entry entry = entry(name, null);
        return List.copyOf(entry.factory().get().subcommands().keySet());
    }

    /** The usage text of a magic, as {@code --help} prints it. */
    public String usage(String name) {
        return declaration(name).getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
    }

    /** A magic's usage in one short line, e.g. {@code %ingest SOURCE [options]}. */
    public String usageLine(String name) {
        return Synopsis.of(declaration(name));
    }

    /** The first line of a magic's description. */
    public String summary(String name) {
        String[] description = declaration(name).getCommandSpec().usageMessage().description();
        return description.length == 0 ? "" : description[0];
    }

    /** Magic names, each with its prefix: {@code %lsmagic}, {@code %%time}. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        entries.forEach((name, entry) -> names.add(entry.kind().prefix + name));
        return Collections.unmodifiableList(names);
    }

    /** As {@link #names()}, with the cell spelling of a magic written either way too ({@code %%maven}), for completion. */
    public List<String> spellings() {
        List<String> names = new ArrayList<>();
        entries.forEach((name, entry) -> {
            names.add(entry.kind().prefix + name);
            if (entry.both()) {
                names.add(Kind.CELL.prefix + name);
            }
        });
        return Collections.unmodifiableList(names);
    }

    public boolean has(String name) {
        return entries.containsKey(name);
    }

    /** The long option names a magic (or one of its operations) accepts, e.g. {@code --repeat}, {@code --help}. */
    public List<String> options(String name, String subcommand) {
        CommandLine command = declaration(name);
        CommandLine chosen = subcommand == null ? null : command.getSubcommands().get(subcommand);
        List<String> options = new ArrayList<>();
        for (OptionSpec option : (chosen == null ? command : chosen).getCommandSpec().options()) {
            options.add(option.longestName());
        }
        Collections.sort(options);
        return options;
    }

    public List<String> options(String name) {
        return options(name, null);
    }

    /**
     * The values {@code option} of a magic (or of one of its operations) takes when they are a fixed set,
     * as {@code --help} lists them ({@code --how}: any, all), for completion; empty for any other option.
     */
    public List<String> choices(String name, String subcommand, String option) {
        CommandLine command = declaration(name);
        CommandLine chosen = subcommand == null ? null : command.getSubcommands().get(subcommand);
        OptionSpec spec = (chosen == null ? command : chosen).getCommandSpec().findOption(option);
        List<String> values = spec == null ? null : choices(spec);
        return values == null ? List.of() : values;
    }

    /** The values an enum option (or an enum-valued map option) accepts, as --help lists them; null for others. */
    static List<String> choices(CommandLine.Model.ArgSpec spec) {
        Class<?> type = Map.class.isAssignableFrom(spec.type()) && spec.auxiliaryTypes().length > 1 ? spec.auxiliaryTypes()[1]
                : spec.type();
        if (!type.isEnum()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        spec.completionCandidates().forEach(values::add);
        return values;
    }

    private Entry entry(String name, Kind kind) {
        Entry entry = entries.get(name);
        String called = (kind == null ? Kind.LINE : kind).prefix + name;
        if (entry == null) {
            throw new UsageError("No magic " + called + "." + DidYouMean.hint(name, entries.keySet(), kind == null ? "" : kind.prefix)
                    + " Run %lsmagic to list them.");
        }
        if (kind != null && entry.kind() != kind && !entry.both()) {
            throw new UsageError(called + " is a " + entry.kind().name().toLowerCase() + " magic: write it as "
                    + entry.kind().prefix + name + (entry.kind() == Kind.CELL ? " on the first line of the cell." : "."));
        }
        return entry;
    }

    /** The magic's declaration, parsed once: reflection over the annotations costs milliseconds a call. */
    private CommandLine declaration(String name) {
        Entry entry = entry(name, null);
        return declarations.computeIfAbsent(name, n -> command(n, entry.kind(), entry.factory().get(), null));
    }

    /** The declaration of {@code magic} with its operations: all, or only {@code only} when not null. */
    private static CommandLine command(String name, Kind kind, Magic magic, String only) {
        CommandLine command = new CommandLine(magic);
        CommandSpec spec = command.getCommandSpec();
        spec.name(kind.prefix + name);
        addHelp(spec);
        Map<String, Magic> operations = only == null ? magic.subcommands() : Map.of(only, magic.subcommands().get(only));
        operations.forEach((operation, sub) -> {
            // An operation without options may be a plain lambda, which picocli cannot inspect.
            CommandLine subcommand = new CommandLine(sub.getClass().isAnnotationPresent(CommandLine.Command.class)
                    ? sub : CommandSpec.wrapWithoutInspection(sub));
            addHelp(subcommand.getCommandSpec());
            command.addSubcommand(operation, subcommand);
        });
        // Set after the operations are added, as picocli applies it to the subcommands present.
        command.setCaseInsensitiveEnumValuesAllowed(true);
        return command;
    }

    private static void addHelp(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help.").build());
    }

    private static String synopsis(CommandLine command) {
        return "Usage: " + command.getHelp().synopsis(0).stripTrailing();
    }
}
