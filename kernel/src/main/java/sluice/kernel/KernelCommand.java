package sluice.kernel;

import com.google.gson.JsonParseException;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import sluice.magic.UsageError;

/** {@code java -jar sluice.jar kernel CONNECTION_FILE}: runs the Jupyter kernel, as the kernelspec starts it. */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "Run the Jupyter kernel on the connection Jupyter wrote (the kernelspec does this).")
final class KernelCommand implements Callable<Integer> {
    /** JShell, when its start was begun before the command line was read: see {@link #startEarly}. */
    private static volatile ShellStart early;

    @Parameters(paramLabel = "CONNECTION_FILE", description = "The connection file Jupyter passes as {connection_file}.")
    Path connectionFile;

    /**
     * Starts JShell, most of the kernel's start-up, before picocli reads the command line: reading the
     * commands' declarations loads some 500 classes, a few hundred ms in a JVM without a class archive.
     */
    static void startEarly() {
        early = ShellStart.begin();
    }

    /**
     * {@code kernel CONNECTION_FILE}, the command line of the kernelspec, run without picocli: its classes
     * are compiled for Java 5, which the class archive {@code install} records cannot hold, so reading
     * the commands' declarations would load some 180 classes from the jar at every kernel start.
     * Anything else on the command line ({@code kernel --help}) goes through picocli as usual.
     */
    static int asJupyterRunsIt(String connectionFile) {
        KernelCommand command = new KernelCommand();
        command.connectionFile = Path.of(connectionFile);
        try {
            return command.call();
        } catch (UsageError e) {
            System.err.println("sluice: " + e.getMessage());
            return 2;
        }
    }

    /** Runs the kernel until Jupyter shuts it down; 0 then, 1 when it could not start. */
    @Override
    public Integer call() {
        ShellStart java = early != null ? early : ShellStart.begin();
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
            return 1;
        }
        return 0;
    }

    private static KernelConnectionProperties readConnection(Path file) {
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UsageError("No connection file '" + file + "'. Start the kernel from Jupyter, which writes one.");
        } catch (IOException e) {
            throw new UsageError("Cannot read the connection file '" + file + "': " + e.getMessage());
        }
        try {
            KernelConnectionProperties props = KernelConnectionProperties.parse(json);
            if (props == null || props.getTransport() == null || props.getIp() == null || props.getShellPort() == 0) {
                throw new UsageError("The connection file '" + file + "' lacks transport, ip or ports.");
            }
            return props;
        } catch (JsonParseException | IllegalStateException | NullPointerException e) {
            throw new UsageError("The connection file '" + file + "' is not valid JSON: " + Main.firstLine(e.getMessage()));
        }
    }

    /** The kernelspec this kernel was installed as: the name of the folder its jar lies in, next to kernel.json. */
    private static Optional<String> kernelspecName() {
        try {
            Path jar = Path.of(KernelCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path folder = jar.getParent();
            return folder != null && Files.exists(folder.resolve("kernel.json"))
                    ? Optional.of(folder.getFileName().toString()) : Optional.empty();
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }
}
