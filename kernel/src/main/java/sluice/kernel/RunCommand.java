package sluice.kernel;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sluice.magic.UsageError;

/**
 * {@code java -jar sluice.jar run NOTEBOOK [-o OUT]}: runs a notebook as a Jupyter client would, in the
 * notebook's folder (where relative paths in its cells point): started elsewhere, it runs itself again
 * there in a new JVM.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a notebook's cells without Jupyter and write it back with their outputs.")
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NOTEBOOK", description = "The notebook (.ipynb) to run; its cells run in its folder.")
    Path notebook;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the notebook with outputs to OUT (default: over NOTEBOOK).")
    Path out;

    /** Runs the notebook; 0 when every cell ran, 1 when one failed, 2 when it could not be read or written. */
    @Override
    public Integer call() {
        if (!Files.isRegularFile(notebook)) {
            throw new UsageError("No notebook '" + notebook + "'.");
        }
        Path in = notebook.toAbsolutePath().normalize();
        Path written = (out == null ? in : out).toAbsolutePath().normalize();
        Path folder = in.getParent();
        if (!sameFile(folder, Path.of("").toAbsolutePath())) {
            return runIn(folder, in, written);
        }
        PrintStream console = System.err;
        Logger.getLogger("").setLevel(Level.WARNING);
        try {
            SluiceKernel kernel = new SluiceKernel(ShellStart.begin());
            NotebookRunner.Outcome outcome = new NotebookRunner(kernel, console).run(in, written);
            if (!outcome.ok()) {
                console.println("sluice: cell " + outcome.failedCell() + " failed (In [" + outcome.count() + "]): "
                        + outcome.error().name() + ": " + Main.firstLine(outcome.error().message()) + " — the cells that ran are in " + written);
                return 1;
            }
            console.println("sluice: ran " + outcome.count() + " cells; wrote " + written);
        } catch (IOException e) {
            console.println("sluice: " + e.getMessage());
            return 2;
        }
        return 0;
    }

    /** Runs {@code run} again in a JVM of its own started in {@code folder}, with this JVM's options; its exit status. */
    private static int runIn(Path folder, Path notebook, Path out) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> !option.startsWith("-agentlib") && !option.startsWith("-javaagent"))
                .forEach(command::add);
        command.add("-cp");
        command.add(Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator)));
        command.addAll(List.of(Main.class.getName(), "run", notebook.toString(), "-o", out.toString()));
        try {
            return new ProcessBuilder(command).directory(folder.toFile()).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UsageError("Cannot start a JVM in " + folder + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
