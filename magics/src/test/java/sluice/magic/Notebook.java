package sluice.magic;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import sluice.clean.CleanMagic;
import sluice.deploy.DeployMagic;
import sluice.eda.EdaMagic;
import sluice.evaluate.EvaluateMagic;
import sluice.ingest.IngestMagic;
import sluice.session.Session;
import sluice.train.TrainMagic;

/**
 * The tests' notebook: a fresh session with the pipeline's magics ({@code %ingest}, {@code %clean}, {@code %eda},
 * {@code %train}, {@code %evaluate}, {@code %deploy}) wired to it, progress lines dropped; {@link #run} runs a line.
 */
public final class Notebook {
    /** The penguins CSV every magic test reads. */
    public static final Path PENGUINS = Path.of("src/test/resources/ingest/penguins.csv");

    public final Session session = new Session();
    public final Magics magics;

    public Notebook() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        magics = new Magics()
                .add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session))
                .add("clean", Magics.Kind.LINE, () -> new CleanMagic(session))
                .add("eda", Magics.Kind.LINE, () -> new EdaMagic(session))
                .add("train", Magics.Kind.LINE, () -> new TrainMagic(session, quiet))
                .add("evaluate", Magics.Kind.LINE, () -> new EvaluateMagic(session))
                .add("deploy", Magics.Kind.LINE, () -> new DeployMagic(session));
    }

    /** Runs {@code %line} and returns what the cell would show. */
    public Object run(String line) throws Exception {
        return magics.run(Magics.Kind.LINE, line, null);
    }
}
