package sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.magic.Magics;
import sluice.magic.UsageError;
import sluice.model.Model;
import tech.tablesaw.api.Table;

/** %deploy export: the folder it writes, and the folders it refuses. Running the folder is test_deploy.py's. */
class ExportTest {
    @Test
    void export_writesTheModelFile_theJar_aDockerfile_andAReadmeWithTheCommands(@TempDir Path tmp) throws Exception {
        Trained trained = Trained.regression();
        Model model = trained.session.training().model();
        Path jar = Files.writeString(tmp.resolve("kernel.jar"), "the kernel's jar");
        Path dir = tmp.resolve("Penguin Mass");

        Version version = ExportFolder.write(dir, model, () -> jar, trained.session.raw());

        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("model.sluice", "sluice.jar", "Dockerfile", "README.md");
        }
        assertThat(Files.readString(dir.resolve("sluice.jar"))).isEqualTo("the kernel's jar");
        Table rows = EndpointTest.completeRows(trained.session.raw(), model).first(5);
        assertThat(Model.load(dir.resolve("model.sluice")).predict(rows).values()).isEqualTo(model.predict(rows).values());
        assertThat(version.id()).isEqualTo(Version.of(dir.resolve("model.sluice")).id()).isEqualTo(Version.of(model).id());
        assertThat(Files.readString(dir.resolve("Dockerfile"))).startsWith("FROM eclipse-temurin:17-jre\n")
                .contains("ENTRYPOINT [\"java\", \"-jar\", \"sluice.jar\", \"serve\", \"model.sluice\"]\n"
                        + "CMD [\"--host\", \"0.0.0.0\", \"--port\", \"8000\"]\n");
        assertThat(Files.readString(dir.resolve("README.md"))).startsWith("# linear regression of body_mass_g\n")
                .contains("version `" + version.id() + "`", "docker build -t penguin-mass .",
                        "docker run --rm -p 8000:8000 penguin-mass", "java -jar sluice.jar serve model.sluice --port 8000",
                        "curl -s http://127.0.0.1:8000/predict -H 'Content-Type: application/json' -d '{\"records\":[{\"species\":\"Adelie\"");
        try (var left = Files.list(tmp)) {
            assertThat(left.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("kernel.jar", "Penguin Mass");
        }
    }

    @Test
    void theFiles_areReadableByTheImagesOwnUser(@TempDir Path tmp) throws Exception {
        Model model = Trained.regression().session.training().model();
        Path jar = Files.writeString(tmp.resolve("kernel.jar"), "jar");
        Path dir = tmp.resolve("out");

        ExportFolder.write(dir, model, () -> jar, null);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("model.sluice")))).isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("sluice.jar")))).isEqualTo("rw-r--r--");
    }

    @Test
    void anEmptyFolder_isExportedInto(@TempDir Path tmp) throws Exception {
        Model model = Trained.regression().session.training().model();
        Path dir = Files.createDirectory(tmp.resolve("empty"));
        Path jar = Files.writeString(tmp.resolve("kernel.jar"), "jar");

        ExportFolder.write(dir, model, () -> jar, null);

        assertThat(dir.resolve("model.sluice")).isRegularFile();
    }

    @Test
    void aFolderThatIsNotEmpty_orAFile_isRefusedInOneLine_andLeftAlone(@TempDir Path tmp) throws Exception {
        Trained trained = Trained.regression();
        trained.magics.add("deploy", Magics.Kind.LINE, () -> new DeployMagic(trained.session));
        Path full = Files.createDirectory(tmp.resolve("full"));
        Files.writeString(full.resolve("notes.txt"), "mine");
        Path file = Files.writeString(tmp.resolve("file"), "mine");

        assertThatThrownBy(() -> trained.run("deploy export " + full)).isInstanceOf(UsageError.class)
                .hasMessage("'" + full + "' exists and is not empty. Export into a new or empty folder, e.g. %deploy export "
                        + full + "-2, or delete this one first.");
        assertThatThrownBy(() -> trained.run("deploy export " + file)).isInstanceOf(UsageError.class)
                .hasMessageStartingWith("'" + file + "' is a file.");
        try (var left = Files.list(full)) {
            assertThat(left).containsExactly(full.resolve("notes.txt"));
        }
    }

    @Test
    void aKernelNotRunFromItsJar_saysExportNeedsIt_andWritesNothing(@TempDir Path tmp) throws Exception {
        Trained trained = Trained.regression();
        trained.magics.add("deploy", Magics.Kind.LINE, () -> new DeployMagic(trained.session));
        Path dir = tmp.resolve("out");

        assertThatThrownBy(() -> trained.run("deploy export " + dir)).isInstanceOf(UsageError.class)
                .hasMessageStartingWith("%deploy export copies the kernel's sluice.jar, but this kernel runs from ")
                .hasMessageEndingWith("or save the model with %deploy save FILE.");
        try (var left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }
}
