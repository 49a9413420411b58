package sluice.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sluice.model.Model;
import sluice.model.Scores;
import sluice.model.Task;
import sluice.model.Training;
import sluice.render.Bundle;
import sluice.render.Renderable;
import sluice.render.Report;

/**
 * What {@code %train} shows: algorithm, task, rows, features, training time and the test metrics,
 * and for {@code compare} the leaderboard it chose from.
 *
 * @param training    the result
 * @param seconds     the fit time of the kept model
 * @param crossScores per-fold main metric of the kept model, or null without --cv
 * @param leaderboard compare's ranking, best first, or empty
 */
public record TrainReport(Training training, double seconds, double[] crossScores, List<Entry> leaderboard)
        implements Renderable {

    /** One line of compare's leaderboard: cross-validated main metric and time per algorithm. */
    public record Entry(String algorithm, double mean, double sd, double seconds) {
    }

    public List<String> lines() {
        Model model = training.model();
        String metric = Scores.main(model.task());
        List<String> lines = new ArrayList<>();
        lines.add(model.algorithm() + " " + model.task().label() + " of " + model.target());
        lines.add(String.format("rows: %,d training, %,d test (seed %d%s)", training.train().rowCount(),
                training.test().rowCount(), model.seed(), model.task() == Task.CLASSIFICATION ? ", stratified" : ""));
        lines.add(model.features().size() + " features: " + String.join(", ", model.features()));
        if (model.task() == Task.CLASSIFICATION) {
            lines.add(model.classes().size() + " classes: " + String.join(", ", model.classes()));
        }
        lines.add(String.format("trained in %.2f s", seconds));
        String on = training.test().rowCount() > 0 ? "test" : "training";
        lines.add(on + " " + metric + " " + fmt(model.metrics().get(metric)) + "  (" + others(model.metrics(), metric) + ")");
        if (crossScores != null) {
            double[] ms = meanSd(crossScores);
            lines.add(String.format("%d-fold cross-validated %s on the training rows: %s ± %s (%s)", crossScores.length,
                    metric, fmt(ms[0]), fmt(ms[1]), foldsRefit()));
        }
        int steps = model.pipeline().steps().size() - 1;
        if (steps > 0) {
            lines.add(steps + " cleaning " + (steps == 1 ? "step" : "steps") + " fitted again on the training rows only");
        }
        return lines;
    }

    /** What each cross-validation fold fits on its own training rows, as the report says it. */
    private String foldsRefit() {
        int steps = training.model().pipeline().steps().size() - 1;
        return "each fold fits " + (steps == 0 ? "" : steps == 1 ? "the cleaning step and " : "the " + steps
                + " cleaning steps and ") + "the encoding on its own training rows";
    }

    @Override
    public Bundle bundle() {
        List<String> lines = lines();
        Report report = new Report("train").title(lines.get(0)).lines(lines.subList(1, lines.size()));
        if (!leaderboard.isEmpty()) {
            String metric = Scores.main(training.model().task());
            List<List<String>> rows = new ArrayList<>();
            leaderboard.forEach(e -> rows.add(List.of(e.algorithm(), fmt(e.mean()), fmt(e.sd()), String.format("%.2f s", e.seconds()))));
            report.table("leaderboard (cross-validated " + metric + ", best first; " + foldsRefit() + ")",
                    List.of("algorithm", metric, "±", "time"), rows);
        }
        return report.hint("model() holds it in Java; %evaluate shows the full report; %deploy serves it.").bundle();
    }

    static double[] meanSd(double[] values) {
        double mean = java.util.Arrays.stream(values).average().orElse(Double.NaN);
        double var = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, values.length - 1);
        return new double[] {mean, Math.sqrt(var)};
    }

    private static String others(Map<String, Double> metrics, String main) {
        List<String> parts = new ArrayList<>();
        metrics.forEach((name, value) -> {
            if (!name.equals(main)) {
                parts.add(name + " " + fmt(value));
            }
        });
        return String.join(", ", parts);
    }

    static String fmt(Double value) {
        if (value == null || value.isNaN()) {
            return "n/a";
        }
        double abs = Math.abs(value);
        return abs != 0 && (abs >= 1e5 || abs < 1e-3) ? String.format("%.4g", value) : String.format("%.4f", value);
    }
}
