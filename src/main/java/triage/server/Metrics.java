package triage.server;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's metrics through the Prometheus Java client, in a registry of its own (several servers
 * can run in one JVM): requests by endpoint and status, a latency histogram by endpoint, causes
 * concluded by id, alerts received, errors by reason, requests in flight, plus the client's JVM and
 * process metrics. Label values come from small fixed sets (endpoints, statuses, error reasons, the
 * knowledge base's cause ids), never from request data.
 */
public final class Metrics {

    /** Latency bucket upper bounds, in seconds. */
    static final double[] BUCKETS = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder().name("triage_http_requests_total")
            .help("HTTP requests answered, by endpoint and status code.").labelNames("endpoint", "status").register(registry);
    private final Histogram latency = Histogram.builder().name("triage_http_request_duration_seconds").unit(Unit.SECONDS)
            .help("Time from request to response, by endpoint.").labelNames("endpoint").classicUpperBounds(BUCKETS)
            .classicOnly().register(registry);
    private final Counter causes = Counter.builder().name("triage_causes_concluded_total")
            .help("Causes reported in diagnoses, by cause id.").labelNames("cause").register(registry);
    private final Counter diagnoses = Counter.builder().name("triage_diagnoses_total").help("Diagnoses made.").register(registry);
    private final Counter alerts = Counter.builder().name("triage_alerts_received_total")
            .help("Alerts received in Alertmanager webhook payloads.").register(registry);
    private final Counter errors = Counter.builder().name("triage_errors_total")
            .help("Requests refused or failed, by endpoint and reason.").labelNames("endpoint", "reason").register(registry);
    private final AtomicLong inFlight = new AtomicLong();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    Metrics() {
        GaugeWithCallback.builder().name("triage_http_requests_in_flight").help("Requests being handled now.")
                .callback(cb -> cb.call(inFlight.get())).register(registry);
        JvmMetrics.builder().register(registry);
    }

    void request(String endpoint, int status, long nanos) {
        requests.labelValues(endpoint, Integer.toString(status)).inc();
        latency.labelValues(endpoint).observe(nanos / 1e9);
    }

    void cause(String id) {
        causes.labelValues(id).inc();
    }

    void error(String endpoint, String reason) {
        errors.labelValues(endpoint, reason).inc();
    }

    void alerts(int n) {
        alerts.inc(n);
    }

    void diagnosis() {
        diagnoses.inc();
    }

    void begin() {
        inFlight.incrementAndGet();
    }

    void end() {
        inFlight.decrementAndGet();
    }

    /** Requests being handled now. */
    public long inFlight() {
        return inFlight.get();
    }

    /** Requests answered so far on an endpoint with a status, for tests and tools. */
    public long requests(String endpoint, int status) {
        return (long) requests.labelValues(endpoint, Integer.toString(status)).get();
    }

    /** The whole exposition, as {@code GET /metrics} answers it (Prometheus text format 0.0.4). */
    public String render() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
