package sluice.magic;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A magic's usage in one short line, made from its picocli declaration: its operation label, its
 * parameters, its required options, and its other options by name when there are few, else
 * {@code [options]} — e.g. {@code %ingest SOURCE [options]}, {@code %%time [--repeat N]}.
 */
final class Synopsis {
    /** Optional options listed by name up to this many; more read as {@code [options]}. */
    private static final int NAMED_OPTIONS = 2;

    private Synopsis() {
    }

    static String of(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        List<String> words = new ArrayList<>(List.of(spec.name()));
        if (!command.getSubcommands().isEmpty()) {
            words.add(spec.usageMessage().synopsisSubcommandLabel());
            if (command.getSubcommands().values().stream().anyMatch(Synopsis::takesArguments)) {
                words.add("…");
            }
        }
        for (PositionalParamSpec parameter : spec.positionalParameters()) {
            if (parameter.group() != null) {
                continue;
            }
            String label = parameter.paramLabel() + (parameter.arity().max() > 1 ? "…" : "");
            words.add(parameter.arity().min() == 0 ? "[" + label + "]" : label);
        }
        List<OptionSpec> options = options(spec);
        options.stream().filter(Synopsis::required).forEach(option -> words.add(option(option)));
        // A required group of exclusive options reads as (--iqr K | --z K | --range LO:HI), or (COLS | --all).
        spec.argGroups().stream().filter(group -> group.multiplicity().min() > 0).forEach(group -> words.add(
                "(" + String.join(" | ", group.args().stream().map(Synopsis::member).toList()) + ")"));
        List<OptionSpec> optional = options.stream().filter(option -> !option.required()
                || option.group() != null && option.group().multiplicity().min() == 0).toList();
        if (optional.size() > NAMED_OPTIONS) {
            words.add("[options]");
        } else {
            optional.forEach(option -> words.add("[" + option(option) + "]"));
        }
        return String.join(" ", words);
    }

    private static boolean takesArguments(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        return !spec.positionalParameters().isEmpty() || !options(spec).isEmpty();
    }

    private static List<OptionSpec> options(CommandSpec spec) {
        return spec.options().stream().filter(option -> !option.usageHelp() && !option.versionHelp()).toList();
    }

    /** Required on its own: an option in a group is required only within the group. */
    private static boolean required(OptionSpec option) {
        return option.required() && option.group() == null;
    }

    private static String member(CommandLine.Model.ArgSpec arg) {
        return arg instanceof OptionSpec option ? option(option) : arg.paramLabel();
    }

    private static String option(OptionSpec option) {
        return option.longestName() + (option.arity().max() > 0 ? " " + option.paramLabel() : "");
    }
}
