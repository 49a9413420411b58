package sluice.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import sluice.clean.CleanMagic;
import sluice.ingest.IngestMagic;
import sluice.magic.Magics;
import sluice.magic.UsageError;
import sluice.model.Model;
import sluice.session.Session;

/** {@code --set}: every parameter of every algorithm has a type and a range, checked before training. */
class TrainParametersTest {
    private final Session session = new Session();
    private final Magics magics = new Magics()
            .add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session))
            .add("clean", Magics.Kind.LINE, () -> new CleanMagic(session))
            .add("train", Magics.Kind.LINE, () -> new TrainMagic(session, new PrintStream(new ByteArrayOutputStream())));

    private Object run(String line) throws Exception {
        return magics.run(Magics.Kind.LINE, line, null);
    }

    private void penguins() throws Exception {
        run("ingest " + TrainMagicTest.PENGUINS);
        run("clean drop-missing sex");
    }

    @Test
    void badValues_areOneLineNamingTheRange_andKeepThePreviousModel() throws Exception {
        penguins();
        run("train tree --target species");
        Model before = session.training().model();
        assertThatThrownBy(() -> run("train random-forest --target species --set trees=0"))
                .isInstanceOf(UsageError.class)
                .hasMessage("--set trees must be a whole number from 1 to 100,000; got '0'.");
        assertThatThrownBy(() -> run("train random-forest --target species --set trees=2.7"))
                .hasMessage("--set trees must be a whole number from 1 to 100,000; got '2.7'.");
        assertThatThrownBy(() -> run("train random-forest --target species --set sample_rate=0"))
                .hasMessage("--set sample_rate must be a number above 0 and at most 1; got '0'.");
        assertThatThrownBy(() -> run("train random-forest --target species --set mtry=-1"))
                .hasMessageStartingWith("--set mtry must be 0 (chosen from the data) or a whole number from 1");
        assertThatThrownBy(() -> run("train random-forest --target species --set mtry=40"))
                .hasMessageContaining("more features per split than the");
        assertThatThrownBy(() -> run("train ridge --target body_mass_g --set lambda=-1"))
                .hasMessage("--set lambda must be a number of at least 0; got '-1'.");
        assertThatThrownBy(() -> run("train logistic --target species --set lambda=0"))
                .hasMessage("--set lambda must be a number above 0; got '0'.");
        assertThatThrownBy(() -> run("train logistic --target species --set iterations=lots"))
                .hasMessageContaining("--set iterations must be a whole number from 1");
        assertThatThrownBy(() -> run("train linear --target body_mass_g --set lambda=1"))
                .hasMessageContaining("linear has no parameter 'lambda'. It takes none.");
        assertThat(session.training().model()).isSameAs(before);
    }

    @Test
    void help_listsEachParameter_andSaysWhatLambdaIsInScikitLearn() throws Exception {
        String ridge = (String) run("train ridge --help");
        assertThat(ridge).contains("make_pipeline(StandardScaler(), Ridge(alpha=lambda))")
                .contains("lambda=1: the penalty, scikit-learn's alpha");
        String logistic = (String) run("train logistic --help");
        assertThat(logistic).contains("LogisticRegression(C=1/lambda)").contains("iterations=1000");
        String forest = (String) run("train random-forest --help");
        assertThat(forest).contains("trees=100: the number of trees (scikit-learn's n_estimators)").contains("scikit-learn's max_features");
    }
}
