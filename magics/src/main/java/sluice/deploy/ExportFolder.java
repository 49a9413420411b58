package sluice.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import sluice.magic.UsageError;
import sluice.model.Model;
import tech.tablesaw.api.Table;

/**
 * What {@code %deploy export DIR} writes: a folder that serves the model anywhere Java or Docker
 * runs, with nothing else to fetch: the model file (as {@code %deploy save} writes it), the kernel's
 * own jar (which has the {@code serve} command), a Dockerfile and a README with the commands.
 * The folder is written beside DIR and moved into place at the end, so a failed export leaves none.
 */
final class ExportFolder {
    private static final String MODEL = "model.sluice";
    private static final String JAR = "sluice.jar";

    private ExportFolder() {
    }

    /**
     * Writes the folder {@code dir} for {@code model}, copying the jar {@code jar} finds (the
     * kernel's: {@link #runningJar}); {@code table}, when not null, gives the sample request.
     * Returns the model's version.
     */
    static Version write(Path dir, Model model, Supplier<Path> jar, Table table) throws IOException {
        refuseUnlessEmpty(dir);
        Path from = jar.get();
        Path parent = dir.toAbsolutePath().normalize().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempDirectory(parent, "." + dir.getFileName() + ".partial-");
        try {
            model.save(partial.resolve(MODEL));
            Files.copy(from, partial.resolve(JAR));
            Version version = Version.of(partial.resolve(MODEL));
            Files.writeString(partial.resolve("Dockerfile"), dockerfile(), StandardCharsets.UTF_8);
            Files.writeString(partial.resolve("README.md"), readme(dir, model, version, Sample.of(model, table)), StandardCharsets.UTF_8);
            readableByAll(partial);
            Files.move(partial, dir, StandardCopyOption.REPLACE_EXISTING);
            return version;
        } finally {
            if (Files.exists(partial)) {
                try (Stream<Path> files = Files.walk(partial)) {
                    files.sorted(Comparator.reverseOrder()).forEach(ExportFolder::delete);
                }
            }
        }
    }

    /**
     * Makes the folder and its files readable by all where the file system has POSIX permissions: the
     * model file is written owner-only (as a temporary file), and the image runs as another user
     * than the one who copies the files in, who must read them.
     */
    private static void readableByAll(Path folder) throws IOException {
        if (!Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
    }

    /**
     * The jar this code runs from, which is the kernel's {@code sluice.jar}; a usage error when it runs
     * from class folders (a build under test) or from a jar without the {@code serve} command.
     */
    static Path runningJar() {
        Path path;
        try {
            path = Path.of(ExportFolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new UsageError("%deploy export copies the kernel's sluice.jar, but cannot tell where it is. "
                    + "Save the model with %deploy save FILE and copy sluice.jar beside it.");
        }
        if (!Files.isRegularFile(path) || !hasMain(path)) {
            throw new UsageError("%deploy export copies the kernel's sluice.jar, but this kernel runs from " + path
                    + ". Run the kernel from sluice.jar (install/install.sh does), or save the model with %deploy save FILE.");
        }
        return path;
    }

    private static boolean hasMain(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null && file.getManifest().getMainAttributes().getValue("Main-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static void refuseUnlessEmpty(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageError("'" + dir + "' is a file. Export into a new or empty folder: %deploy export " + dir + "-endpoint");
        }
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                if (entries.iterator().hasNext()) {
                    throw new UsageError("'" + dir + "' exists and is not empty. Export into a new or empty folder, "
                            + "e.g. %deploy export " + dir + "-2, or delete this one first.");
                }
            }
        }
    }

    /** Runs the endpoint on all interfaces in the container; options given to {@code docker run} are added (e.g. --token-env). */
    private static String dockerfile() {
        return """
                FROM eclipse-temurin:17-jre
                RUN useradd --system --no-create-home sluice
                WORKDIR /app
                COPY sluice.jar model.sluice ./
                USER sluice
                EXPOSE 8000
                ENTRYPOINT ["java", "-jar", "sluice.jar", "serve", "model.sluice"]
                CMD ["--host", "0.0.0.0", "--port", "8000"]
                """;
    }

    /** A Docker image name made from the folder's name: "Penguins Model" gives "penguins-model". */
    static String image(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        String image = name == null ? "" : name.toString().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
        return image.isEmpty() ? "sluice-model" : image;
    }

    private static String readme(Path dir, Model model, Version version, Sample sample) {
        return """
                # %1$s

                Exported by Sluice's `%%deploy export`. Model version `%2$s` (the first 12 hex digits of the
                SHA-256 of `model.sluice`); %3$d inputs: %4$s (`GET /schema` gives their types).

                | file | what it is |
                | --- | --- |
                | `model.sluice` | the model with its fitted cleaning steps, as `%%deploy save` writes it |
                | `sluice.jar` | the Sluice kernel jar, whose `serve` command runs the endpoint |
                | `Dockerfile` | an `eclipse-temurin:17-jre` image running that command on port 8000 |

                ## Run it with Docker

                ```sh
                docker build -t %5$s .
                docker run --rm -p 8000:8000 %5$s
                ```

                It listens on all interfaces of the container. To require a token, pass it in the
                environment and add the options (they replace `--host 0.0.0.0 --port 8000`, so repeat those):

                ```sh
                docker run --rm -p 8000:8000 -e SLUICE_TOKEN="$(openssl rand -hex 32)" %5$s \\
                    --host 0.0.0.0 --port 8000 --token-env SLUICE_TOKEN
                ```

                ## Run it with Java 17 or newer

                ```sh
                java -jar sluice.jar serve model.sluice --port 8000
                ```

                This binds 127.0.0.1 only; add `--host 0.0.0.0` to listen beyond this machine (and
                `--token-env VAR` to require a token).

                ## Call it

                ```sh
                %6$s
                curl -s http://127.0.0.1:8000/schema
                ```

                `POST /predict` also takes CSV (`Content-Type: text/csv`) and NDJSON batches; `GET /health`,
                `GET /schema`, `GET /openapi.json` and `GET /metrics` describe and watch it.
                """.formatted(Documents.describe(model), version.id(), model.inputs().size(),
                String.join(", ", model.inputs().stream().map(Model.Input::name).toList()), image(dir),
                sample.curl("http://127.0.0.1:" + Settings.PORT, null));
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
