package triage.incidents;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationConfigTest {

    @TempDir
    Path dir;

    static Incident incident(String cause, String severity, Map<String, String> labels) {
        return new Incident(1, "g", "alertmanager", "triage", Incident.FIRING, cause, severity, 0.9, labels,
                Instant.now(), Instant.now(), null, 1, 1);
    }

    @Test
    void aFilterAdmitsBySeverityAreaAndLabels() {
        var f = new NotificationConfig.Filter(java.util.List.of("critical"), java.util.List.of("exchange"), Map.of("team", "desk"));
        assertThat(f.admits(incident("exchange.rate-limited", "critical", Map.of("team", "desk", "x", "y")))).isTrue();
        assertThat(f.admits(incident("exchange.rate-limited", "high", Map.of("team", "desk")))).isFalse();
        assertThat(f.admits(incident("network.firewall-blocking", "critical", Map.of("team", "desk")))).isFalse();
        assertThat(f.admits(incident("exchange.rate-limited", "critical", Map.of("team", "risk")))).isFalse();
        assertThat(new NotificationConfig.Filter(null, null, null).admits(incident(null, null, Map.of()))).isTrue();
    }

    @Test
    void anInlineUrlIsRefusedWithTheFileAndLineAndTheUrlIsNotQuoted() throws Exception {
        Path f = Files.writeString(dir.resolve("triage.yaml"), """
                routes:
                  - name: desk
                    type: slack
                    url: https://hooks.slack.com/services/T0/B0/secretpart
                """);
        assertThatThrownBy(() -> NotificationConfig.load(f))
                .hasMessageStartingWith(f + ":4:").hasMessageNotContaining("secretpart");
    }

    @Test
    void aRouteNeedsOneUrlSourceAndAKnownType() throws Exception {
        Path f = Files.writeString(dir.resolve("a.yaml"), "routes:\n  - {name: desk, type: teams, url_env: X}\n");
        assertThatThrownBy(() -> NotificationConfig.load(f)).hasMessageContaining("type must be slack or webhook");
        Path g = Files.writeString(dir.resolve("b.yaml"), "routes:\n  - {name: desk, type: slack}\n");
        assertThatThrownBy(() -> NotificationConfig.load(g)).hasMessageContaining("exactly one of url_file and url_env");
    }
}
