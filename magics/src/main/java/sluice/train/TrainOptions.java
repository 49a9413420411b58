package sluice.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Stack;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import sluice.magic.UsageError;
import sluice.model.Algorithm;
import sluice.model.Task;

/** The options every {@code %train} algorithm shares, declared once (a picocli mixin). */
public final class TrainOptions {
    @Option(names = "--target", required = true, paramLabel = "COL", description = "The column to predict.")
    String target;

    @ArgGroup
    Features features;

    @Option(names = "--test-size", paramLabel = "SHARE", description = "Share of rows held out for testing (default: 0.2).")
    double testSize = 0.2;

    @Option(names = "--test-rows", paramLabel = "FILE",
            description = "Test on these rows instead: 0-based row numbers, one per line (e.g. another tool's split).")
    java.nio.file.Path testRows;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the split and the learner (default: 42).")
    long seed = 42;

    @Option(names = "--cv", paramLabel = "K", description = "Also cross-validate with K folds on the training rows.")
    int cv;

    @Option(names = "--task", paramLabel = "TASK", parameterConsumer = TaskName.class, completionCandidates = TaskNames.class,
            description = "Override the task the target's type implies: ${COMPLETION-CANDIDATES}.")
    Task task;

    @Option(names = "--set", paramLabel = "key=value", split = ",",
            description = "A parameter of the algorithm, e.g. --set trees=200,max_depth=12.")
    Map<String, String> settings = new LinkedHashMap<>();

    /** The columns to learn from, or those to leave out: not both. */
    static final class Features {
        @Option(names = "--features", paramLabel = "A,B", description = "The columns to learn from (default: all but the target).")
        String only;

        @Option(names = "--exclude", paramLabel = "C,D", description = "Columns to leave out of the features.")
        String exclude;
    }

    /** {@code --features}, or null. */
    String features() {
        return features == null ? null : features.only;
    }

    /** {@code --exclude}, or null. */
    String exclude() {
        return features == null ? null : features.exclude;
    }

    /** The tasks {@code --task} takes, as {@code --help} lists them and completion offers them. */
    static final class TaskNames extends ArrayList<String> {
        TaskNames() {
            super(Arrays.stream(Task.values()).map(Task::label).toList());
        }
    }

    /**
     * Reads {@code --task}'s value as a {@link Task}, in any case; another word is refused in the words
     * %train always used, where picocli's own enum conversion would name the enum's constants.
     */
    static final class TaskName implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec option, CommandSpec command) {
            if (args.isEmpty()) {
                throw new ParameterException(command.commandLine(),
                        "Missing required parameter for option '--task' (" + option.paramLabel() + ")");
            }
            String name = args.pop();
            option.setValue(Arrays.stream(Task.values()).filter(t -> t.label().equals(name.toLowerCase(Locale.ROOT)))
                    .findFirst().orElseThrow(() -> new ParameterException(command.commandLine(),
                            "No task '" + name + "'. Use --task regression or --task classification.")));
        }
    }

    /** Checks the options that do not depend on the data. */
    void check(Algorithm algorithm) {
        if (testSize < 0 || testSize >= 1) {
            throw new UsageError("--test-size must be at least 0 and below 1, e.g. 0.2; got " + testSize + ".");
        }
        if (cv == 1 || cv < 0) {
            throw new UsageError("--cv needs at least 2 folds, e.g. --cv 5.");
        }
        if (algorithm == null) {
            if (!settings.isEmpty()) {
                throw new UsageError("compare trains each algorithm with its defaults; --set applies to one algorithm.");
            }
            return;
        }
        algorithm.options(settings);
    }
}
