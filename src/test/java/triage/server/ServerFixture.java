package triage.server;

import triage.testing.TestTriage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

/** A real server on an ephemeral loopback port over the tests' shared Triage, and a client for it. */
final class ServerFixture implements AutoCloseable {

    final TriageServer server;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    ServerFixture(ServerConfig config) {
        try {
            server = TriageServer.start(TestTriage.get(), config.withBind("127.0.0.1").withPort(0));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    ServerFixture() {
        this(ServerConfig.defaults());
    }

    URI uri(String path) {
        return URI.create(server.url() + path);
    }

    HttpRequest.Builder post(String path, byte[] body) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /** The sample payload of the repository: three alerts quoting Binance's 429 answer. */
    static byte[] samplePayload() {
        try {
            return Files.readAllBytes(TestTriage.projectRoot().resolve("samples/alertmanager-webhook.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A v4 payload of {@code n} firing alerts, each with the given description. */
    static byte[] payload(String alertname, String description, int n) {
        StringBuilder alerts = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                alerts.append(",\n");
            }
            alerts.append("""
                    {"status": "firing",
                     "labels": {"alertname": "%s", "instance": "gw-%d:9102", "severity": "critical"},
                     "annotations": {"description": %s},
                     "startsAt": "2026-05-06T09:1%d:00Z", "endsAt": "0001-01-01T00:00:00Z",
                     "generatorURL": "http://prometheus:9090/graph", "fingerprint": "%016x"}""".formatted(
                    alertname, i, quote(description), i % 10, 0xabcdef00L + i));
        }
        return """
                {"version": "4", "groupKey": "{}:{alertname=\\"%s\\"}", "truncatedAlerts": 0, "status": "firing",
                 "receiver": "triage", "groupLabels": {"alertname": "%s"}, "commonLabels": {"alertname": "%s"},
                 "commonAnnotations": {}, "externalURL": "http://alertmanager:9093",
                 "alerts": [
                %s
                 ]}
                """.formatted(alertname, alertname, alertname, alerts).getBytes(StandardCharsets.UTF_8);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
