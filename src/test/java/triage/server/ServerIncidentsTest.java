package triage.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import triage.incidents.IncidentService;
import triage.incidents.IncidentStore;
import triage.incidents.NotificationConfig;
import triage.incidents.PostgresServer;
import triage.testing.TestTriage;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service keeps what it diagnoses and gets it to people: Alertmanager's repeats update one
 * incident, a changed group is a revision, a resolution resolves it; a Slack-compatible receiver gets
 * one message per new incident or revision (retried on 500); the same on SQLite and PostgreSQL, and
 * with two replicas sharing PostgreSQL.
 */
class ServerIncidentsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    String store(String kind, String name) throws Exception {
        if (kind.equals("sqlite")) {
            return dir.resolve(name + ".db").toString();
        }
        var pg = PostgresServer.get();
        Assumptions.assumeTrue(pg.isPresent(), "PostgreSQL tests skipped: " + PostgresServer.whyNot());
        return pg.get().newDatabase(name);
    }

    /** A v4 payload of the group {@code key}, with one alert quoting Binance's 429 per fingerprint. */
    static byte[] webhook(String key, String status, String... fingerprints) {
        StringBuilder alerts = new StringBuilder();
        for (String fp : fingerprints) {
            alerts.append(alerts.isEmpty() ? "" : ",").append("""
                    {"status":"%s","labels":{"alertname":"ExchangeRateLimited","exchange":"binance","instance":"gw-%s:9102","severity":"critical"},
                     "annotations":{"description":"binance 429 Too Many Requests {\\"code\\":-1003,\\"msg\\":\\"Too many requests; current limit is 1200 requests per minute.\\"}"},
                     "startsAt":"2026-12-03T09:10:00Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"%s"}""".formatted(status, fp, fp));
        }
        return """
                {"version":"4","groupKey":"%s","status":"%s","receiver":"triage","groupLabels":{"alertname":"ExchangeRateLimited"},
                 "commonLabels":{"alertname":"ExchangeRateLimited","severity":"critical"},"externalURL":"http://alertmanager:9093","alerts":[%s]}"""
                .formatted(key, status, alerts).getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode body(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    TriageServer start(IncidentService incidents) throws Exception {
        return TriageServer.start(TestTriage.get(), ServerConfig.defaults().withBind("127.0.0.1").withPort(0), Optional.of(incidents));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aWebhookItsRepeatAChangedGroupAndItsResolutionGiveOneIncidentWithTwoRevisionsAndTwoMessages(String kind) throws Exception {
        try (SlackReceiver slack = new SlackReceiver(1);
             IncidentService incidents = new IncidentService(IncidentStore.open(store(kind, "lifecycle"), null),
                     NotificationConfig.load(slack.config(dir)));
             TriageServer server = start(incidents);
             Client client = new Client(server)) {
            String key = "{}:{alertname=ExchangeRateLimited}";
            assertThat(body(client.post("/v1/alertmanager", webhook(key, "firing", "a1", "a2", "a3"))).path("incident").path("change").asText())
                    .isEqualTo("new_incident");
            assertThat(body(client.post("/v1/alertmanager", webhook(key, "firing", "a1", "a2", "a3"))).path("incident").path("change").asText())
                    .isEqualTo("repeat");
            JsonNode changed = body(client.post("/v1/alertmanager", webhook(key, "firing", "a1", "a2", "a3", "a4")));
            assertThat(changed.path("incident").path("change").asText()).isEqualTo("new_revision");
            assertThat(body(client.post("/v1/alertmanager", webhook(key, "resolved", "a1", "a2", "a3", "a4"))).path("incident").path("state").asText())
                    .isEqualTo("resolved");

            JsonNode page = body(client.get("/v1/incidents"));
            assertThat(page.path("total").asInt()).isEqualTo(1);
            JsonNode incident = page.path("incidents").path(0);
            assertThat(incident.path("state").asText()).isEqualTo("resolved");
            assertThat(incident.path("revision_count").asInt()).isEqualTo(2);
            assertThat(incident.path("leading_cause").asText()).isEqualTo("exchange.rate-limited");
            assertThat(incident.path("receipts").asInt()).isEqualTo(4);

            slack.awaitAccepted(2);
            Thread.sleep(200); // nothing more may arrive
            assertThat(slack.accepted).hasSize(2);
            assertThat(slack.requests.get()).as("one retry after the 500").isEqualTo(3);
            // the first message may arrive second: it was retried after the 500
            List<String> texts = slack.accepted.stream().map(m -> m.path("text").asText()).sorted().toList();
            assertThat(texts).hasSize(2);
            assertThat(texts.get(0)).startsWith("Incident revised #" + incident.path("id").asLong() + " (revision 2)");
            assertThat(texts.get(1)).startsWith("New incident #" + incident.path("id").asLong());
            assertThat(slack.accepted).allSatisfy(m -> assertThat(m.toString()).contains("exchange.rate-limited")
                    .contains("429 Too Many Requests").contains("https://triage.example.test/v1/incidents/"));

            JsonNode detail = body(client.get("/v1/incidents/" + incident.path("id").asLong()));
            assertThat(detail.path("revisions")).hasSize(2);
            assertThat(detail.path("revisions").path(0).path("excerpts").toString()).contains("429 Too Many Requests");
            long deadline = System.currentTimeMillis() + 5000;
            while (!detail.path("deliveries").toString().contains("\"sent\"") || detail.path("deliveries").toString().contains("pending")) {
                if (System.currentTimeMillis() > deadline) {
                    break;
                }
                Thread.sleep(50);
                detail = body(client.get("/v1/incidents/" + incident.path("id").asLong()));
            }
            assertThat(detail.path("deliveries")).hasSize(2);
            assertThat(detail.path("deliveries").findValuesAsText("status")).containsOnly("sent");
            assertThat(detail.path("deliveries").findValues("attempts")).extracting(JsonNode::asInt).containsExactlyInAnyOrder(2, 1);
        }
    }

    @Test
    void twoReplicasSharingPostgresqlMakeOneIncidentAndSendOneMessage() throws Exception {
        String url = store("postgresql", "replicas");
        try (SlackReceiver slack = new SlackReceiver(0);
             IncidentService a = new IncidentService(IncidentStore.open(url, null), NotificationConfig.load(slack.config(dir)));
             IncidentService b = new IncidentService(IncidentStore.open(url, null), NotificationConfig.load(slack.config(dir)));
             TriageServer sa = start(a);
             TriageServer sb = start(b);
             Client ca = new Client(sa);
             Client cb = new Client(sb)) {
            byte[] payload = webhook("{}:{alertname=ExchangeRateLimited,replica=test}", "firing", "r1", "r2", "r3");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Client c = i % 2 == 0 ? ca : cb;
                answers.add(pool.submit(() -> c.post("/v1/alertmanager", payload)));
            }
            List<String> changes = new ArrayList<>();
            for (Future<HttpResponse<String>> f : answers) {
                changes.add(body(f.get()).path("incident").path("change").asText());
            }
            pool.shutdown();
            assertThat(changes).filteredOn("new_incident"::equals).hasSize(1);
            assertThat(changes).filteredOn("repeat"::equals).hasSize(11);
            assertThat(body(ca.get("/v1/incidents")).path("total").asInt()).isEqualTo(1);
            assertThat(body(cb.get("/v1/incidents")).path("incidents").path(0).path("receipts").asInt()).isEqualTo(12);
            slack.awaitAccepted(1);
            Thread.sleep(300);
            assertThat(slack.accepted).hasSize(1);
        }
    }

    @Test
    void anUploadIsAnIncidentOfItsOwnAndAnUnknownIncidentIs404() throws Exception {
        try (IncidentService incidents = new IncidentService(IncidentStore.open(dir.resolve("u.db").toString(), null),
                NotificationConfig.none());
             TriageServer server = start(incidents);
             Client client = new Client(server)) {
            byte[] evidence = """
                    {"evidence":[{"name":"orders.log","lines":["2026-12-03 09:10:01 ERROR binance 429 Too Many Requests {\\"code\\":-1003}",
                    "2026-12-03 09:10:02 ERROR binance 429 Too Many Requests {\\"code\\":-1003}",
                    "2026-12-03 09:10:03 ERROR binance 429 Too Many Requests {\\"code\\":-1003}"]}]}""".getBytes(StandardCharsets.UTF_8);
            JsonNode first = body(client.post("/v1/diagnose", evidence));
            JsonNode second = body(client.post("/v1/diagnose", evidence));
            assertThat(first.path("incident").path("id").asLong()).isNotEqualTo(second.path("incident").path("id").asLong());
            JsonNode page = body(client.get("/v1/incidents?source=upload&limit=1"));
            assertThat(page.path("total").asInt()).isEqualTo(2);
            assertThat(page.path("incidents")).hasSize(1);
            assertThat(client.get("/v1/incidents/999999").statusCode()).isEqualTo(404);
            assertThat(client.get("/v1/incidents?limit=0").statusCode()).isEqualTo(400);
        }
    }

    /** An HTTP client of one server. */
    static final class Client implements AutoCloseable {
        final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        final TriageServer server;

        Client(TriageServer server) {
            this.server = server;
        }

        HttpResponse<String> post(String path, byte[] body) throws Exception {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + path))
                    .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() {
        }
    }
}
