package sluice.evaluate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sluice.magic.Magic;
import sluice.magic.UsageError;
import sluice.model.Training;
import sluice.session.Session;
import tech.tablesaw.api.Table;

/**
 * {@code %evaluate [--on test|train] [--no-plots]}: scores the model {@code %train} kept on its test rows
 * (or training rows) with the metrics of its task, the confusion matrix, ROC curve, feature importance and
 * diagnostic plots. The rows are the ones {@code %train} cleaned, so its metrics come out unchanged.
 */
@Command(name = "evaluate", description = "Score the trained model on its test (or training) rows, with plots.")
public final class EvaluateMagic implements Magic {
    /** The rows {@code --on} scores. */
    enum Rows {
        TEST, TRAIN;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Session session;

    @Option(names = "--on", paramLabel = "test|train",
            description = "The rows to score: the held-out test rows (default) or the training rows.")
    Rows on;

    @Option(names = "--no-plots", description = "Metrics and tables only, no charts.")
    boolean noPlots;

    public EvaluateMagic(Session session) {
        this.session = session;
    }

    @Override
    public Object run(String body) {
        Training training = session.training();
        boolean noTestRows = training.test().rowCount() == 0;
        if (on == Rows.TEST && noTestRows) {
            throw new UsageError("The model has no test rows: %train ran with --test-size 0. Use %evaluate --on train, "
                    + "or %train again with --test-size 0.2.");
        }
        boolean train = on == Rows.TRAIN || (on == null && noTestRows);
        Table rows = train ? training.train() : training.test();
        String note = on == null && noTestRows ? "no test split (%train --test-size 0), so these are the training rows" : null;
        return Evaluator.evaluate(training.model(), rows, train ? "training" : "test", note, !noPlots);
    }
}
