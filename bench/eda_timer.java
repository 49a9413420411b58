import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;
import sluice.eda.EdaMagic;
import sluice.ingest.IngestMagic;
import sluice.magic.Magics;
import sluice.render.Chart;
import sluice.render.ChartView;
import sluice.render.Renderable;
import sluice.session.Session;

/**
 * Times the {@code %eda} overview and {@code %eda box --x cat_a --y target} in one fresh JVM, through
 * the same {@link Magics} dispatch the kernel uses, each including the bundle the cell shows (HTML
 * table, warnings, heatmap PNG and plotly JSON; the box plot's PNG and JSON). Each round ingests FILE
 * on a fresh session (not timed). The first round is the cold one (first time in the JVM), the later
 * ROUNDS-1 the warm ones. Prints one JSON line. Run by bench/eda.py, compiled once with
 * {@code javac -cp kernel/target/sluice.jar -d DIR bench/eda_timer.java}.
 */
class EdaTimer {
    public static void main(String[] args) throws Exception {
        String file = args[0];
        int rounds = Integer.parseInt(args[1]);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        StringBuilder overview = new StringBuilder(), box = new StringBuilder();
        String says = "";
        int bytes = 0;
        for (int round = 1; round <= rounds; round++) {
            Session session = new Session();
            Magics magics = new Magics()
                    .add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session, quiet))
                    .add("eda", Magics.Kind.LINE, () -> new EdaMagic(session, quiet));
            magics.run(Magics.Kind.LINE, "ingest '" + file + "'", null);
            System.gc();
            long t0 = System.nanoTime();
            Renderable shown = (Renderable) magics.run(Magics.Kind.LINE, "eda", null);
            var bundle = shown.bundle();
            long t1 = System.nanoTime();
            Chart chart = (Chart) magics.run(Magics.Kind.LINE, "eda box --x cat_a --y target", null);
            ChartView.bundle(chart);
            long t2 = System.nanoTime();
            String sep = round == 1 ? "" : ", ";
            overview.append(sep).append(String.format(Locale.ROOT, "%.4f", (t1 - t0) / 1e9));
            box.append(sep).append(String.format(Locale.ROOT, "%.4f", (t2 - t1) / 1e9));
            says = String.valueOf(bundle.data().get("text/plain"));
            bytes = String.valueOf(bundle.data().get("text/html")).length();
        }
        System.out.printf(Locale.ROOT, "{\"overview_s\": [%s], \"box_s\": [%s], \"html_chars\": %d, \"says\": \"%s\"}%n",
                overview, box, bytes, esc(says));
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
