package sluice.magic;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A picocli parse error as one line that names the option and what it takes, worded from the
 * declaration: an enum's values, a map's {@code KEY=VALUE} label, an exclusive group's options.
 */
final class ParseErrors {
    private ParseErrors() {
    }

    /** The message for {@code e}, raised while parsing {@code args}. */
    static String message(CommandLine.ParameterException e, List<String> args) {
        if (e.getCause() instanceof UsageError usage) {
            return usage.getMessage();
        }
        ArgSpec spec = e.getArgSpec();
        String value = e.getValue();
        if (spec != null && value != null && e.getCause() instanceof CommandLine.TypeConversionException && Magics.choices(spec) != null) {
            List<String> accepted = Magics.choices(spec);
            return name(spec) + " takes " + either(accepted) + ", not '" + value + "'." + DidYouMean.hint(value, accepted, "");
        }
        if (spec != null && value != null && Map.class.isAssignableFrom(spec.type()) && e.getCause() == null) {
            return name(spec) + " takes " + spec.paramLabel() + " pairs separated by commas, not '" + value + "'.";
        }
        if (e instanceof CommandLine.MutuallyExclusiveArgsException || e instanceof CommandLine.MissingParameterException) {
            for (ArgGroupSpec group : e.getCommandLine().getCommandSpec().argGroups()) {
                if (group.exclusive() && (given(group, args) > 1 || e instanceof CommandLine.MissingParameterException
                        && given(group, args) == 0 && group.multiplicity().min() > 0)) {
                    return exclusive(group);
                }
            }
        }
        if (e instanceof CommandLine.MaxValuesExceededException) {
            // picocli words an option of a group given twice as two matches of the whole group
            for (ArgGroupSpec group : e.getCommandLine().getCommandSpec().argGroups()) {
                for (OptionSpec option : group.options()) {
                    if (args.stream().filter(a -> List.of(option.names()).contains(a.split("=", 2)[0])).count() > 1) {
                        return "Give " + option.longestName() + " only once.";
                    }
                }
            }
        }
        return e.getMessage();
    }

    /**
     * The group's message for a line that gives both an option of an exclusive group and a value for its
     * positional parameter ({@code %clean fill --all sex}), which picocli reports as an unmatched argument;
     * null for any other unmatched argument.
     */
    static String conflict(CommandLine.UnmatchedArgumentException e, List<String> args) {
        List<String> unmatched = e.getUnmatched();
        if (unmatched.isEmpty() || unmatched.get(0).startsWith("-")) {
            return null;
        }
        for (ArgGroupSpec group : e.getCommandLine().getCommandSpec().argGroups()) {
            if (group.exclusive() && !group.positionalParameters().isEmpty() && optionsGiven(group, args) > 0) {
                return exclusive(group);
            }
        }
        return null;
    }

    private static String exclusive(ArgGroupSpec group) {
        if (group.multiplicity().min() > 0) {
            List<String> labelled = group.args().stream().map(ParseErrors::labelled).toList();
            return "Give exactly one of " + either(labelled) + ".";
        }
        List<String> names = group.args().stream().map(ParseErrors::name).toList();
        return names.size() == 2 ? "Give " + names.get(0) + " or " + names.get(1) + ", not both."
                : "Give only one of " + either(names) + ".";
    }

    /**
     * How many of the group's members the line gives: an option by its name, a positional parameter when
     * picocli matched a value to it.
     */
    private static long given(ArgGroupSpec group, List<String> args) {
        return optionsGiven(group, args) + group.positionalParameters().stream().filter(p -> !p.originalStringValues().isEmpty()).count();
    }

    private static long optionsGiven(ArgGroupSpec group, List<String> args) {
        return group.options().stream()
                .filter(o -> args.stream().anyMatch(a -> List.of(o.names()).contains(a.split("=", 2)[0])))
                .count();
    }

    /** An option with its parameter, {@code --iqr K}, or a positional parameter's label, {@code COLS}. */
    private static String labelled(ArgSpec spec) {
        return spec instanceof OptionSpec option && option.arity().max() > 0 ? option.longestName() + " " + option.paramLabel()
                : name(spec);
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
    }

    /** "a or b", "a, b or c" */
    private static String either(List<String> items) {
        return items.size() < 2 ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }
}
