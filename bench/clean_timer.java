import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;
import sluice.clean.CleanMagic;
import sluice.ingest.IngestMagic;
import sluice.magic.Magics;
import sluice.session.Session;
import tech.tablesaw.api.Table;

/**
 * Times {@code %clean fill --all --with mean} and {@code %clean cast cat_a,cat_b,cat_c --to category}
 * in one fresh JVM, through the same {@link Magics} dispatch the kernel uses. Each round ingests FILE
 * on a fresh session (not timed), then times the two lines one after the other. The first round is
 * the cold one (first time in the JVM), the later ROUNDS-1 the warm ones. Prints one JSON line.
 * Run by bench/clean.py, compiled once with
 * {@code javac -cp kernel/target/sluice.jar -d DIR bench/clean_timer.java}.
 */
class CleanTimer {
    public static void main(String[] args) throws Exception {
        String file = args[0];
        int rounds = Integer.parseInt(args[1]);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        StringBuilder fill = new StringBuilder(), cast = new StringBuilder(), total = new StringBuilder();
        String fillSays = "", castSays = "", types = "";
        int rows = 0;
        for (int round = 1; round <= rounds; round++) {
            Session session = new Session();
            Magics magics = new Magics()
                    .add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session, quiet))
                    .add("clean", Magics.Kind.LINE, () -> new CleanMagic(session));
            magics.run(Magics.Kind.LINE, "ingest '" + file + "'", null);
            System.gc();
            long t0 = System.nanoTime();
            Object f = magics.run(Magics.Kind.LINE, "clean fill --all --with mean", null);
            long t1 = System.nanoTime();
            Object c = magics.run(Magics.Kind.LINE, "clean cast cat_a,cat_b,cat_c --to category", null);
            long t2 = System.nanoTime();
            String sep = round == 1 ? "" : ", ";
            fill.append(sep).append(String.format(Locale.ROOT, "%.4f", (t1 - t0) / 1e9));
            cast.append(sep).append(String.format(Locale.ROOT, "%.4f", (t2 - t1) / 1e9));
            total.append(sep).append(String.format(Locale.ROOT, "%.4f", (t2 - t0) / 1e9));
            fillSays = String.valueOf(f);
            castSays = String.valueOf(c);
            Table table = session.table();
            rows = table.rowCount();
            StringBuilder tb = new StringBuilder();
            table.columns().forEach(col -> tb.append(tb.length() == 0 ? "" : ", ")
                    .append('"').append(col.name()).append("\": \"").append(col.type().name()).append('"'));
            types = tb.toString();
        }
        System.out.printf(Locale.ROOT, "{\"fill_s\": [%s], \"cast_s\": [%s], \"total_s\": [%s], \"rows\": %d, \"types\": {%s},"
                + " \"fill_says\": \"%s\", \"cast_says\": \"%s\"}%n", fill, cast, total, rows, types, esc(fillSays), esc(castSays));
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
