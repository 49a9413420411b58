package sluice.evaluate;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sluice.magic.DidYouMean;
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
    private static final List<String> ROWS = List.of("test", "train");

    private final Session session;

    @Option(names = "--on", paramLabel = "test|train",
            description = "The rows to score: the held-out test rows (default) or the training rows.")
    String on;

    @Option(names = "--no-plots", description = "Metrics and tables only, no charts.")
    boolean noPlots;

    public EvaluateMagic(Session session) {
        this.session = session;
    }

    @Override
    public Object run(String body) {
        if (on != null && !ROWS.contains(on)) {
            throw new UsageError("--on takes test or train, not '" + on + "'." + DidYouMean.hint(on, ROWS, ""));
        }
        Training training = session.training();
        boolean noTestRows = training.test().rowCount() == 0;
        if ("test".equals(on) && noTestRows) {
            throw new UsageError("The model has no test rows: %train ran with --test-size 0. Use %evaluate --on train, "
                    + "or %train again with --test-size 0.2.");
        }
        boolean train = "train".equals(on) || (on == null && noTestRows);
        Table rows = train ? training.train() : training.test();
        String note = on == null && noTestRows ? "no test split (%train --test-size 0), so these are the training rows" : null;
        return Evaluator.evaluate(training.model(), rows, train ? "training" : "test", note, !noPlots);
    }
}
