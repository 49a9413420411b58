package sluice.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;
import sluice.magic.DidYouMean;
import sluice.magic.UsageError;
import sluice.model.Algorithm;
import sluice.model.Parameter;
import sluice.model.Task;

/** The options every {@code %train} algorithm shares, declared once (a picocli mixin). */
public final class TrainOptions {
    @Option(names = "--target", required = true, paramLabel = "COL", description = "The column to predict.")
    String target;

    @Option(names = "--features", paramLabel = "A,B", description = "The columns to learn from (default: all but the target).")
    String features;

    @Option(names = "--exclude", paramLabel = "C,D", description = "Columns to leave out of the features.")
    String exclude;

    @Option(names = "--test-size", paramLabel = "SHARE", description = "Share of rows held out for testing (default: 0.2).")
    double testSize = 0.2;

    @Option(names = "--test-rows", paramLabel = "FILE",
            description = "Test on these rows instead: 0-based row numbers, one per line (e.g. another tool's split).")
    java.nio.file.Path testRows;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the split and the learner (default: 42).")
    long seed = 42;

    @Option(names = "--cv", paramLabel = "K", description = "Also cross-validate with K folds on the training rows.")
    int cv;

    @Option(names = "--task", paramLabel = "regression|classification",
            description = "Override the task the target's type implies.")
    String task;

    @Option(names = "--set", paramLabel = "key=value", split = ",",
            description = "A parameter of the algorithm, e.g. --set trees=200,max_depth=12.")
    Map<String, String> settings = new LinkedHashMap<>();

    Task task() {
        return switch (task.toLowerCase(Locale.ROOT)) {
            case "regression" -> Task.REGRESSION;
            case "classification" -> Task.CLASSIFICATION;
            default -> throw new UsageError("No task '" + task + "'. Use --task regression or --task classification.");
        };
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
        Map<String, Parameter> known = algorithm.parameters();
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String key = setting.getKey();
            if (!known.containsKey(key)) {
                throw new UsageError(algorithm.label() + " has no parameter '" + key + "'."
                        + DidYouMean.hint(key, known.keySet(), "")
                        + (known.isEmpty() ? " It takes none." : " Its parameters: " + describe(known.values()) + "."));
            }
            known.get(key).read(setting.getValue());
        }
    }

    static String describe(java.util.Collection<Parameter> parameters) {
        List<String> parts = new ArrayList<>();
        parameters.forEach(p -> parts.add(p.name() + " (default " + p.fallback() + ")"));
        return String.join(", ", parts);
    }
}
