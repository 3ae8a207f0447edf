package triage.evidence;

import org.junit.jupiter.api.Test;
import triage.knowledge.AlertDef;
import triage.knowledge.MetricDef;
import triage.knowledge.PatternDef;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static triage.evidence.RecognitionFixture.pattern;
import static triage.evidence.RecognitionFixture.reader;

/** Health JSON, Alertmanager webhook v4 payloads, API v2 alert lists and Prometheus text. */
class JsonEvidenceReaderTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void healthJsonIsFlattenedToPathLinesCitingTheRawLine() {
        PatternDef redisDown = pattern("cache.redis-down", "(?i)\\bredis\"?\\s*:\\s*\"?(?:disconnected|down)", "redis");
        String health = "{\n  \"status\": \"degraded\",\n  \"components\": {\n    \"database\": \"healthy\",\n    \"redis\": \"disconnected\"\n  }\n}\n";
        Evidence e = reader(redisDown).read("health.json", utf8(health));
        assertThat(e.warnings()).isEmpty();
        assertThat(e.symptoms()).singleElement().satisfies(s -> {
            assertThat(s.citations().get(0).source()).isEqualTo("health.json:5");
            assertThat(s.citations().get(0).text()).isEqualTo("\"redis\": \"disconnected\"");
        });
    }

    @Test
    void compactJsonIsFlattenedToo() {
        PatternDef paused = pattern("risk.paused", "(?i)trading_paused\"?\\s*:\\s*true", "trading_paused");
        Evidence e = reader(paused).read("cb.json", utf8("{\"status\":\"healthy\",\"agent\":\"circuit-breaker\",\"trading_paused\":true}"));
        assertThat(e.symptoms()).hasSize(1);
    }

    @Test
    void everyFiringAlertOfAWebhookPayloadIsEvidenceAndResolvedOnesAreNot() {
        String payload = """
                {
                  "version": "4",
                  "groupKey": "{}:{alertname=\\"HostOutOfMemory\\"}",
                  "status": "firing",
                  "receiver": "triage",
                  "commonLabels": {"severity": "critical"},
                  "alerts": [
                    {
                      "status": "firing",
                      "labels": {"alertname": "HostOutOfMemory", "instance": "hft-ny4-01:9100"},
                      "annotations": {"description": "Node memory is filling up (< 10% left)"},
                      "startsAt": "2026-04-14T13:58:47.212Z"
                    },
                    {
                      "status": "firing",
                      "labels": {"alertname": "AppErrors", "instance": "hft-ny4-01:8080"},
                      "annotations": {"description": "log: Out of memory: Killed process 4242 (market-data)"},
                      "startsAt": "2026-04-14T13:59:00Z"
                    },
                    {
                      "status": "resolved",
                      "labels": {"alertname": "HostOutOfMemory", "instance": "hft-ny4-02:9100"},
                      "annotations": {},
                      "startsAt": "2026-04-14T12:00:00Z"
                    }
                  ]
                }
                """;
        EvidenceReader r = reader(List.of(pattern("host.oom-kill", "Out of memory: Killed process \\d+ \\((?<subject>[^)]+)\\)", "out of memory")),
                List.of(), List.of(new AlertDef("HostOutOfMemory", List.of("host.memory-low"), "instance")));
        Evidence e = r.read("webhook.json", utf8(payload));
        assertThat(e.symptoms()).extracting(s -> s.id() + "@" + s.subject()).containsExactlyInAnyOrder(
                "host.memory-low@hft-ny4-01:9100", "host.oom-kill@market-data");
        assertThat(e.symptoms()).filteredOn(s -> s.id().equals("host.memory-low")).singleElement()
                .satisfies(s -> assertThat(s.citations().get(0).source()).isEqualTo("webhook.json:8"));
    }

    @Test
    void anAlertmanagerApiV2AlertListIsReadLikeAWebhook() {
        String list = "[\n  {\n    \"annotations\": {\"summary\": \"x\"},\n    \"labels\": {\"alertname\": \"RedisDown\"},\n"
                + "    \"status\": {\"state\": \"active\"},\n    \"startsAt\": \"2026-04-14T13:58:47.212Z\"\n  }\n]\n";
        EvidenceReader r = reader(List.of(), List.of(), List.of(new AlertDef("Redis.*Down", List.of("cache.redis-down"), null)));
        assertThat(r.read("api-v2-alerts.json", utf8(list)).symptoms()).extracting(s -> s.id()).containsExactly("cache.redis-down");
    }

    @Test
    void prometheusSamplesMeetMetricConditionsInFilesAndTranscripts() {
        MetricDef disk = new MetricDef("host.disk-low", "node_filesystem_avail_bytes", Map.of("mountpoint", "/"), null, 1e9, "mountpoint", null);
        String text = "# HELP node_filesystem_avail_bytes Filesystem space available.\n"
                + "# TYPE node_filesystem_avail_bytes gauge\n"
                + "node_filesystem_avail_bytes{device=\"/dev/sda1\",mountpoint=\"/\"} 5.12e+08\n"
                + "node_filesystem_avail_bytes{device=\"/dev/sdb1\",mountpoint=\"/data\"} 1.2e+08\n";
        Evidence e = reader(List.of(), List.of(disk), List.of()).read("metrics.txt", utf8(text));
        assertThat(e.symptoms()).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo(5.12e8);
            assertThat(s.subject()).isEqualTo("/");
            assertThat(s.citations().get(0).source()).isEqualTo("metrics.txt:3");
        });
    }

    @Test
    void truncatedJsonIsAWarningNamingFileAndLineAndIsStillReadAsText() {
        PatternDef refused = pattern("x.refused", "Connection refused", "connection refused");
        Evidence e = reader(refused).read("status.json", utf8("{\n  \"error\": \"Connection refused\",\n  \"exchanges\": {\n"));
        assertThat(e.warnings()).singleElement().asString().startsWith("status.json:").contains("invalid JSON");
        assertThat(e.symptoms()).hasSize(1);
    }

    @Test
    void deeplyNestedJsonIsReadWithoutBlowingTheStack() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        Evidence e = reader(pattern("x.y", "never", "never")).read("deep.json", utf8(deep));
        assertThat(e.readable()).isEqualTo(1);
        assertThat(e.warnings()).singleElement().asString().startsWith("deep.json").contains("invalid JSON");
    }
}
