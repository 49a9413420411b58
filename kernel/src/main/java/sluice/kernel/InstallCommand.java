package sluice.kernel;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar sluice.jar install [--user|--sys-prefix|--prefix DIR] [--name] [--display-name]
 * [--jvm-opt]}: installs the Jupyter kernelspec from the jar alone, as {@code jupyter kernelspec
 * install} would: the jar, the logos and plotly.js beside a {@code kernel.json} that starts this jar
 * on the Java running the command, with a class archive recorded so the kernel starts faster.
 */
@Command(name = "install", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Install the Jupyter kernelspec that runs this jar on this Java.")
final class InstallCommand implements Callable<Integer> {
    private static final String LOGOS = "/sluice/kernel/";

    static final class Where {
        @Option(names = "--user", description = "Into the current user's Jupyter data folder (the default).")
        boolean user;

        @Option(names = "--sys-prefix", description = "Into the Python environment's prefix, where python3's Jupyter looks.")
        boolean sysPrefix;

        @Option(names = "--prefix", paramLabel = "DIR", description = "Into DIR/share/jupyter/kernels, as `jupyter kernelspec install --prefix DIR` does.")
        Path prefix;
    }

    @ArgGroup(exclusive = true)
    Where where = new Where();

    @Option(names = "--name", paramLabel = "NAME", description = "Kernelspec name (default: ${DEFAULT-VALUE}).")
    String name = "sluice";

    @Option(names = "--display-name", paramLabel = "TEXT", description = "Name shown in the kernel picker (default: ${DEFAULT-VALUE}).")
    String displayName = "Java (Sluice)";

    @Option(names = "--jvm-opt", paramLabel = "OPT", description = "An option for the kernel's JVM, e.g. --jvm-opt=-Xmx8g; repeat for several.")
    List<String> jvmOpts = new ArrayList<>();

    /** A usage mistake is one line, which install.sh passes on as it is (exit 2). */
    static int usageMistake(CommandLine.ParameterException e) {
        System.err.println("sluice install: " + e.getMessage() + " (see --help)");
        return 2;
    }

    /** Why the install failed, in one line: exit 2 for a mistake in its options, 1 when it could not install. */
    static int failure(Exception e) {
        System.err.println("sluice install: " + e.getMessage());
        return e instanceof IllegalArgumentException || e instanceof sluice.magic.UsageError ? 2 : 1;
    }

    @Override
    public Integer call() throws Exception {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("the name '" + name + "' may hold only letters, digits, '.', '_' and '-'.");
        }
        if (displayName.isBlank()) {
            throw new IllegalArgumentException("the display name is empty.");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java").toAbsolutePath();
        if (!jvmOpts.isEmpty() && !runs(withJava(java, jvmOpts, List.of("-version")), null, null)) {
            throw new IllegalArgumentException(java + " does not accept the JVM options: " + String.join(" ", jvmOpts));
        }
        Path dir = kernelsFolder().resolve(name);
        replace(dir);
        Path jar = dir.resolve("sluice.jar");
        Files.copy(thisJar(), jar);
        for (String logo : new String[] {"logo-32x32.png", "logo-64x64.png"}) {
            try (InputStream in = InstallCommand.class.getResourceAsStream(LOGOS + logo)) {
                if (in == null) {
                    throw new IOException("this jar has no " + LOGOS + logo + "; rebuild it with Maven.");
                }
                Files.copy(in, dir.resolve(logo));
            }
        }
        // plotly.js for interactive charts: the Jupyter server serves the kernelspec folder, so charts need no CDN.
        Main.writeResources(dir);
        Archive archive = Archive.record(java, jvmOpts, jar, dir);

        List<String> argv = new ArrayList<>(withJava(java, jvmOpts, archive.use()));
        argv.addAll(List.of("-jar", jar.toString(), "kernel", "{connection_file}"));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", displayName);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("metadata", Map.of());
        Files.writeString(dir.resolve("kernel.json"),
                new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n");

        System.out.println("Installed the kernel \"" + displayName + "\" (kernelspec '" + name + "') in");
        System.out.println("  " + dir);
        System.out.println("  java: " + java + " (" + archive.note() + ")");
        if (where.prefix != null) {
            Path data = dir.getParent().getParent();
            System.out.println("Jupyter looks in " + data + " only when told to: export JUPYTER_PATH=" + data);
        }
        System.out.println("Start JupyterLab with 'jupyter lab' (or 'jupyter notebook') and pick \"" + displayName + "\" as the kernel.");
        return 0;
    }

    /** Where kernelspecs go for the chosen scope; the user's as jupyter_core finds its data folder. */
    private Path kernelsFolder() throws IOException, InterruptedException {
        if (where.prefix != null) {
            return where.prefix.toAbsolutePath().normalize().resolve(Path.of("share", "jupyter", "kernels"));
        }
        if (where.sysPrefix) {
            return Path.of(pythonPrefix(), "share", "jupyter", "kernels");
        }
        String data = System.getenv("JUPYTER_DATA_DIR");
        if (data != null && !data.isBlank()) {
            return Path.of(data).toAbsolutePath().resolve("kernels");
        }
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("mac")) {
            return home.resolve("Library/Jupyter/kernels");
        }
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home.resolve("AppData/Roaming").toString(), "jupyter", "kernels");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("jupyter/kernels");
    }

    /** {@code sys.prefix} of the first python3 (or python) on PATH: the environment Jupyter runs from. */
    private static String pythonPrefix() throws IOException, InterruptedException {
        for (String python : new String[] {"python3", "python"}) {
            Process process;
            try {
                process = new ProcessBuilder(python, "-c", "import sys; print(sys.prefix)").redirectErrorStream(true).start();
            } catch (IOException e) {
                continue;
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor() == 0 && !out.isEmpty()) {
                return out;
            }
        }
        throw new IllegalArgumentException("--sys-prefix needs python3 on PATH to find the prefix; use --prefix DIR instead.");
    }

    /** Reinstalling replaces an earlier kernelspec, but never a folder that is not one. */
    private static void replace(Path dir) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isRegularFile(dir.resolve("kernel.json"))) {
                throw new IOException(dir + " exists and is not a kernelspec (no kernel.json); move it away first.");
            }
            deleteTree(dir);
        }
        Files.createDirectories(dir);
    }

    /** Deletes a folder and all it holds, the deepest paths first. */
    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static Path thisJar() throws URISyntaxException {
        Path jar = Path.of(InstallCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("install runs from the kernel jar (java -jar sluice.jar install), not from " + jar + ".");
        }
        return jar;
    }

    private static List<String> withJava(Path java, List<String> jvmOpts, List<String> more) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOpts);
        command.addAll(more);
        return command;
    }

    /** Runs a command in {@code cwd}, its output into {@code log}; whether it exited with 0 within five minutes. */
    static boolean runs(List<String> command, Path cwd, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (cwd != null) {
            builder.directory(cwd.toFile());
        }
        builder.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }

    /**
     * The classes a first session loads, recorded once so later starts map them instead of loading and
     * verifying them again: an AOT cache on Java 25 and newer (JEP 483/514), a CDS archive before.
     * A failure only costs start-up time, so it is a note, not an error.
     */
    record Archive(List<String> use, String note) {
        static Archive record(Path java, List<String> jvmOpts, Path jar, Path dir) throws IOException, InterruptedException {
            boolean aot = Runtime.version().feature() >= 25;
            Path file = dir.resolve(aot ? "sluice.aot" : "sluice.jsa");
            String kind = aot ? "AOT cache" : "class-data archive";
            List<String> record = aot
                    ? List.of("-XX:AOTCacheOutput=" + file, "-Xlog:aot=off,cds=off")
                    : List.of("-XX:ArchiveClassesAtExit=" + file, "-Xlog:cds=off,cds+dynamic=off");
            List<String> check = aot
                    ? List.of("-XX:AOTCache=" + file, "-XX:AOTMode=on")
                    : List.of("-XX:SharedArchiveFile=" + file, "-Xshare:on");
            List<String> use = aot
                    ? List.of("-XX:AOTCache=" + file, "-Xlog:aot=off,cds=off")
                    : List.of("-XX:SharedArchiveFile=" + file, "-Xshare:auto", "-Xlog:cds=off,cds+dynamic=off");
            System.out.println("Recording a " + kind + " (runs a few cells once)...");
            Path scratch = Files.createTempDirectory("sluice-install");
            Path log = scratch.resolve("record.log");
            try {
                List<String> warmup = new ArrayList<>(record);
                warmup.addAll(List.of("-jar", jar.toString(), "warmup"));
                List<String> version = new ArrayList<>(check);
                version.addAll(List.of("-jar", jar.toString(), "--version"));
                if (runs(withJava(java, jvmOpts, warmup), scratch, log) && Files.isRegularFile(file) && Files.size(file) > 0
                        && runs(withJava(java, jvmOpts, version), scratch, log)) {
                    return new Archive(use, "with " + kind);
                }
                System.err.println("Note: no " + kind + " (the kernel works, it only starts slower). Output was:");
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(System.err::println);
                Files.deleteIfExists(file);
                return new Archive(List.of(), "no " + kind);
            } catch (IOException e) {
                Files.deleteIfExists(file);
                return new Archive(List.of(), "no " + kind + ": " + e.getMessage());
            } finally {
                deleteTree(scratch);
            }
        }
    }
}
