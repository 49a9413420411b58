package sluice.dependencies;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sluice.magic.Magic;
import sluice.magic.UsageError;
import sluice.session.Session;

/**
 * {@code %maven [--offline] GROUP:ARTIFACT:VERSION…}, or {@code %%maven} over a pom's {@code
 * <dependencies>} block: resolves the artifacts and their runtime dependencies with Maven's resolver
 * and adds the jars to Java cells and magics, without a restart.
 */
@Command(name = "maven", description = {
        "Add Maven artifacts and their runtime dependencies to the class path of Java cells and magics.",
        "Reads the local repository first (~/.m2/repository, or settings.xml's localRepository), then Maven Central, "
                + "the active profiles' repositories of ~/.m2/settings.xml and those added with %mavenRepo, through its "
                + "mirrors. A library Sluice bundles is not added twice: the bundled version stays, with a warning if the "
                + "versions differ.",
        "Example: %maven org.hsqldb:hsqldb:2.7.4",
        "As %%maven, the cell holds <dependency> elements of a pom (in a <dependencies> block or not)."})
public final class MavenMagic implements Magic {
    @Parameters(arity = "0..*", paramLabel = "COORDINATE",
            description = "group:artifact:version, or group:artifact:extension:classifier:version")
    List<String> coordinates = new java.util.ArrayList<>();

    @Option(names = "--offline", description = "Read only the local repository (also when settings.xml says <offline>).")
    boolean offline;

    @Option(names = "--settings", paramLabel = "FILE", description = "Maven settings to read instead of ~/.m2/settings.xml (as mvn -s).")
    Path settings;

    private final Session session;
    private final Classpath classpath;

    public MavenMagic(Session session, Classpath classpath) {
        this.session = session;
        this.classpath = classpath;
    }

    @Override
    public Object run(String body) {
        long start = System.nanoTime();
        if (body != null) {
            coordinates.addAll(PomDependencies.coordinates(body));
        }
        if (coordinates.isEmpty()) {
            throw new UsageError("Name an artifact: %maven group:artifact:version, or %%maven over <dependency> elements.");
        }
        if (settings != null && !java.nio.file.Files.isRegularFile(settings)) {
            throw new UsageError("No settings file '" + settings + "'.");
        }
        List<Resolver.Resolved> resolved = classpath.resolver(settings).resolve(coordinates, offline);
        Map<String, String> bundled = Bundled.versions();
        Map<Path, String> jars = new LinkedHashMap<>();
        StringBuilder warnings = new StringBuilder();
        for (Resolver.Resolved artifact : resolved) {
            String mine = bundled.get(artifact.key());
            if (mine == null && Bundled.holds(artifact.path())) {
                warnings.append("\nwarning: ").append(artifact.key()).append(' ').append(artifact.version())
                        .append(" was resolved, but Sluice bundles a copy of its classes, which cells and magics keep using.");
            } else if (mine == null) {
                jars.put(artifact.path(), artifact.coordinate());
            } else if (!mine.equals(artifact.version())) {
                warnings.append("\nwarning: ").append(artifact.key()).append(' ').append(artifact.version())
                        .append(" was resolved, but Sluice bundles ").append(mine).append(", which cells and magics keep using.");
            }
        }
        List<Classpath.Added> added = classpath.add(jars);
        List<Map<String, Object>> recorded = added.stream()
                .map(jar -> session.provenance().added(jar.coordinate(), jar.path())).toList();
        return new AddedReport(Classpath.summary(added, System.nanoTime() - start) + warnings, recorded);
    }
}
