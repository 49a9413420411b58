package sluice.kernel;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code java -jar sluice.jar warmup}: runs the cells a first session runs, once, so that a class-data
 * archive recorded meanwhile ({@code install} does) covers their classes.
 */
@Command(name = "warmup", mixinStandardHelpOptions = true,
        description = "Run a few sample cells once, then exit (install records a class-data archive with it).")
final class WarmupCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        try {
            SluiceKernel kernel = new SluiceKernel(ShellStart.begin());
            Path dir = Files.createTempDirectory("sluice-warmup");
            Path csv = Files.writeString(dir.resolve("warmup.csv"), "name,score,day\nann,1.5,2024-01-02\nbob,2,2024-01-03\n");
            // A Parquet file and a workbook too, so that their readers' classes are in the archive (about 1,000 for Parquet).
            List<Path> files = new ArrayList<>(List.of(csv));
            for (String name : new String[] {"penguins.parquet", "penguins.xlsx"}) {
                try (InputStream in = WarmupCommand.class.getResourceAsStream("/sluice/warmup/" + name)) {
                    if (in != null) {
                        Files.copy(in, dir.resolve(name));
                        files.add(dir.resolve(name));
                    }
                }
            }
            try {
                for (String cell : new String[] {"1 + 1", "int x = 2;\nx * 21", "%lsmagic", "String s = \"a\"; s.length()"}) {
                    kernel.eval(cell);
                }
                for (Path file : files) {
                    kernel.eval("%ingest " + file);
                }
                kernel.eval("table()");
                sluice.train.TrainWarmUp.run(() -> false);
            } finally {
                for (Path file : files) {
                    Files.deleteIfExists(file);
                }
                Files.deleteIfExists(dir);
            }
            kernel.isComplete("for (int i = 0; i < 3; i++) {");
            kernel.complete("Strin", 5);
            ProtocolRoundTrip.run(kernel);
        } catch (Exception e) {
            System.err.println("sluice: warmup failed: " + e);
            return 1;
        }
        return 0;
    }
}
