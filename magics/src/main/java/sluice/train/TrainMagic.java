package sluice.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import sluice.magic.Magic;
import sluice.magic.UsageError;
import sluice.model.Algorithm;
import sluice.model.Model;
import sluice.model.Training;
import sluice.progress.Progress;
import sluice.session.Session;

/**
 * {@code %train ALGO --target COL [--features A,B|--exclude C] [--test-size 0.2] [--seed 42] [--cv K]
 * [--task T] [--set key=value,…]}: trains a Smile model on the current table, or with {@code compare}
 * cross-validates every algorithm that fits the task and keeps the best. The model replaces the
 * session's previous one only when training succeeds.
 */
@Command(name = "train", synopsisSubcommandLabel = "ALGO", description = "Train a model on the current table: one algorithm, or compare them all.")
public final class TrainMagic implements Magic {
    private final Session session;
    private final PrintStream out;

    public TrainMagic(Session session, PrintStream out) {
        this.session = session;
        this.out = out;
    }

    @Override
    public Map<String, Magic> subcommands() {
        Map<String, Magic> algorithms = new LinkedHashMap<>();
        for (Algorithm algorithm : Algorithm.values()) {
            algorithms.put(algorithm.label(), new Fit(algorithm));
        }
        algorithms.put("compare", new Compare());
        return algorithms;
    }

    @Override
    public Object run(String body) {
        throw new UsageError("%train needs an algorithm: " + String.join(", ", subcommands().keySet())
                + ". For example: %train random-forest --target species.");
    }

    /** One algorithm; its help names what it fits and lists its parameters, from the algorithm. */
    @Command(description = "Train one algorithm (see --set for its parameters).")
    final class Fit implements Magic {
        private final Algorithm algorithm;

        @Mixin
        TrainOptions options;

        Fit(Algorithm algorithm) {
            this.algorithm = algorithm;
        }

        @Spec
        void describe(CommandSpec spec) {
            spec.usageMessage().description("Train " + algorithm.description() + ".");
            List<String> footer = new ArrayList<>();
            footer.add(algorithm.parameters().isEmpty() ? "It takes no --set parameters."
                    : "Parameters for --set key=value,… (default, meaning, range):");
            algorithm.parameters().values().forEach(p -> footer.add("  " + p.help()));
            spec.usageMessage().footer(footer.toArray(String[]::new));
        }

        @Override
        public Object run(String body) {
            options.check(algorithm);
            Prepared data = Prepared.of(session, options, algorithm);
            try (Progress progress = new Progress("training " + algorithm.label(), out)) {
                Trainer trainer = new Trainer(data, progress);
                double[] cross = options.cv > 0 ? trainer.crossValidate(algorithm, options.settings, options.cv, options.seed) : null;
                long start = System.nanoTime();
                Model model = trainer.fit(algorithm, options.settings, options.seed);
                double seconds = (System.nanoTime() - start) / 1e9;
                return keep(model, data, seconds, cross, List.of());
            }
        }
    }

    @Command(description = "Cross-validate every algorithm that fits the task, show a leaderboard, keep the best.")
    final class Compare implements Magic {
        @Mixin
        TrainOptions options;

        @Override
        public Object run(String body) {
            options.check(null);
            Prepared data = Prepared.of(session, options, null);
            int k = options.cv > 0 ? options.cv : 5;
            List<TrainReport.Entry> board = new ArrayList<>();
            Map<String, double[]> scores = new LinkedHashMap<>();
            try (Progress progress = new Progress("comparing algorithms", out)) {
                Trainer trainer = new Trainer(data, progress);
                for (Algorithm algorithm : Algorithm.values()) {
                    if (algorithm.fits(data.task())) {
                        long start = System.nanoTime();
                        double[] folds = trainer.crossValidate(algorithm, Map.of(), k, options.seed);
                        double[] ms = TrainReport.meanSd(folds);
                        scores.put(algorithm.label(), folds);
                        board.add(new TrainReport.Entry(algorithm.label(), ms[0], ms[1], (System.nanoTime() - start) / 1e9));
                    }
                }
                board.sort(Comparator.comparingDouble((TrainReport.Entry e) -> Double.isNaN(e.mean()) ? Double.NEGATIVE_INFINITY : e.mean())
                        .reversed());
                Algorithm best = Algorithm.named(board.get(0).algorithm());
                long start = System.nanoTime();
                Model model = trainer.fit(best, Map.of(), options.seed);
                double seconds = (System.nanoTime() - start) / 1e9;
                return keep(model, data, seconds, scores.get(best.label()), board);
            }
        }
    }

    private TrainReport keep(Model model, Prepared data, double seconds, double[] cross, List<TrainReport.Entry> board) {
        Training training = new Training(model, data.train(), data.test());
        session.setTraining(training);
        session.provenance().seed("%train " + model.algorithm() + " split and model", model.seed());
        return new TrainReport(training, seconds, cross, board);
    }
}
