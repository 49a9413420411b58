package sluice.kernel;

import com.google.gson.JsonParseException;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import sluice.magic.HelpMagic;
import sluice.session.Session;

/**
 * The launcher of the kernel jar: {@code kernel CONNECTION_FILE} runs the Jupyter kernel (what the
 * kernelspec starts); {@code run NOTEBOOK} runs a notebook without Jupyter; {@code warmup} runs a few
 * cells once and exits, to record a class-data archive; {@code install} writes the kernelspec.
 */
public final class Main {
    private static final String USAGE = """
            Usage: java -jar sluice.jar kernel CONNECTION_FILE   run the Jupyter kernel (the kernelspec does this)
                   java -jar sluice.jar run NOTEBOOK [-o OUT]    run a notebook's cells, write it back with outputs
                   java -jar sluice.jar magics-table             print the README's table of magics
                   java -jar sluice.jar warmup                   run sample cells once, then exit
                   java -jar sluice.jar resources DIR            write plotly.min.js into DIR (the kernelspec)
                   java -jar sluice.jar install [--user|--sys-prefix|--prefix DIR] [--name NAME]
                                         [--display-name TEXT] [--jvm-opt OPT]...
                                                                 install the Jupyter kernelspec for this jar
                   java -jar sluice.jar serve MODEL_FILE [--port N] [--host H] [--token-env VAR]
                                                                 serve a model saved with %deploy save FILE
                   java -jar sluice.jar --version""";

    private Main() {
    }

    public static void main(String[] args) {
        // A library's warning shows in the cell as one line, without a clock time that would differ on every run.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        }
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "kernel" -> {
                if (args.length != 2) {
                    fail("'kernel' needs the connection file Jupyter passes as {connection_file}.");
                }
                runKernel(Path.of(args[1]));
            }
            case "run" -> runNotebook(args);
            case "magics-table" -> System.out.print(HelpMagic.markdownTable(MagicCatalogue.create(new Session())));
            case "warmup" -> warmup();
            case "resources" -> {
                if (args.length != 2) {
                    fail("'resources' needs the kernelspec folder to write plotly.min.js into.");
                }
                writeResources(Path.of(args[1]));
            }
            case "install" -> System.exit(InstallCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
            case "serve" -> System.exit(sluice.deploy.ServeCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
            case "--version", "version" -> System.out.println("Sluice " + Version.SLUICE);
            case "--help", "-h", "help" -> System.out.println(USAGE);
            default -> {
                System.err.println(USAGE);
                fail(command.isEmpty() ? "No command given." : "Unknown command '" + command + "'.");
            }
        }
    }

    private static void runKernel(Path connectionFile) {
        var java = ShellStart.begin();
        kernelspecName().ifPresent(name -> System.setProperty("sluice.kernelspec", name));
        KernelConnectionProperties props = readConnection(connectionFile);
        Logger.getLogger("").setLevel(Level.WARNING);
        try {
            SluiceKernel kernel = new SluiceKernel(java);
            SluiceConnection connection = new SluiceConnection(props);
            kernel.becomeHandlerForConnection(connection);
            connection.connect();
            connection.waitUntilClose();
        } catch (Exception e) {
            System.err.println("sluice: the kernel could not start: " + e);
            System.exit(1);
        }
        System.exit(0);
    }

    private static KernelConnectionProperties readConnection(Path file) {
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            fail("No connection file '" + file + "'. Start the kernel from Jupyter, which writes one.");
            return null;
        } catch (IOException e) {
            fail("Cannot read the connection file '" + file + "': " + e.getMessage());
            return null;
        }
        try {
            KernelConnectionProperties props = KernelConnectionProperties.parse(json);
            if (props == null || props.getTransport() == null || props.getIp() == null || props.getShellPort() == 0) {
                fail("The connection file '" + file + "' lacks transport, ip or ports.");
            }
            return props;
        } catch (JsonParseException | IllegalStateException | NullPointerException e) {
            fail("The connection file '" + file + "' is not valid JSON: " + firstLine(e.getMessage()));
            return null;
        }
    }

