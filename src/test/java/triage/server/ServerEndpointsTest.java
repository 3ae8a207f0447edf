package triage.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoints over real HTTP, on a server of its own listening on an ephemeral loopback port. */
class ServerEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LIMIT = 64 * 1024;
    private static ServerFixture f;

    @BeforeAll
    static void start() {
        f = new ServerFixture(ServerConfig.defaults().withMaxBodyBytes(LIMIT));
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    /** A refusal is a status and one line of JSON naming the reason. */
    private static void assertRefused(HttpResponse<String> r, int status, String reasonPart) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(r.body().strip()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(json(r).path("error").asText()).contains(reasonPart);
    }

    @Test
    void aRealWebhookPayloadGetsItsCause() throws Exception {
        HttpResponse<String> r = f.send(f.post("/v1/alertmanager", ServerFixture.samplePayload()).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode d = json(r);
        assertThat(d.path("causes").get(0).path("id").asText()).isEqualTo("exchange.rate-limited");
        assertThat(d.path("causes").get(0).path("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(d.path("causes").get(0).path("remediation").size()).isPositive();
        assertThat(d.path("causes").get(0).path("evidence").get(0).path("source").asText()).startsWith("alertmanager-webhook.json:");
        assertThat(d.path("alertmanager").path("alerts").asInt()).isEqualTo(3);
        assertThat(d.path("alertmanager").path("receiver").asText()).isEqualTo("triage");
    }

    @Test
    void aGroupWithNothingKnownHasNoCause() throws Exception {
        byte[] payload = ServerFixture.payload("HighValue", "poc_metric above 0.5", 1);
        HttpResponse<String> r = f.send(f.post("/v1/alertmanager", payload).build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("causes").isArray()).isTrue();
        assertThat(json(r).path("causes").size()).isZero();
    }

    @Test
    void malformedJsonIs400() throws Exception {
        assertRefused(f.send(f.post("/v1/alertmanager", "{\"version\": \"4\", \"alerts\": [".getBytes(StandardCharsets.UTF_8)).build()),
                400, "invalid JSON at line 1");
    }

    @Test
    void invalidJsonIs400WithLineAndColumnInPlainWords() throws Exception {
        HttpResponse<String> r = f.send(f.post("/v1/diagnose", "{\"evidence\": [\n  {\"name\": \"a.log\",}\n]}".getBytes(StandardCharsets.UTF_8)).build());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("error").asText()).isEqualTo("invalid JSON at line 2, column 20: unexpected character '}'");
        HttpResponse<String> cut = f.send(f.post("/v1/alertmanager", "{\"version\": \"4\", \"alerts\": [".getBytes(StandardCharsets.UTF_8)).build());
        assertThat(json(cut).path("error").asText()).isEqualTo("invalid JSON at line 1, column 29: unexpected end of input");
    }

    @Test
    void theAlertmanagerEndpointChecksItsContentTypeLikeTheDiagnoseEndpoint() throws Exception {
        HttpResponse<String> r = f.send(java.net.http.HttpRequest.newBuilder(f.uri("/v1/alertmanager")).timeout(java.time.Duration.ofSeconds(10))
                .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(ServerFixture.samplePayload())).build());
        assertRefused(r, 415, "unsupported content type");
        assertThat(f.send(f.post("/v1/alertmanager", ServerFixture.samplePayload()).build()).statusCode()).isEqualTo(200);
    }

    @Test
    void aRefusalNeverQuotesThePayload() throws Exception {
        HttpResponse<String> r = f.send(f.post("/v1/alertmanager",
                "{\"version\": \"4\", \"alerts\": hunter2SuperSecretValue}".getBytes(StandardCharsets.UTF_8)).build());
        assertRefused(r, 400, "invalid JSON at line 1");
        assertThat(r.body()).doesNotContain("hunter2");
        HttpResponse<String> d = f.send(f.post("/v1/diagnose", "hunter2SuperSecretValue".getBytes(StandardCharsets.UTF_8)).build());
        assertRefused(d, 400, "invalid JSON");
        assertThat(d.body()).doesNotContain("hunter2");
    }

    @Test
    void jsonThatIsNotAnAlertmanagerPayloadIs400() throws Exception {
        assertRefused(f.send(f.post("/v1/alertmanager", "{\"status\": \"ok\"}".getBytes(StandardCharsets.UTF_8)).build()),
                400, "not an Alertmanager webhook payload");
        assertRefused(f.send(f.post("/v1/alertmanager", "{\"version\": \"1\", \"orgId\": 1, \"alerts\": [{\"labels\": {}}]}"
                .getBytes(StandardCharsets.UTF_8)).build()), 400, "version");
        assertRefused(f.send(f.post("/v1/alertmanager", "{\"version\": \"4\", \"groupKey\": \"{}\", \"alerts\": []}"
                .getBytes(StandardCharsets.UTF_8)).build()), 400, "no evidence");
        assertRefused(f.send(f.post("/v1/alertmanager", new byte[0]).build()), 400, "empty");
    }

    @Test
    void anOversizedBodyIs413() throws Exception {
        byte[] big = ServerFixture.payload("ExchangeRateLimited", "x".repeat(1000), (int) (LIMIT / 1000) + 5);
        assertThat((long) big.length).isGreaterThan(LIMIT);
        assertRefused(f.send(f.post("/v1/alertmanager", big).build()), 413, "larger than the limit");
        // without a Content-Length (chunked), the limit holds as the body is read
        HttpRequest chunked = f.post("/v1/diagnose", new byte[0])
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build();
        assertRefused(f.send(chunked), 413, "larger than the limit");
        // and the server still answers
        assertThat(f.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongMethodsAndPathsAre405And404() throws Exception {
        HttpResponse<String> r = f.get("/v1/alertmanager");
        assertRefused(r, 405, "use POST");
        assertThat(r.headers().firstValue("allow")).hasValue("POST");
        assertRefused(f.send(f.post("/healthz", "{}".getBytes(StandardCharsets.UTF_8)).build()), 405, "use GET");
        assertRefused(f.get("/v1/nothing-here"), 404, "no such endpoint");
        assertRefused(f.get("/"), 404, "no such endpoint");
    }

    @Test
    void healthz() throws Exception {
        HttpResponse<String> r = f.get("/healthz");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("status").asText()).isEqualTo("ok");
    }

    @Test
    void diagnoseTakesJsonEvidence() throws Exception {
        String line = "2026-05-06 09:10:0%d ERROR binance 429 Too Many Requests {\"code\":-1003,\"msg\":\"Too many requests\"}";
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            lines.append(i > 0 ? "," : "").append(ServerFixture.quote(line.formatted(i)));
        }
        String body = "{\"evidence\": [{\"name\": \"logs/exchanges.log\", \"lines\": [" + lines + "]},"
                + " {\"name\": \"notes.txt\", \"content\": \"nothing to see\\n\"}]}";
        HttpResponse<String> r = f.send(f.post("/v1/diagnose", body.getBytes(StandardCharsets.UTF_8)).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode d = json(r);
        assertThat(d.path("causes").get(0).path("id").asText()).isEqualTo("exchange.rate-limited");
        assertThat(d.path("causes").get(0).path("evidence").get(0).path("source").asText()).startsWith("logs/exchanges.log:");
    }

    @Test
    void diagnoseTakesMultipartEvidenceFiles() throws Exception {
        String boundary = "triage-test-boundary";
        StringBuilder logs = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            logs.append("2026-05-06 09:10:0").append(i).append(" ERROR binance 429 Too Many Requests {\"code\":-1003}\n");
        }
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"evidence\"; filename=\"exchanges.log\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + logs + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"evidence\"; filename=\"alerts.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + new String(ServerFixture.payload("HighValue", "poc_metric above 0.5", 1), StandardCharsets.UTF_8) + "\r\n"
                + "--" + boundary + "--\r\n";
        HttpRequest request = f.post("/v1/diagnose", body.getBytes(StandardCharsets.UTF_8))
                .setHeader("Content-Type", "multipart/form-data; boundary=" + boundary).build();
        HttpResponse<String> r = f.send(request);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode d = json(r);
        assertThat(d.path("causes").get(0).path("id").asText()).isEqualTo("exchange.rate-limited");
        assertThat(d.path("causes").get(0).path("evidence").get(0).path("source").asText()).startsWith("exchanges.log:");
    }

    @Test
    void diagnoseRefusesBodiesWithoutEvidence() throws Exception {
        assertRefused(f.send(f.post("/v1/diagnose", "{\"evidence\": []}".getBytes(StandardCharsets.UTF_8)).build()), 400, "no evidence");
        assertRefused(f.send(f.post("/v1/diagnose", "{\"files\": []}".getBytes(StandardCharsets.UTF_8)).build()), 400, "expected");
        assertRefused(f.send(f.post("/v1/diagnose", "{\"evidence\": [{\"name\": \"a\"}]}".getBytes(StandardCharsets.UTF_8)).build()),
                400, "evidence[0]");
        assertRefused(f.send(f.post("/v1/diagnose", "not json".getBytes(StandardCharsets.UTF_8)).build()), 400, "invalid JSON");
        assertRefused(f.send(f.post("/v1/diagnose", "--x--\r\n".getBytes(StandardCharsets.UTF_8))
                .setHeader("Content-Type", "multipart/form-data; boundary=nope").build()), 400, "");
        assertRefused(f.send(f.post("/v1/diagnose", "a line".getBytes(StandardCharsets.UTF_8))
                .setHeader("Content-Type", "text/plain").build()), 415, "multipart/form-data");
    }

    @Test
    void metricsAreInPrometheusTextFormat() throws Exception {
        f.send(f.post("/v1/alertmanager", ServerFixture.samplePayload()).build());
        f.get("/no-such-endpoint");
        HttpResponse<String> r = f.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
        assertThat(r.body())
                .contains("# TYPE triage_http_requests_total counter")
                .containsPattern("triage_http_requests_total\\{endpoint=\"/v1/alertmanager\",status=\"200\"} [1-9]")
                .contains("# TYPE triage_http_request_duration_seconds histogram")
                .containsPattern("triage_http_request_duration_seconds_bucket\\{endpoint=\"/v1/alertmanager\",le=\"\\+Inf\"} [1-9]")
                .containsPattern("triage_causes_concluded_total\\{cause=\"exchange.rate-limited\"} [1-9]")
                .containsPattern("triage_errors_total\\{endpoint=\"other\",reason=\"not_found\"} [1-9]")
                .contains("# TYPE jvm_memory_used_bytes gauge")
                .contains("# TYPE process_cpu_seconds_total counter");
        for (String line : r.body().split("\n")) {
            assertThat(line).matches("# (HELP|TYPE) .*|[a-z_]+(\\{[^}]*})? [0-9.E+-]+");
        }
    }
}
