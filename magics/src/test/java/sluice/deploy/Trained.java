package sluice.deploy;

import static sluice.magic.Notebook.PENGUINS;

import sluice.magic.Magics;
import sluice.magic.Notebook;
import sluice.session.Session;

/** A session with penguins read, partly cleaned and a model trained, as a notebook would have it. */
final class Trained {
    private final Notebook notebook = new Notebook();
    final Session session = notebook.session;
    final Magics magics = notebook.magics;

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
        return notebook.run(line);
    }
}
