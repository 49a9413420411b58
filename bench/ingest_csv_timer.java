import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import sluice.ingest.IngestMagic;
import sluice.ingest.IngestReport;
import sluice.magic.Magics;
import sluice.session.Session;
import tech.tablesaw.api.Table;

/**
 * Times {@code %ingest FILE} READS times in one fresh JVM, each on a fresh session, the way a kernel
 * runs the magic (through {@link Magics}), and prints one JSON line: how long the JVM took to reach
 * main, each read's seconds (the first is the cold read), and the heap the last table holds (used
 * heap after GC with the table, minus used heap after GC without it). Run by bench/ingest_csv.py,
 * compiled once with {@code javac -cp kernel/target/sluice.jar -d DIR bench/ingest_csv_timer.java}.
 * With a third argument {@code setup-first} it first makes one empty Tablesaw table and times that
 * apart: Tablesaw's one-time set-up (its first {@code Table} scans the class path for readers), which
 * a kernel could do while it waits for the first cell. A fourth argument is added to the magic's line
 * (options such as {@code --columns a,b}).
 */
class IngestCsvTimer {
    public static void main(String[] args) throws Exception {
        long toMain = ManagementFactory.getRuntimeMXBean().getUptime();
        String file = args[0];
        int reads = Integer.parseInt(args[1]);
        String options = args.length > 3 ? " " + args[3] : "";
        double setup = 0;
        if (args.length > 2 && args[2].equals("setup-first")) {
            long start = System.nanoTime();
            Table.create("set-up");
            setup = (System.nanoTime() - start) / 1e9;
        }
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        StringBuilder seconds = new StringBuilder();
        Table table = null;
        for (int read = 1; read <= reads; read++) {
            table = null;
            Session session = new Session();
            Magics magics = new Magics().add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session, quiet));
            long start = System.nanoTime();
            IngestReport report = (IngestReport) magics.run(Magics.Kind.LINE, "ingest '" + file + "'" + options, null);
            double elapsed = (System.nanoTime() - start) / 1e9;
            seconds.append(seconds.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", elapsed));
            table = report.table();
        }
        long with = usedAfterGc();
        int rows = table.rowCount();
        StringBuilder types = new StringBuilder();
        table.columns().forEach(c -> types.append(types.length() == 0 ? "" : ", ")
                .append('"').append(c.name()).append("\": \"").append(c.type().name()).append('"'));
        table = null;
        long without = usedAfterGc();
        System.out.printf(Locale.ROOT, "{\"jvm_to_main_s\": %.4f, \"tablesaw_setup_s\": %.4f, \"reads_s\": [%s], \"rows\": %d,"
                + " \"table_bytes\": %d, \"types\": {%s}}%n", toMain / 1e3, setup, seconds, rows, with - without, types);
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
