package sluice.train;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import sluice.magic.UsageError;
import sluice.model.Algorithm;
import sluice.model.Encoded;
import sluice.model.Interrupted;
import sluice.model.Learner;
import sluice.model.Model;
import sluice.model.Options;
import sluice.model.Predictions;
import sluice.model.Scores;
import sluice.model.Task;
import sluice.progress.Progress;
import sluice.session.Versions;
import tech.tablesaw.api.Table;

/** Fits, scores and cross-validates algorithms on {@link Prepared} data, showing progress on long work. */
final class Trainer {
    private final Prepared data;
    /** What the progress line says: the stage ("fold 2 of 5") and, for forests, the trees grown. */
    private volatile String stage = "";
    private volatile String trees = "";

    Trainer(Prepared data, Progress progress) {
        this.data = data;
        progress.detail(() -> stage + trees);
    }

    private void stage(String stage) {
        this.stage = stage;
        this.trees = "";
    }

    /** Fits {@code algorithm} on all training rows and returns the model, scored on the test rows. */
    Model fit(Algorithm algorithm, Map<String, String> settings, long seed) {
        stage("fitting " + algorithm.label());
        Options options = algorithm.options(settings);
        Learner learner = fit(algorithm, options, data.x(options), data.y(), seed);
        Model unscored = model(data, algorithm, options, learner, settings, seed, Map.of());
        Table rows = data.test().rowCount() > 0 ? data.test() : data.train();
        return model(data, algorithm, options, learner, settings, seed, score(unscored, rows));
    }

    private static Model model(Prepared part, Algorithm algorithm, Options options, Learner learner,
                               Map<String, String> settings, long seed, Map<String, Double> metrics) {
        return new Model(algorithm, part.task(), part.target(), part.cleaning(), part.encoding(options), learner,
                part.classes(), part.raw(), settings, seed, metrics, Versions.current());
    }

    /** The metrics of {@code model} on cleaned {@code rows}: the test rows, or a fold's held-out rows. */
    Map<String, Double> score(Model model, Table rows) {
        Predictions predictions = model.predictCleaned(rows);
        double[] actual = data.y(rows);
        if (data.task() == Task.REGRESSION) {
            return Scores.regression(actual, predictions.values());
        }
        // A test row of a class the training rows never had (possible after drop-missing) is not scored here;
        // %evaluate shows such rows in its confusion matrix.
        int[] known = java.util.stream.IntStream.range(0, actual.length).filter(i -> actual[i] >= 0).toArray();
        int[] truth = Arrays.stream(known).map(i -> (int) actual[i]).toArray();
        int[] predicted = Arrays.stream(known).map(i -> data.classes().indexOf(predictions.labels()[i])).toArray();
        double[][] probabilities = Arrays.stream(known).mapToObj(i -> predictions.probabilities()[i]).toArray(double[][]::new);
        Map<String, Double> scores = Scores.classification(truth, predicted, data.classes().size());
        scores.putAll(Scores.ofProbabilities(truth, probabilities, data.classes().size()));
        return scores;
    }

    /**
     * The main metric of {@code algorithm} on each of {@code k} folds of the raw training rows. Each fold
     * fits the recorded cleaning steps and the encoding on its own training rows, as scikit-learn's
     * {@code cross_val_score} does with a pipeline, so its held-out rows leak nothing into its model.
     */
    double[] crossValidate(Algorithm algorithm, Map<String, String> settings, int k, long seed) {
        int rows = data.rawTrain().rowCount();
        if (rows < k) {
            throw new UsageError("--cv " + k + " needs at least " + k + " training rows; there are " + rows + ".");
        }
        // A feature's missing values are refused with their count in all training rows, not in one fold's.
        data.encoding().requireComplete(data.train());
        List<Split> folds = Split.folds(rows, k, seed, data.labels());
        Options options = algorithm.options(settings);
        double[] scores = new double[k];
        for (int f = 0; f < k; f++) {
            stage(algorithm.label() + ", fold " + (f + 1) + " of " + k);
            Prepared fold = data.fold(folds.get(f));
            Learner learner = fit(algorithm, options, fold.x(options), fold.y(), seed);
            Model model = model(fold, algorithm, options, learner, settings, seed, Map.of());
            scores[f] = score(model, fold.test()).get(Scores.main(data.task()));
        }
        return scores;
    }

    private Learner fit(Algorithm algorithm, Options options, Encoded x, double[] y, long seed) {
        if (Thread.currentThread().isInterrupted()) {
            throw new Interrupted();
        }
        try {
            return options.fit(data.task(), x, y, seed, grown -> trees = " (" + grown + " trees)");
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            throw new UsageError(algorithm.label() + " could not be fitted to these rows: " + e.getMessage());
        }
    }
}
