package triage.incidents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import triage.incidents.IncidentStore.Change;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The incident store behaves the same on SQLite and on a real PostgreSQL server. */
class IncidentStoreTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    IncidentStore open(String kind, String name) throws Exception {
        if (kind.equals("sqlite")) {
            return IncidentStore.open(dir.resolve(name + ".db").toString(), null);
        }
        var pg = PostgresServer.get();
        Assumptions.assumeTrue(pg.isPresent(), "PostgreSQL tests skipped: " + PostgresServer.whyNot());
        return IncidentStore.open(pg.get().newDatabase(name), null);
    }

    /** An Alertmanager payload of the group with these alert fingerprints. */
    static byte[] payload(String groupKey, String status, String... fingerprints) {
        StringBuilder alerts = new StringBuilder();
        for (String fp : fingerprints) {
            alerts.append(alerts.isEmpty() ? "" : ",").append("""
                    {"status":"%s","labels":{"alertname":"ExchangeRateLimited","instance":"%s"},"annotations":{},
                     "startsAt":"2026-12-03T09:00:00Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"%s"}"""
                    .formatted(status, fp, fp));
        }
        return """
                {"version":"4","groupKey":"%s","status":"%s","receiver":"triage","groupLabels":{"alertname":"ExchangeRateLimited"},
                 "commonLabels":{"alertname":"ExchangeRateLimited","severity":"critical"},"alerts":[%s]}"""
                .formatted(groupKey, status, alerts).getBytes(StandardCharsets.UTF_8);
    }

    static ObjectNode diagnosis(String cause) throws Exception {
        return (ObjectNode) JSON.readTree(cause == null ? "{\"causes\":[]}" : """
                {"causes":[{"id":"%s","severity":"high","confidence":0.85,
                  "evidence":[{"source":"alert.json:3","text":"429 Too Many Requests","symptom":"exchange.http-429"}]}]}"""
                .formatted(cause));
    }

    static Receipt receipt(String group, String status, String cause, String... fingerprints) throws Exception {
        return Receipt.fromAlertmanager(payload(group, status, fingerprints), diagnosis(cause));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aGroupItsRepeatAChangeAndItsResolutionMakeOneIncidentWithTwoRevisions(String kind) throws Exception {
        try (IncidentStore store = open(kind, "lifecycle")) {
            var first = store.record(receipt("g1", "firing", "exchange.rate-limited", "a1"));
            assertThat(first.change()).isEqualTo(Change.NEW_INCIDENT);
            assertThat(first.revision().number()).isEqualTo(1);
            assertThat(store.record(receipt("g1", "firing", "exchange.rate-limited", "a1")).change()).isEqualTo(Change.REPEAT);
            var changed = store.record(receipt("g1", "firing", "exchange.rate-limited", "a1", "a2"));
            assertThat(changed.change()).isEqualTo(Change.NEW_REVISION);
            assertThat(changed.revision().number()).isEqualTo(2);
            assertThat(store.record(receipt("g1", "resolved", null, "a1", "a2")).change()).isEqualTo(Change.RESOLVED);

            var page = store.list(IncidentStore.Query.all());
            assertThat(page.total()).isEqualTo(1);
            Incident i = page.incidents().get(0);
            assertThat(i.state()).isEqualTo(Incident.RESOLVED);
            assertThat(i.resolvedAt()).isNotNull();
            assertThat(i.revisions()).isEqualTo(2);
            assertThat(i.receipts()).isEqualTo(4);
            assertThat(i.leadingCause()).isEqualTo("exchange.rate-limited");
            var detail = store.get(i.id()).orElseThrow();
            assertThat(detail.revisions()).extracting(Revision::fingerprints)
                    .containsExactly(List.of("a1"), List.of("a1", "a2"));
            assertThat(detail.revisions().get(0).excerpts()).containsExactly("alert.json:3: 429 Too Many Requests");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aDifferentLeadingCauseIsANewRevisionAndAFiringAfterResolutionReopens(String kind) throws Exception {
        try (IncidentStore store = open(kind, "cause")) {
            store.record(receipt("g2", "firing", "exchange.rate-limited", "a1"));
            var other = store.record(receipt("g2", "firing", "network.firewall-blocking", "a1"));
            assertThat(other.change()).isEqualTo(Change.NEW_REVISION);
            assertThat(other.incident().leadingCause()).isEqualTo("network.firewall-blocking");
            store.record(receipt("g2", "resolved", null, "a1"));
            var again = store.record(receipt("g2", "firing", "network.firewall-blocking", "a1"));
            assertThat(again.incident().state()).isEqualTo(Incident.FIRING);
            assertThat(again.change()).isEqualTo(Change.REPEAT);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void concurrentReceiptsOfOneNewGroupMakeOneIncidentAndADeliveryIsClaimedOnce(String kind) throws Exception {
        try (IncidentStore store = open(kind, "race")) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Callable<IncidentStore.Recorded>> jobs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                jobs.add(() -> store.record(receipt("g3", "firing", "exchange.rate-limited", "a1")));
            }
            List<Change> changes = new ArrayList<>();
            for (Future<IncidentStore.Recorded> f : pool.invokeAll(jobs)) {
                changes.add(f.get().change());
            }
            pool.shutdown();
            assertThat(changes).filteredOn(c -> c == Change.NEW_INCIDENT).hasSize(1);
            assertThat(changes).filteredOn(c -> c == Change.REPEAT).hasSize(15);
            long id = store.list(IncidentStore.Query.all()).incidents().get(0).id();
            assertThat(store.get(id).orElseThrow().revisions()).hasSize(1);
            assertThat(store.claimDelivery(id, 1, "slack")).isTrue();
            assertThat(store.claimDelivery(id, 1, "slack")).isFalse();
            store.deliveryAttempt(id, 1, "slack", Delivery.SENT, 2, null);
            assertThat(store.get(id).orElseThrow().deliveries()).singleElement()
                    .satisfies(d -> assertThat(d.attempts()).isEqualTo(2));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void retentionKeepsTheNewestIncidents(String kind) throws Exception {
        try (IncidentStore store = open(kind, "retention")) {
            for (int i = 0; i < 5; i++) {
                store.record(receipt("g" + i, "firing", "exchange.rate-limited", "a1"));
            }
            assertThat(store.prune(Duration.ofDays(30), 3)).isEqualTo(2);
            assertThat(store.list(IncidentStore.Query.all()).incidents()).extracting(Incident::groupKey)
                    .containsExactly("g4", "g3", "g2");
            assertThat(store.prune(Duration.ZERO, 100)).isEqualTo(3);
        }
    }
}
