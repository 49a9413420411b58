package sluice.kernel;

import sluice.clean.CleanMagic;
import sluice.dependencies.Classpath;
import sluice.dependencies.ClasspathMagic;
import sluice.dependencies.LoadMagic;
import sluice.dependencies.MavenMagic;
import sluice.dependencies.MavenRepoMagic;
import sluice.deploy.DeployMagic;
import sluice.eda.EdaMagic;
import sluice.evaluate.EvaluateMagic;
import sluice.ingest.IngestMagic;
import sluice.magic.CellRunner;
import sluice.magic.HelpMagic;
import sluice.magic.LsMagic;
import sluice.magic.Magics;
import sluice.magic.TimeMagic;
import sluice.session.Session;
import sluice.train.TrainMagic;

/** Every magic the kernel offers, named and wired in this one place. */
final class MagicCatalogue {
    private MagicCatalogue() {
    }

    /**
     * @param askPassword asks the user of the running cell for a password (the prompt given)
     * @param classpath   what %maven and %classpath add jars to
     */
    static Magics create(Session session, CellRunner runner, java.util.function.UnaryOperator<String> askPassword,
                         Classpath classpath) {
        Magics magics = new Magics();
        magics.add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session, askPassword));
        magics.add("clean", Magics.Kind.LINE, () -> new CleanMagic(session));
        magics.add("eda", Magics.Kind.LINE, () -> new EdaMagic(session));
        magics.add("train", Magics.Kind.LINE, () -> new TrainMagic(session, System.out));
        magics.add("evaluate", Magics.Kind.LINE, () -> new EvaluateMagic(session));
        magics.add("deploy", Magics.Kind.LINE, () -> new DeployMagic(session));
        magics.addLineAndCell("maven", () -> new MavenMagic(session, classpath));
        magics.add("mavenRepo", Magics.Kind.LINE, () -> new MavenRepoMagic(classpath));
        magics.add("classpath", Magics.Kind.LINE, () -> new ClasspathMagic(session, classpath));
        magics.add("load", Magics.Kind.LINE, () -> new LoadMagic(runner));
        magics.add("help", Magics.Kind.LINE, () -> new HelpMagic(magics));
        magics.add("lsmagic", Magics.Kind.LINE, () -> new LsMagic(magics));
        magics.add("time", Magics.Kind.CELL, () -> new TimeMagic(runner, System.out));
        return magics;
    }

    /** The catalogue as listed in help and the README, with no one to run cells or answer prompts. */
    static Magics create(Session session) {
        return create(session, body -> null, IngestMagic.NO_PROMPT, new Classpath(path -> { }));
    }
}
