import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import sluice.ingest.IngestMagic;
import sluice.ingest.IngestReport;
import sluice.magic.Magics;
import sluice.session.Session;
import tech.tablesaw.api.Table;

/**
 * Times {@code %ingest URL --table TABLE} RUNS times in one JVM, each on a fresh session, the way a
 * kernel runs the magic (through {@link Magics}), and prints one JSON line per run. Run by
 * bench/ingest_pg.py as a single-file program:
 * {@code java -cp kernel/target/sluice.jar bench/ingest_pg_timer.java URL TABLE RUNS}.
 * With a fourth argument {@code whole-result} it instead reads the table once by plain JDBC as most
 * code does (autocommit on, no fetch size: the driver holds the whole result before the first row),
 * keeping nothing, to show what streaming saves under a small -Xmx.
 */
public class IngestPgTimer {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String table = args[1];
        int runs = Integer.parseInt(args[2]);
        if (args.length > 3 && args[3].equals("whole-result")) {
            wholeResult(url, table);
            return;
        }
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        for (int run = 1; run <= runs; run++) {
            Session session = new Session();
            Magics magics = new Magics().add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session, quiet));
            long start = System.nanoTime();
            IngestReport report = (IngestReport) magics.run(Magics.Kind.LINE, "ingest " + url + " --table " + table, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            Table t = report.table();
            StringBuilder types = new StringBuilder();
            t.columns().forEach(c -> types.append(types.length() == 0 ? "" : ",").append('"').append(c.name()).append("\":\"").append(c.type().name()).append('"'));
            Runtime rt = Runtime.getRuntime();
            System.out.printf("{\"run\": %d, \"seconds\": %.4f, \"rows\": %d, \"columns\": %d, \"heap_used_mb\": %.1f, \"types\": {%s}}%n",
                    run, seconds, t.rowCount(), t.columnCount(), (rt.totalMemory() - rt.freeMemory()) / 1e6, types);
            System.gc();
        }
    }

    private static void wholeResult(String url, String table) throws Exception {
        long start = System.nanoTime();
        long rows = 0;
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
            while (result.next()) {
                rows++;
            }
        } catch (OutOfMemoryError e) {
            System.out.println("{\"error\": \"OutOfMemoryError: " + e.getMessage() + "\"}");
            return;
        }
        System.out.printf("{\"run\": 1, \"seconds\": %.4f, \"rows\": %d}%n", (System.nanoTime() - start) / 1e9, rows);
    }
}
