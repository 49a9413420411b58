package sluice.evaluate;

import static sluice.magic.Notebook.PENGUINS;

import sluice.magic.Notebook;
import sluice.session.Session;

/** What the %evaluate tests share: a notebook and its session, and the penguins with a known sex. */
abstract class EvaluationNotebook {
    final Notebook notebook = new Notebook();
    final Session session = notebook.session;

    Object run(String line) throws Exception {
        return notebook.run(line);
    }

    Evaluation evaluate(String line) throws Exception {
        return (Evaluation) run(line);
    }

    void penguins() throws Exception {
        run("ingest " + PENGUINS);
        run("clean drop-missing sex");
    }
}
