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
        return e.getMessage();
    }

    private static String exclusive(ArgGroupSpec group) {
        List<OptionSpec> options = group.options();
        if (group.multiplicity().min() > 0) {
            List<String> labelled = options.stream()
                    .map(o -> o.longestName() + (o.arity().max() > 0 ? " " + o.paramLabel() : "")).toList();
            return "Give exactly one of " + either(labelled) + ".";
        }
        List<String> names = options.stream().map(OptionSpec::longestName).toList();
        return names.size() == 2 ? "Give " + names.get(0) + " or " + names.get(1) + ", not both."
                : "Give only one of " + either(names) + ".";
    }

    /** How many of the group's options the line names. */
    private static long given(ArgGroupSpec group, List<String> args) {
        return group.options().stream()
                .filter(o -> args.stream().anyMatch(a -> List.of(o.names()).contains(a.split("=", 2)[0])))
                .count();
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
