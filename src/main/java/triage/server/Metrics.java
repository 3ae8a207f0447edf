package triage.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The service's counters, in Prometheus text exposition format (version 0.0.4): requests by endpoint
 * and status, a latency histogram by endpoint, causes concluded by id, alerts received, errors by
 * reason, requests in flight. Lock-free; label values come from small fixed sets (endpoints, statuses,
 * error reasons, the knowledge base's cause ids), never from request data.
 */
public final class Metrics {

    /** Latency bucket upper bounds, in seconds. */
    static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> causes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder alerts = new LongAdder();
    private final LongAdder diagnoses = new LongAdder();
    private final AtomicLong inFlight = new AtomicLong();

    private static final class Histogram {
        final LongAdder[] counts = new LongAdder[BUCKETS.length + 1];
        final LongAdder sumNanos = new LongAdder();

        Histogram() {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        void observe(long nanos) {
            double seconds = nanos / 1e9;
            int i = 0;
            while (i < BUCKETS.length && seconds > BUCKETS[i]) {
                i++;
            }
            counts[i].increment();
            sumNanos.add(nanos);
        }
    }

    void request(String endpoint, int status, long nanos) {
        requests.computeIfAbsent(endpoint + '\u0000' + status, k -> new LongAdder()).increment();
        latency.computeIfAbsent(endpoint, k -> new Histogram()).observe(nanos);
    }

    void cause(String id) {
        causes.computeIfAbsent(id, k -> new LongAdder()).increment();
    }

    void error(String endpoint, String reason) {
        errors.computeIfAbsent(endpoint + '\u0000' + reason, k -> new LongAdder()).increment();
    }

    void alerts(int n) {
        alerts.add(n);
    }

    void diagnosis() {
        diagnoses.increment();
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
        LongAdder a = requests.get(endpoint + '\u0000' + status);
        return a == null ? 0 : a.sum();
    }

    /** The whole exposition, as {@code GET /metrics} answers it. */
    public String render() {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("# HELP triage_http_requests_total HTTP requests answered, by endpoint and status code.\n");
        sb.append("# TYPE triage_http_requests_total counter\n");
        requests.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] k = e.getKey().split("\u0000", 2);
            sb.append("triage_http_requests_total{endpoint=\"").append(escape(k[0])).append("\",status=\"").append(k[1])
                    .append("\"} ").append(e.getValue().sum()).append('\n');
        });
        sb.append("# HELP triage_http_request_duration_seconds Time from request to response, by endpoint.\n");
        sb.append("# TYPE triage_http_request_duration_seconds histogram\n");
        latency.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String ep = escape(e.getKey());
            Histogram h = e.getValue();
            long cumulative = 0;
            for (int i = 0; i < h.counts.length; i++) {
                cumulative += h.counts[i].sum();
                String le = i < BUCKETS.length ? Double.toString(BUCKETS[i]) : "+Inf";
                sb.append("triage_http_request_duration_seconds_bucket{endpoint=\"").append(ep).append("\",le=\"").append(le)
                        .append("\"} ").append(cumulative).append('\n');
            }
            sb.append("triage_http_request_duration_seconds_sum{endpoint=\"").append(ep).append("\"} ")
                    .append(h.sumNanos.sum() / 1e9).append('\n');
            sb.append("triage_http_request_duration_seconds_count{endpoint=\"").append(ep).append("\"} ")
                    .append(cumulative).append('\n');
        });
        sb.append("# HELP triage_causes_concluded_total Causes reported in diagnoses, by cause id.\n");
        sb.append("# TYPE triage_causes_concluded_total counter\n");
        causes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sb.append("triage_causes_concluded_total{cause=\"")
                .append(escape(e.getKey())).append("\"} ").append(e.getValue().sum()).append('\n'));
        sb.append("# HELP triage_diagnoses_total Diagnoses made.\n");
        sb.append("# TYPE triage_diagnoses_total counter\n");
        sb.append("triage_diagnoses_total ").append(diagnoses.sum()).append('\n');
        sb.append("# HELP triage_alerts_received_total Alerts received in Alertmanager webhook payloads.\n");
        sb.append("# TYPE triage_alerts_received_total counter\n");
        sb.append("triage_alerts_received_total ").append(alerts.sum()).append('\n');
        sb.append("# HELP triage_errors_total Requests refused or failed, by endpoint and reason.\n");
        sb.append("# TYPE triage_errors_total counter\n");
        errors.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] k = e.getKey().split("\u0000", 2);
            sb.append("triage_errors_total{endpoint=\"").append(escape(k[0])).append("\",reason=\"").append(escape(k[1]))
                    .append("\"} ").append(e.getValue().sum()).append('\n');
        });
        sb.append("# HELP triage_http_requests_in_flight Requests being handled now.\n");
        sb.append("# TYPE triage_http_requests_in_flight gauge\n");
        sb.append("triage_http_requests_in_flight ").append(inFlight.get()).append('\n');
        return sb.toString();
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
