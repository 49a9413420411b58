package sluice.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;
import sluice.deploy.ServeCommand;
import sluice.magic.HelpMagic;
import sluice.magic.UsageError;
import sluice.session.Session;

/**
 * The launcher of the kernel jar, {@code java -jar sluice.jar COMMAND}: each command is a picocli
 * subcommand with its own {@code --help}. A usage mistake shows the command's usage and one line
 * saying what is wrong (exit 2); {@code install} keeps to the one line, which install.sh passes on.
 */
@Command(name = "java -jar sluice.jar", mixinStandardHelpOptions = true, versionProvider = Main.SluiceVersion.class,
        description = "Sluice: a Jupyter kernel for Java whose magics run a data-science pipeline.",
        subcommands = {KernelCommand.class, RunCommand.class, InstallCommand.class, ServeCommand.class,
                Main.MagicsTable.class, WarmupCommand.class, Main.Resources.class, Main.VersionCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private Main() {
    }

    public static void main(String[] args) {
        // A library's warning shows in the cell as one line, without a clock time that would differ on every run.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        }
        if (args.length > 0 && args[0].equals("kernel")) {
            KernelCommand.startEarly();
            if (args.length == 2 && !args[1].startsWith("-")) {
                System.exit(KernelCommand.asJupyterRunsIt(args[1]));
            }
        }
        CommandLine launcher = new CommandLine(new Main());
        launcher.getSubcommands().values().forEach(command -> command.getCommandSpec().versionProvider(new SluiceVersion()));
        launcher.setParameterExceptionHandler(Main::usageMistake);
        launcher.setExecutionExceptionHandler(Main::failure);
        System.exit(launcher.execute(args));
    }

    /** No command given: the list of them. */
    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        System.err.println("sluice: No command given.");
        return 2;
    }

    private static int usageMistake(ParameterException e, String[] args) {
        CommandLine where = e.getCommandLine();
        if (where.getCommand() instanceof InstallCommand) {
            return InstallCommand.usageMistake(e);
        }
        where.usage(System.err);
        System.err.println("sluice: " + message(e));
        return 2;
    }

    /** What is wrong with the command line; an unknown command named as such. */
    private static String message(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && e.getCommandLine().getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            return "Unknown command '" + unmatched.getUnmatched().get(0) + "'.";
        }
        return e.getMessage();
    }

    /** A user mistake found while a command ran is one line (exit 2); anything else is a bug, with its stack trace. */
    private static int failure(Exception e, CommandLine where, CommandLine.ParseResult parsed) throws Exception {
        if (where.getCommand() instanceof InstallCommand) {
            return InstallCommand.failure(e);
        }
        if (e instanceof UsageError) {
            System.err.println("sluice: " + e.getMessage());
            return 2;
        }
        throw e;
    }

    /** {@code magics-table}: the README's table of magics, which a test keeps in step with the catalogue. */
    @Command(name = "magics-table", mixinStandardHelpOptions = true, description = "Print the README's table of magics.")
    static final class MagicsTable implements Runnable {
        @Override
        public void run() {
            System.out.print(HelpMagic.markdownTable(MagicCatalogue.create(new Session())));
        }
    }

    /** {@code resources DIR}: what install puts beside kernel.json for the Jupyter server to serve. */
    @Command(name = "resources", mixinStandardHelpOptions = true, description = "Write plotly.min.js into DIR (a kernelspec folder).")
    static final class Resources implements Runnable {
        @Parameters(paramLabel = "DIR", description = "The kernelspec folder to write plotly.min.js into.")
        Path dir;

        @Override
        public void run() {
            writeResources(dir);
        }
    }

    /** {@code version}, as {@code --version}. */
    @Command(name = "version", hidden = true, description = "Print the version of Sluice.")
    static final class VersionCommand implements Runnable {
        @Override
        public void run() {
            System.out.println(SluiceVersion.LINE);
        }
    }

    /** What {@code --version} prints. */
    static final class SluiceVersion implements IVersionProvider {
        static final String LINE = "Sluice " + Version.SLUICE;

        @Override
        public String[] getVersion() {
            return new String[] {LINE};
        }
    }

    /** Copies plotly.js from the jar into the kernelspec folder, which the Jupyter server serves. */
    static void writeResources(Path dir) {
        String plotly = "META-INF/resources/webjars/plotly.js-dist/" + Version.PLOTLY + "/plotly.js";
        try (InputStream in = Main.class.getClassLoader().getResourceAsStream(plotly)) {
            if (in == null) {
                throw new UsageError("This jar has no " + plotly + ".");
            }
            Files.copy(in, dir.resolve("plotly.min.js"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UsageError("Cannot write plotly.min.js into " + dir + ": " + e.getMessage());
        }
    }

    static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
