package sluice.dependencies;

import java.net.URI;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import sluice.magic.Magic;
import sluice.magic.UsageError;

/** {@code %mavenRepo ID URL}: adds a Maven repository that {@code %maven} reads after Maven Central. */
@Command(name = "mavenRepo", description = "Add a Maven repository for %maven, read after the local repository and Maven Central.")
public final class MavenRepoMagic implements Magic {
    @Parameters(index = "0", paramLabel = "ID", description = "its id, as settings.xml's <server> and <mirror> name it")
    String id;

    @Parameters(index = "1", paramLabel = "URL", description = "https://…, http://… or file:…")
    String url;

    private final Classpath classpath;

    public MavenRepoMagic(Classpath classpath) {
        this.classpath = classpath;
    }

    @Override
    public Object run(String body) {
        String scheme = URI.create(url).getScheme();
        if (scheme == null || !(scheme.equals("https") || scheme.equals("http") || scheme.equals("file"))) {
            throw new UsageError("'" + url + "' is not a repository URL: give https://…, http://… or file:….");
        }
        classpath.addRepository(id, url);
        return "%maven now reads repository " + id + " (" + url + ").";
    }
}
