package sluice.deploy;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What {@code GET /metrics} answers, in Prometheus text format: requests by path and status, their
 * latency, the rows scored and the model served. Each server has its own registry (not the
 * client's global one), so two endpoints in one JVM count apart.
 *
 * <p>Recording a request allocates nothing: the path is one of a fixed few (any other counts as
 * {@code other}, so a scan of made-up paths cannot grow the series), and the data point of each
 * path and status is looked up once, then kept in an array.
 */
final class Metrics {
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    private static final String[] PATHS = {"/predict", "/health", "/schema", "/openapi.json", "/metrics", "other"};
    private static final int STATUSES = 500;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests = Counter.builder().name("sluice_requests_total")
            .help("HTTP requests answered, by path and status").labelNames("path", "status").withoutExemplars().register(registry);
    private final Histogram latency = Histogram.builder().name("sluice_request_duration_seconds")
            .help("Time to answer a request, by path").labelNames("path").classicOnly()
            .classicUpperBounds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
            .withoutExemplars().register(registry);
    private final CounterDataPoint predictions = Counter.builder().name("sluice_predictions_total")
            .help("Rows scored (one per prediction answered)").withoutExemplars().register(registry);
    private final Info model = Info.builder().name("sluice_model_info")
            .help("The model served: its version and what it predicts").labelNames("version", "model").register(registry);
    private final AtomicReferenceArray<CounterDataPoint> byStatus = new AtomicReferenceArray<>(PATHS.length * STATUSES);
    private final DistributionDataPoint[] byPath = new DistributionDataPoint[PATHS.length];

    Metrics() {
        for (int p = 0; p < PATHS.length; p++) {
            byPath[p] = latency.labelValues(PATHS[p]);
        }
    }

    /** Counts one answered request and its time. */
    void request(String path, int status, double seconds) {
        int p = index(path);
        byPath[p].observe(seconds);
        int slot = p * STATUSES + Math.floorMod(status - 100, STATUSES);
        CounterDataPoint point = byStatus.get(slot);
        if (point == null) {
            point = requests.labelValues(PATHS[p], Integer.toString(status));
            byStatus.set(slot, point);
        }
        point.inc();
    }

    /** Counts {@code rows} predictions answered. */
    void predicted(long rows) {
        predictions.inc(rows);
    }

    /** Names the model now served; the one before is no longer listed. */
    void serving(Version version, String description) {
        model.setLabelValues(version.id(), description);
    }

    void write(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }

    private static int index(String path) {
        return switch (path) {
            case "/predict" -> 0;
            case "/health" -> 1;
            case "/schema" -> 2;
            case "/openapi.json" -> 3;
            case "/metrics" -> 4;
            default -> 5;
        };
    }
}
