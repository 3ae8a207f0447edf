package triage.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** 32 threads at once against one server: every answer is the right one, and /metrics counts them all. */
class ServerConcurrencyTest {

    private static final int THREADS = 32;
    private static final int PER_THREAD = 12;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ServerFixture f;

    @BeforeAll
    static void start() {
        f = new ServerFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    private static long counter(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\d+)(?:\\.0)?$").matcher(metrics);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    @Test
    void thirtyTwoThreadsAllGetCorrectAnswers() throws Exception {
        // three kinds of group, told apart by their answer
        byte[] rateLimited = ServerFixture.samplePayload();
        byte[] outage = ServerFixture.payload("ExchangeApiErrors", "binance 503 Service Unavailable", 3);
        byte[] unknown = ServerFixture.payload("HighValue", "poc_metric above 0.5", 2);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier together = new CyclicBarrier(THREADS);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<List<String>> work = () -> {
                    together.await();
                    List<String> problems = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        int kind = (thread + i) % 3;
                        byte[] body = kind == 0 ? rateLimited : kind == 1 ? outage : unknown;
                        HttpResponse<String> r = f.send(f.post("/v1/alertmanager", body).build());
                        JsonNode d = JSON.readTree(r.body());
                        String top = d.path("causes").isEmpty() ? "none" : d.path("causes").get(0).path("id").asText();
                        String expected = kind == 0 ? "exchange.rate-limited" : kind == 1 ? "exchange.api-outage" : "none";
                        int alerts = kind == 0 ? 3 : kind == 1 ? 3 : 2;
                        if (r.statusCode() != 200 || !top.equals(expected) || d.path("alertmanager").path("alerts").asInt() != alerts) {
                            problems.add("thread " + thread + " request " + i + ": " + r.statusCode() + " " + top + " for " + expected);
                        }
                    }
                    return problems;
                };
                results.add(pool.submit(work));
            }
            List<String> problems = new ArrayList<>();
            for (Future<List<String>> r : results) {
                problems.addAll(r.get());
            }
            assertThat(problems).isEmpty();
        } finally {
            pool.shutdownNow();
        }
        int total = THREADS * PER_THREAD;
        HttpResponse<String> m = f.get("/metrics");
        String metrics = m.body();
        assertThat(counter(metrics, "triage_http_requests_total{endpoint=\"/v1/alertmanager\",status=\"200\"}")).isEqualTo(total);
        assertThat(counter(metrics, "triage_http_request_duration_seconds_count{endpoint=\"/v1/alertmanager\"}")).isEqualTo(total);
        assertThat(counter(metrics, "triage_http_request_duration_seconds_bucket{endpoint=\"/v1/alertmanager\",le=\"+Inf\"}"))
                .isEqualTo(total);
        assertThat(counter(metrics, "triage_diagnoses_total")).isEqualTo(total);
        // each thread starts at its own kind, then cycles: the counts per kind follow
        long rate = 0;
        long outages = 0;
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < PER_THREAD; i++) {
                int kind = (t + i) % 3;
                rate += kind == 0 ? 1 : 0;
                outages += kind == 1 ? 1 : 0;
            }
        }
        assertThat(counter(metrics, "triage_causes_concluded_total{cause=\"exchange.rate-limited\"}")).isEqualTo(rate);
        assertThat(counter(metrics, "triage_causes_concluded_total{cause=\"exchange.api-outage\"}")).isEqualTo(outages);
        assertThat(counter(metrics, "triage_alerts_received_total")).isEqualTo(rate * 3 + outages * 3 + (total - rate - outages) * 2);
        assertThat(counter(metrics, "triage_http_requests_in_flight")).isEqualTo(1); // the /metrics request itself
    }
}
