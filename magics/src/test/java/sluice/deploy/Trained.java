package sluice.deploy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import sluice.clean.CleanMagic;
import sluice.ingest.IngestMagic;
import sluice.magic.Magics;
import sluice.session.Session;
import sluice.train.TrainMagic;

/** A session with penguins read, partly cleaned and a model trained, as a notebook would have it. */
final class Trained {
    static final Path PENGUINS = Path.of("src/test/resources/ingest/penguins.csv");

    final Session session = new Session();
    final Magics magics = new Magics()
            .add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session))
            .add("clean", Magics.Kind.LINE, () -> new CleanMagic(session))
            .add("train", Magics.Kind.LINE, () -> new TrainMagic(session, new PrintStream(new ByteArrayOutputStream(), true)));

    /** Penguins with sex dropped where missing and bill length filled with its mean, then {@code %train trainArgs}. */
    static Trained penguins(String trainArgs) throws Exception {
        Trained trained = new Trained();
        trained.run("ingest " + PENGUINS);
        trained.run("clean drop-missing sex");
        trained.run("clean fill bill_length_mm --with mean");
        trained.run("train " + trainArgs);
        return trained;
    }

    /** Body mass from species, island, the bill and flipper measures and sex: text, decimal and integer inputs. */
    static Trained regression() throws Exception {
        return penguins("linear --target body_mass_g --exclude year");
    }

    static Trained classification() throws Exception {
        return penguins("logistic --target species --exclude year");
    }

    Object run(String line) throws Exception {
        return magics.run(Magics.Kind.LINE, line, null);
    }
}
