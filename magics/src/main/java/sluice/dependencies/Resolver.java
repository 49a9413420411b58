package sluice.dependencies;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Profile;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;
import sluice.magic.UsageError;

/**
 * Resolves Maven coordinates and their runtime dependencies with Maven's own resolver, as Maven 3
 * does: from the local repository first, then Maven Central, the repositories of the active
 * profiles of {@code ~/.m2/settings.xml} and those added with {@code %mavenRepo}, through the
 * settings' mirrors and active proxies and with their servers' credentials. Offline when the settings say so or
 * when asked: then only the local repository is read.
 */
final class Resolver {
    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    /** A resolved artifact: its group:artifact, its version and its file in the local repository. */
    record Resolved(String key, String version, Path path) {
        String coordinate() {
            return key + ":" + version;
        }
    }

    /** Maven's resolver, made once (it takes a moment) and shared: it keeps no state between requests. */
    private static RepositorySystem shared;

    private final Settings settings;
    private final Path localRepository;
    private final Map<String, String> repositories = new LinkedHashMap<>();

    /**
     * @param home  the user's home folder, holding by default {@code .m2/repository}
     * @param file  the settings file, {@code ~/.m2/settings.xml} unless told otherwise (read when it exists)
     * @param added the repositories of {@code %mavenRepo}, id → URL
     */
    Resolver(Path home, Path file, Map<String, String> added) {
        this.settings = settings(file);
        this.localRepository = settings.getLocalRepository() != null && !settings.getLocalRepository().isBlank()
                ? Path.of(settings.getLocalRepository()) : home.resolve(".m2").resolve("repository");
        repositories.put("central", CENTRAL);
        for (Profile profile : settings.getProfiles()) {
            if (settings.getActiveProfiles().contains(profile.getId())
                    || profile.getActivation() != null && profile.getActivation().isActiveByDefault()) {
                profile.getRepositories().forEach(r -> repositories.putIfAbsent(r.getId(), r.getUrl()));
            }
        }
        added.forEach(repositories::putIfAbsent);
    }

    Path localRepository() {
        return localRepository;
    }

    private static synchronized RepositorySystem system() {
        if (shared == null) {
            shared = new RepositorySystemSupplier().get();
        }
        return shared;
    }

    /** The artifacts {@code coordinates} name and their runtime dependencies, in class path order. */
    List<Resolved> resolve(List<String> coordinates, boolean offline) {
        CollectRequest collect = new CollectRequest();
        for (String coordinate : coordinates) {
            collect.addDependency(new Dependency(artifact(coordinate), "runtime"));
        }
        boolean offlineNow = offline || settings.isOffline();
        RepositorySystem system = system();
        try (RepositorySystemSession.CloseableSession session = session(system, offlineNow)) {
            collect.setRepositories(system.newResolutionRepositories(session, remotes()));
            DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter("runtime"));
            List<Resolved> resolved = new ArrayList<>();
            for (ArtifactResult result : system.resolveDependencies(session, request).getArtifactResults()) {
                var artifact = result.getArtifact();
                resolved.add(new Resolved(artifact.getGroupId() + ":" + artifact.getArtifactId(), artifact.getVersion(),
                        artifact.getPath()));
            }
            return resolved;
        } catch (DependencyResolutionException e) {
            throw new UsageError("Could not resolve " + String.join(" ", coordinates) + ": " + reason(e, offlineNow)
                    + "; nothing was added.");
        }
    }

    private static DefaultArtifact artifact(String coordinate) {
        try {
            return new DefaultArtifact(coordinate);
        } catch (IllegalArgumentException e) {
            throw new UsageError("'" + coordinate + "' is not a Maven coordinate: write group:artifact:version, "
                    + "e.g. org.hsqldb:hsqldb:2.7.4.");
        }
    }

    /** The first line of the deepest cause, which names the artifact and the repository that failed. */
    private String reason(Exception e, boolean offline) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("").strip();
        if (offline && !message.contains("offline")) {
            message += " (offline: only " + localRepository + " was read)";
        }
        return message;
    }

    private RepositorySystemSession.CloseableSession session(RepositorySystem system, boolean offline) {
        DefaultMirrorSelector mirrors = new DefaultMirrorSelector();
        for (Mirror mirror : settings.getMirrors()) {
            mirrors.add(mirror.getId(), mirror.getUrl(), mirror.getLayout(), false, mirror.isBlocked(),
                    mirror.getMirrorOf(), mirror.getMirrorOfLayouts());
        }
        DefaultAuthenticationSelector credentials = new DefaultAuthenticationSelector();
        for (Server server : settings.getServers()) {
            credentials.add(server.getId(), new AuthenticationBuilder().addUsername(server.getUsername())
                    .addPassword(server.getPassword()).build());
        }
        DefaultProxySelector proxies = new DefaultProxySelector();
        for (org.apache.maven.settings.Proxy proxy : settings.getProxies()) {
            if (proxy.isActive()) {
                proxies.add(new Proxy(proxy.getProtocol(), proxy.getHost(), proxy.getPort(), proxy.getUsername() == null ? null
                        : new AuthenticationBuilder().addUsername(proxy.getUsername()).addPassword(proxy.getPassword()).build()),
                        proxy.getNonProxyHosts());
            }
        }
        return new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(localRepository)
                .setOffline(offline)
                .setMirrorSelector(mirrors)
                .setProxySelector(proxies)
                .setAuthenticationSelector(credentials)
                .setSystemProperties(System.getProperties())
                .build();
    }

    private List<RemoteRepository> remotes() {
        List<RemoteRepository> remotes = new ArrayList<>();
        repositories.forEach((id, url) -> remotes.add(new RemoteRepository.Builder(id, "default", url).build()));
        return remotes;
    }

    private static Settings settings(Path file) {
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
        if (Files.isRegularFile(file)) {
            request.setUserSettingsFile(file.toFile());
        }
        request.setSystemProperties(System.getProperties());
        try {
            return new DefaultSettingsBuilderFactory().newInstance().build(request).getEffectiveSettings();
        } catch (SettingsBuildingException e) {
            throw new UsageError("Could not read " + file + ": " + e.getMessage().lines().findFirst().orElse("")
                    + " Fix it, or move it away to use Maven Central.");
        }
    }
}
