package sluice.dependencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.magic.UsageError;

class ClasspathTest {
    private final List<Path> givenToCells = new ArrayList<>();
    private final Classpath classpath = new Classpath(givenToCells::add);

    @Test
    void add_aJarBesideOneThatIsNot_addsNeither(@TempDir Path dir) throws Exception {
        Path good = jar(dir.resolve("good.jar"), "hello.txt");
        Path bad = Files.writeString(dir.resolve("bad.jar"), "not a zip");
        Map<Path, String> both = new LinkedHashMap<>();
        both.put(good, null);
        both.put(bad, null);
        assertThatThrownBy(() -> classpath.add(both)).isInstanceOf(UsageError.class)
                .hasMessageStartingWith("'" + bad + "' is not a jar").hasMessageEndingWith("nothing was added.");
        assertThat(classpath.added()).isEmpty();
        assertThat(givenToCells).isEmpty();
        assertThat(classpath.loader().getResource("hello.txt")).isNull();
    }

    @Test
    void add_theSameJarTwice_addsItOnceAndTheMagicsSeeIt(@TempDir Path dir) throws Exception {
        Path good = jar(dir.resolve("good.jar"), "hello.txt");
        assertThat(classpath.add(Map.of(good, "g:a:1"))).extracting(Classpath.Added::coordinate).containsExactly("g:a:1");
        assertThat(classpath.add(Map.of(good, "g:a:1"))).isEmpty();
        assertThat(givenToCells).containsExactly(good.toAbsolutePath());
        assertThat(classpath.loader().getResource("hello.txt")).isNotNull();
    }

    private static Path jar(Path file, String entry) throws Exception {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry(entry));
            out.write("hi".getBytes());
        }
        return file;
    }
}
