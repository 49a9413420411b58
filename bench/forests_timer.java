import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;
import sluice.ingest.IngestMagic;
import sluice.magic.Magics;
import sluice.session.Session;
import sluice.train.TrainMagic;
import sluice.train.TrainReport;

/**
 * Fits one {@code %train} algorithm on one parity data set RUNS times in one fresh JVM, through the
 * same {@link Magics} dispatch the kernel uses, and prints one JSON line with each run's fit time
 * (the report's own figure), the process's CPU time over the whole magic, and test metric (R² or accuracy). Arguments: FILE TARGET TEST_ROWS ALGO
 * TASK RUNS [SETTINGS]. With {@code --warm-up} (first), it runs {@link sluice.train.TrainWarmUp} before
 * ingesting, as a kernel does in the background once started: its first run is then what a kernel
 * user's first {@code %train} of the algorithm takes. With FOREST_SEEDS set, run i is seeded by i.
 * Run by bench/forests.py.
 */
class ForestsTimer {
    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        if (args[0].equals("--warm-up")) {
            sluice.train.TrainWarmUp.run(() -> false);
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        String file = args[0];
        String target = args[1];
        String testRows = args[2];
        String algorithm = args[3];
        String task = args[4];
        int runs = Integer.parseInt(args[5]);
        String settings = args.length > 6 && !args[6].isEmpty() ? " --set " + args[6] : "";
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Session session = new Session();
        Magics magics = new Magics()
                .add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session, quiet))
                .add("train", Magics.Kind.LINE, () -> new TrainMagic(session, quiet));
        magics.run(Magics.Kind.LINE, "ingest '" + file + "'", null);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        String metric = task.equals("regression") ? "r2" : "accuracy";
        StringBuilder json = new StringBuilder("{\"runs\": [");
        for (int run = 0; run < runs; run++) {
            System.gc();
            long cpu0 = os.getProcessCpuTime();
            TrainReport report = (TrainReport) magics.run(Magics.Kind.LINE, "train " + algorithm + " --target "
                    + target + " --task " + task + " --test-rows '" + testRows + "'" + settings
                    + (System.getenv("FOREST_SEEDS") != null ? " --seed " + run : ""), null);
            long cpu1 = os.getProcessCpuTime();
            json.append(run == 0 ? "" : ", ").append(String.format(Locale.ROOT, "{\"fit_s\": %.4f, \"cpu_s\": %.4f, \"metric\": %.6f}",
                    report.seconds(), (cpu1 - cpu0) / 1e9, session.training().model().metrics().get(metric)));
        }
        System.out.println(json.append("]}"));
    }
}
