import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;
import sluice.clean.CleanMagic;
import sluice.ingest.IngestMagic;
import sluice.magic.Magics;
import sluice.model.Model;
import sluice.model.Training;
import sluice.session.Session;
import sluice.train.TrainMagic;
import sluice.train.TrainReport;
import sluice.train.TrainWarmUp;

/**
 * Times {@code %train} in one fresh JVM, through the same {@link Magics} dispatch the kernel uses,
 * and prints one JSON line. Arguments: FILE ROWS ALGO [SETTINGS]. It ingests the first ROWS rows of
 * FILE and fills the numeric columns with their means (not timed, as the peer's clean stage), then
 * runs {@code %train ALGO --target target} twice: the first run is cold (first time in the JVM), the
 * second warm. It reports the fit time of the model (the report's own figure: encoding the training
 * rows and the fit), the whole magic's time (split, refitting the cleaning steps, encoding, fit and
 * test scoring), the time to predict 200,000 cleaned rows (after a GC, as the fit just before leaves
 * garbage), and the test R². With {@code --warm-up} (first), it runs {@link TrainWarmUp} before
 * ingesting, as the kernel does in the background once started: its first run is then what a kernel
 * user's first {@code %train} takes. Run by bench/train.py, compiled with
 * {@code javac -cp kernel/target/sluice.jar -d DIR bench/train_timer.java}.
 */
class TrainTimer {
    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        if (args[0].equals("--warm-up")) {
            TrainWarmUp.run(() -> false);
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        String file = args[0];
        String rows = args[1];
        String algorithm = args[2];
        String settings = args.length > 3 ? " --set " + args[3] : "";
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Session session = new Session();
        Magics magics = new Magics()
                .add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session, quiet))
                .add("clean", Magics.Kind.LINE, () -> new CleanMagic(session))
                .add("train", Magics.Kind.LINE, () -> new TrainMagic(session, quiet));
        magics.run(Magics.Kind.LINE, "ingest '" + file + "' --limit " + rows, null);
        magics.run(Magics.Kind.LINE, "clean fill --all --with mean", null);
        StringBuilder json = new StringBuilder("{\"algorithm\": \"" + algorithm + "\", \"runs\": [");
        for (int run = 0; run < 2; run++) {
            System.gc();
            long t0 = System.nanoTime();
            TrainReport report = (TrainReport) magics.run(Magics.Kind.LINE,
                    "train " + algorithm + " --target target" + settings, null);
            long t1 = System.nanoTime();
            Training training = session.training();
            Model model = training.model();
            // Predict 200,000 cleaned rows, as the peer predicts its 200,000-row test split.
            tech.tablesaw.api.Table predicted = training.test().rowCount() >= 200_000 ? training.test().first(200_000)
                    : training.train().first(200_000);
            System.gc(); // the garbage of the fit just before is not the prediction's cost
            long t2 = System.nanoTime();
            model.predictCleaned(predicted);
            long t3 = System.nanoTime();
            json.append(run == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                    "{\"fit_s\": %.4f, \"magic_s\": %.4f, \"predict_s\": %.4f, \"r2\": %.6f, \"train_rows\": %d, "
                            + "\"test_rows\": %d, \"predicted_rows\": %d, \"steps\": %d}",
                    report.seconds(), (t1 - t0) / 1e9, (t3 - t2) / 1e9, model.metrics().get("r2"),
                    training.train().rowCount(), training.test().rowCount(), predicted.rowCount(), model.pipeline().steps().size()));
        }
        System.out.println(json.append("]}"));
    }
}
