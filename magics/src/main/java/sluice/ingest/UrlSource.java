package sluice.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import sluice.magic.UsageError;
import sluice.progress.Progress;
import tech.tablesaw.api.Table;

/** An http(s) URL, streamed to a temporary file and read like a local file of the same name. */
final class UrlSource {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private UrlSource() {
    }

    static Table read(IngestOptions options, Progress progress, java.util.Collection<String> notes) throws IOException, InterruptedException {
        String shown = Secrets.mask(options.source());
        URI uri;
        try {
            uri = URI.create(options.source());
        } catch (IllegalArgumentException e) {
            throw new UsageError("'" + shown + "' is not a valid URL: " + e.getMessage());
        }
        String fileName = Path.of(uri.getPath() == null || uri.getPath().isEmpty() ? "/download.csv" : uri.getPath())
                .getFileName().toString();
        Path dir = Files.createTempDirectory("sluice-ingest");
        Path file = dir.resolve(fileName.isEmpty() ? "download.csv" : fileName);
        try {
            HttpResponse<InputStream> response;
            try {
                response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new UsageError("Could not fetch " + shown + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                        + ". Check the address and that this machine can reach it, or download the file and %ingest it.");
            }
            try (InputStream body = response.body()) {
                if (response.statusCode() >= 400) {
                    throw new UsageError("Could not fetch " + shown + ": the server answered HTTP " + response.statusCode() + ".");
                }
                Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            }
            Table table = Sources.readFile(file, options, Map.of(), progress, notes);
            table.setName(fileName);
            return table;
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
