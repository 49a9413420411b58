package sluice.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import sluice.magic.DidYouMean;
import sluice.magic.UsageError;

/**
 * The algorithms {@code %train} offers, each with the parameters {@code --set} accepts and the
 * record of {@link Options} that reads them and fits: least squares, ridge, lasso and logistic
 * regression solved here to scikit-learn's definitions ({@link Gram}, {@link Logistic}), and
 * Sluice's tree and random forest and XGBoost's boosting with scikit-learn's defaults. Every fit is
 * seeded, so the same data and seed give the same model.
 */
public enum Algorithm {
    LINEAR("linear", "ordinary least squares, as scikit-learn's LinearRegression", EnumSet.of(Task.REGRESSION),
            LinearOptions.PARAMETERS, LinearOptions::of),
    RIDGE("ridge", "least squares with an L2 penalty on the standardized columns, as scikit-learn's "
            + "make_pipeline(StandardScaler(), Ridge(alpha=lambda))", EnumSet.of(Task.REGRESSION),
            RidgeOptions.PARAMETERS, RidgeOptions::of),
    LASSO("lasso", "least squares with an L1 penalty on the standardized columns, as scikit-learn's "
            + "make_pipeline(StandardScaler(), Lasso(alpha=lambda))", EnumSet.of(Task.REGRESSION),
            LassoOptions.PARAMETERS, LassoOptions::of),
    LOGISTIC("logistic", "logistic regression (multinomial for more than two classes) with an L2 penalty on the "
            + "standardized columns, as scikit-learn's make_pipeline(StandardScaler(), LogisticRegression(C=1/lambda))",
            EnumSet.of(Task.CLASSIFICATION), LogisticOptions.PARAMETERS, LogisticOptions::of),
    TREE("tree", "one decision tree (CART)", EnumSet.allOf(Task.class), TreeOptions.PARAMETERS, TreeOptions::of),
    RANDOM_FOREST("random-forest", "random forest, as scikit-learn's RandomForestRegressor/Classifier", EnumSet.allOf(Task.class), ForestOptions.PARAMETERS,
            ForestOptions::of),
    GRADIENT_BOOSTING("gradient-boosting", "gradient-boosted trees (XGBoost), least squares for regression, log loss "
            + "for classification", EnumSet.allOf(Task.class), BoostingOptions.PARAMETERS, BoostingOptions::of);

    private final String label;
    private final String description;
    private final Set<Task> tasks;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Function<Params, Options> options;

    Algorithm(String label, String description, Set<Task> tasks, List<Parameter> parameters,
              Function<Params, Options> options) {
        this.label = label;
        this.description = description;
        this.tasks = tasks;
        for (Parameter parameter : parameters) {
            this.parameters.put(parameter.name(), parameter);
        }
        this.options = options;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public boolean fits(Task task) {
        return tasks.contains(task);
    }

    /** The parameters {@code --set} accepts, in the order {@code --help} lists them. */
    public Map<String, Parameter> parameters() {
        return java.util.Collections.unmodifiableMap(parameters);
    }

    /**
     * This algorithm's options: the {@code --set} values given, in their order, each checked (a usage
     * error naming an unknown key or a value out of range), and the defaults for the rest.
     */
    public Options options(Map<String, String> settings) {
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String key = setting.getKey();
            if (!parameters.containsKey(key)) {
                throw new UsageError(label + " has no parameter '" + key + "'."
                        + DidYouMean.hint(key, parameters.keySet(), "")
                        + (parameters.isEmpty() ? " It takes none." : " Its parameters: " + describe(parameters.values()) + "."));
            }
            parameters.get(key).read(setting.getValue());
        }
        return options.apply(new Params(parameters, settings));
    }

    private static String describe(Collection<Parameter> parameters) {
        List<String> parts = new ArrayList<>();
        parameters.forEach(p -> parts.add(p.name() + " (default " + p.fallback() + ")"));
        return String.join(", ", parts);
    }

    /** The labels of the algorithms that do {@code task}. */
    public static List<String> labels(Task task) {
        return Arrays.stream(values()).filter(a -> a.fits(task)).map(Algorithm::label).toList();
    }

    public static Algorithm named(String label) {
        return Arrays.stream(values()).filter(a -> a.label.equals(label)).findFirst().orElse(null);
    }
}
