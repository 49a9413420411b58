package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sluice.magic.Magics;
import sluice.magic.UsageError;
import sluice.session.Session;
import tech.tablesaw.api.Table;

class UrlIngestTest {
    private static final String CSV = "city,temp\nOslo,4.5\nLima,19.0\n";

    private final Session session = new Session();
    private final Magics magics = new Magics().add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session));
    private HttpServer server;
    private String base;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/data/weather.csv", exchange -> {
            byte[] body = CSV.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/missing.csv", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Object ingest(String args) throws Exception {
        return magics.run(Magics.Kind.LINE, "ingest " + args, null);
    }

    @Test
    void url_isStreamedAndReadLikeAFileOfTheSameName() throws Exception {
        IngestReport report = (IngestReport) ingest(base + "/data/weather.csv");
        Table table = session.table();
        assertThat(table.name()).isEqualTo("weather.csv");
        assertThat(table.columnNames()).containsExactly("city", "temp");
        assertThat(table.doubleColumn("temp").asList()).containsExactly(4.5, 19.0);
        assertThat(report.summary()).startsWith(base + "/data/weather.csv → 2 rows × 2 columns");
    }

    @Test
    void httpError_saysSoInOneLine_andTheSessionKeepsItsTable() throws Exception {
        ingest(base + "/data/weather.csv");
        Table before = session.table();
        assertThatThrownBy(() -> ingest(base + "/missing.csv"))
                .isInstanceOf(UsageError.class)
                .hasMessage("Could not fetch " + base + "/missing.csv: the server answered HTTP 404.");
        assertThat(session.table()).isSameAs(before);
    }

    @Test
    void unreachableHost_saysItCouldNotFetch_andWhatToDo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> ingest("http://127.0.0.1:" + closedPort + "/x.csv"))
                .isInstanceOf(UsageError.class)
                .hasMessageStartingWith("Could not fetch http://127.0.0.1:" + closedPort + "/x.csv: ")
                .hasMessageContaining("download the file")
                .hasNoCause();
        assertThat(session.hasTable()).isFalse();
    }

    @Test
    void passwordInAUrl_isMaskedInTheReport() throws Exception {
        String withSecret = base.replace("http://", "http://ann:s3cret@") + "/data/weather.csv";
        IngestReport report = (IngestReport) ingest(withSecret);
        assertThat(report.summary()).contains("ann:****@").doesNotContain("s3cret");
        assertThat(report.bundle().data().values()).allSatisfy(v -> assertThat(v.toString()).doesNotContain("s3cret"));
    }
}
