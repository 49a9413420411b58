package sluice.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.clean.CleanMagic;
import sluice.ingest.IngestMagic;
import sluice.magic.Magics;
import sluice.magic.UsageError;
import sluice.model.Model;
import sluice.model.Predictions;
import sluice.model.Task;
import sluice.session.Session;
import tech.tablesaw.api.Table;

/** %train on penguins: each algorithm, the split, the recorded steps, and every bad input. */
class TrainMagicTest {
    static final Path PENGUINS = Path.of("src/test/resources/ingest/penguins.csv");

    private final Session session = new Session();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Magics magics = new Magics()
            .add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session))
            .add("clean", Magics.Kind.LINE, () -> new CleanMagic(session))
            .add("train", Magics.Kind.LINE, () -> new TrainMagic(session, new PrintStream(printed, true)));

    private Object run(String line) throws Exception {
        return magics.run(Magics.Kind.LINE, line, null);
    }

    private void penguins() throws Exception {
        run("ingest " + PENGUINS);
        run("clean drop-missing sex");
    }

    @Test
    void logistic_classifiesSpecies() throws Exception {
        penguins();
        TrainReport report = (TrainReport) run("train logistic --target species");
        Model model = session.training().model();
        assertThat(model.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(model.classes()).containsExactly("Adelie", "Chinstrap", "Gentoo");
        assertThat(model.metrics().get("accuracy")).isGreaterThanOrEqualTo(0.95);
        assertThat(report.lines().get(0)).isEqualTo("logistic classification of species");
        assertThat(report.training().test().rowCount()).isEqualTo(67);
    }

    @Test
    void randomForest_classifiesSpecies() throws Exception {
        penguins();
        run("train random-forest --target species");
        assertThat(session.training().model().metrics().get("accuracy")).isGreaterThanOrEqualTo(0.95);
        assertThat(session.training().model().importance()).containsKey("bill_length_mm");
    }

    @Test
    void everyAlgorithm_trainsOnItsTask() throws Exception {
        penguins();
        for (String algorithm : new String[] {"linear", "ridge", "lasso", "tree", "random-forest", "gradient-boosting"}) {
            run("train " + algorithm + " --target body_mass_g");
            assertThat(session.training().model().metrics().get("r2")).as(algorithm).isGreaterThan(0.7);
        }
        for (String algorithm : new String[] {"tree", "gradient-boosting"}) {
            run("train " + algorithm + " --target species");
            assertThat(session.training().model().metrics().get("accuracy")).as(algorithm).isGreaterThan(0.9);
        }
    }

    @Test
    void sameSeed_sameMetrics() throws Exception {
        penguins();
        run("train random-forest --target body_mass_g --seed 7");
        var first = session.training().model().metrics();
        run("train random-forest --target body_mass_g --seed 7");
        assertThat(session.training().model().metrics()).isEqualTo(first);
        run("train random-forest --target body_mass_g --seed 8");
        assertThat(session.training().model().metrics()).isNotEqualTo(first);
    }

    @Test
    void interrupt_stopsAForest_andKeepsThePreviousModel() throws Exception {
        penguins();
        run("train logistic --target species");
        Model before = session.training().model();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread cell = new Thread(() -> {
            try {
                // A regression forest: its deep trees on every feature keep 100,000 of them busy well past the interrupt.
                run("train random-forest --target body_mass_g --set trees=100000");
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        cell.start();
        Thread.sleep(1500);
        cell.interrupt();
        cell.join(20_000);
        assertThat(cell.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(UsageError.class).hasMessageContaining("interrupted");
        assertThat(session.training().model()).isSameAs(before);
        assertThat(printed.toString()).contains("training random-forest").contains("trees");
    }

    @Test
    void compare_ranksAndKeepsTheBest() throws Exception {
        penguins();
        TrainReport report = (TrainReport) run("train compare --target species --cv 3");
        assertThat(report.leaderboard()).extracting(TrainReport.Entry::algorithm)
                .containsExactlyInAnyOrder("logistic", "tree", "random-forest", "gradient-boosting");
        assertThat(report.leaderboard().get(0).mean()).isGreaterThanOrEqualTo(report.leaderboard().get(3).mean());
        assertThat(session.training().model().algorithm()).isEqualTo(report.leaderboard().get(0).algorithm());
        assertThat(report.bundle().data().get("text/plain").toString()).contains("leaderboard (cross-validated accuracy, "
                + "best first; each fold fits the cleaning step and the encoding on its own training rows):");
    }

    @Test
    void model_predictsRawRows_andSurvivesSaveAndLoad(@TempDir Path dir) throws Exception {
        run("ingest " + PENGUINS);
        run("clean fill bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g --with median");
        run("clean fill sex --with mode");
        run("clean rename bill_length_mm=bill");
        run("train random-forest --target species");
        Model model = session.training().model();
        assertThat(model.inputs()).extracting(Model.Input::name).contains("bill_length_mm").doesNotContain("bill");
        Table raw = session.raw().first(20);
        Predictions before = model.predict(raw.copy().removeColumns("species"));
        Path file = dir.resolve("penguins.model");
        model.save(file);
        Predictions after = Model.load(file).predict(raw);
        assertThat(after.labels()).containsExactly(before.labels());
        assertThat(after.probabilities()).isDeepEqualTo(before.probabilities());
    }

    @Test
    void badInput_getsOneLineErrors() throws Exception {
        assertThatThrownBy(() -> run("train linear --target y")).isInstanceOf(UsageError.class).hasMessageContaining("%ingest");
        run("ingest " + PENGUINS);
        assertThatThrownBy(() -> run("train linear --target body_mass")).hasMessageContaining("Did you mean 'body_mass_g'");
        assertThatThrownBy(() -> run("train linear --target body_mass_g")).hasMessageContaining("%clean drop-missing body_mass_g");
        assertThatThrownBy(() -> run("train logistic --target species")).hasMessageContaining("%clean fill bill_length_mm");
        assertThatThrownBy(() -> run("train logistic --target sex")).hasMessageContaining("%clean drop-missing sex");
        assertThatThrownBy(() -> run("train random-forst --target species")).hasMessageContaining("Did you mean 'random-forest'");
        assertThatThrownBy(() -> run("train random-forest --target species --set tress=10"))
                .hasMessageContaining("Did you mean 'trees'").hasMessageContaining("max_depth");
        assertThatThrownBy(() -> run("train linear --target species")).hasMessageContaining("logistic");
        assertThatThrownBy(() -> run("train tree --target species --task regression")).hasMessage("Target 'species' is a text "
                + "column, so it cannot be regressed. Use --task classification, or %clean cast it to decimal.");
        assertThatThrownBy(() -> run("train logistic --target island --features species --cv 400"))
                .hasMessageContaining("--cv 400 needs at least 400");
        assertThat(session.hasModel()).isFalse();
    }

    @Test
    void task_isOneOfTwoWords_inAnyCase_listedByHelp() throws Exception {
        penguins();
        run("train tree --target body_mass_g --task Classification");
        assertThat(session.training().model().task()).isEqualTo(Task.CLASSIFICATION);
        run("train tree --target body_mass_g --task=regression");
        assertThat(session.training().model().task()).isEqualTo(Task.REGRESSION);
        assertThatThrownBy(() -> run("train tree --target body_mass_g --task clustering")).isInstanceOf(UsageError.class)
                .hasMessage("No task 'clustering'. Use --task regression or --task classification.");
        assertThat((String) run("train tree --help")).contains("--task=TASK").contains("regression, classification");
    }

    @Test
    void oneClass_andTooManyLevels_areRefused() throws Exception {
        Table one = Table.create("one", tech.tablesaw.api.StringColumn.create("y", "a", "a", "a"),
                tech.tablesaw.api.DoubleColumn.create("x", 1, 2, 3));
        session.setTable(one);
        assertThatThrownBy(() -> run("train tree --target y")).hasMessageContaining("only one class");
        int n = 1000;
        Table wide = Table.create("wide", tech.tablesaw.api.StringColumn.create("id"), tech.tablesaw.api.DoubleColumn.create("y"));
        for (int i = 0; i < n; i++) {
            wide.stringColumn("id").append("id" + i);
            wide.doubleColumn("y").append(i);
        }
        session.setTable(wide);
        assertThatThrownBy(() -> run("train linear --target y")).hasMessageContaining("800 distinct values")
                .hasMessageContaining("--exclude id");
    }
}