    /**
     * Runs a notebook as a Jupyter client would, in the notebook's folder (where relative paths in its
     * cells point): started elsewhere, it runs itself again there in a new JVM.
     */
    private static void runNotebook(String[] args) {
        Path notebook = null;
        Path out = null;
        for (int i = 1; i < args.length; i++) {
            if ((args[i].equals("-o") || args[i].equals("--output")) && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else if (notebook == null && !args[i].startsWith("-")) {
                notebook = Path.of(args[i]);
            } else {
                fail("'run' takes NOTEBOOK.ipynb [-o OUT.ipynb], not '" + args[i] + "'.");
            }
        }
        if (notebook == null) {
            fail("'run' needs the notebook to run: run NOTEBOOK.ipynb [-o OUT.ipynb].");
        }
        if (!Files.isRegularFile(notebook)) {
            fail("No notebook '" + notebook + "'.");
        }
        notebook = notebook.toAbsolutePath().normalize();
        out = (out == null ? notebook : out).toAbsolutePath().normalize();
        Path folder = notebook.getParent();
        if (!sameFile(folder, Path.of("").toAbsolutePath())) {
            System.exit(runIn(folder, notebook, out));
        }
        PrintStream console = System.err;
        Logger.getLogger("").setLevel(Level.WARNING);
        try {
            SluiceKernel kernel = new SluiceKernel(ShellStart.begin());
            NotebookRunner.Outcome outcome = new NotebookRunner(kernel, console).run(notebook, out);
            if (!outcome.ok()) {
                console.println("sluice: cell " + outcome.failedCell() + " failed (In [" + outcome.count() + "]): "
                        + outcome.error().name() + ": " + firstLine(outcome.error().message()) + " — the cells that ran are in " + out);
                System.exit(1);
            }
            console.println("sluice: ran " + outcome.count() + " cells; wrote " + out);
        } catch (IOException e) {
            console.println("sluice: " + e.getMessage());
            System.exit(2);
        }
        System.exit(0);
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
            fail("Cannot start a JVM in " + folder + ": " + e.getMessage());
            return 2;
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

    /** Runs the cells a first session runs, so a class-data archive recorded now covers them. */
    private static void warmup() {
        try {
            SluiceKernel kernel = new SluiceKernel(ShellStart.begin());
            Path dir = Files.createTempDirectory("sluice-warmup");
            Path csv = Files.writeString(dir.resolve("warmup.csv"), "name,score,day\nann,1.5,2024-01-02\nbob,2,2024-01-03\n");
            // A Parquet file and a workbook too, so that their readers' classes are in the archive (about 1,000 for Parquet).
            List<Path> files = new ArrayList<>(List.of(csv));
            for (String name : new String[] {"penguins.parquet", "penguins.xlsx"}) {
                try (var in = Main.class.getResourceAsStream("/sluice/warmup/" + name)) {
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
            } finally {
                for (Path file : files) {
                    Files.deleteIfExists(file);
                }
                Files.deleteIfExists(dir);
            }
            kernel.isComplete("for (int i = 0; i < 3; i++) {");
            kernel.complete("Strin", 5);
        } catch (Exception e) {
            System.err.println("sluice: warmup failed: " + e);
            System.exit(1);
        }
        System.exit(0);
    }

    /** Copies plotly.js from the jar into the kernelspec folder, which the Jupyter server serves. */
    static void writeResources(Path dir) {
        String plotly = "META-INF/resources/webjars/plotly.js-dist/" + Version.PLOTLY + "/plotly.js";
        try (var in = Main.class.getClassLoader().getResourceAsStream(plotly)) {
            if (in == null) {
                fail("This jar has no " + plotly + ".");
            }
            Files.copy(in, dir.resolve("plotly.min.js"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            fail("Cannot write plotly.min.js into " + dir + ": " + e.getMessage());
        }
    }

    /** The kernelspec this kernel was installed as: the name of the folder its jar lies in, next to kernel.json. */
    private static java.util.Optional<String> kernelspecName() {
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path folder = jar.getParent();
            return folder != null && Files.exists(folder.resolve("kernel.json"))
                    ? java.util.Optional.of(folder.getFileName().toString()) : java.util.Optional.empty();
        } catch (java.net.URISyntaxException | SecurityException e) {
            return java.util.Optional.empty();
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static void fail(String message) {
        System.err.println("sluice: " + message);
        System.exit(2);
    }
}
