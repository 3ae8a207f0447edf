package triage.evidence;

import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;
import triage.facts.Symptom;
import triage.testing.TestTriage;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An alert is one sighting of a symptom, even when its summary line (labels and description) and its
 * description annotation both match the same pattern: the count thresholds of the rules count alerts.
 */
class AlertmanagerAlertCountTest {

    private static final String RATE_LIMITED = "binance 429 Too Many Requests {\\\"code\\\":-1003,\\\"msg\\\":\\\"Too many requests\\\"}";

    private static String payload(int alerts) {
        StringBuilder sb = new StringBuilder("{\"version\":\"4\",\"groupKey\":\"{}:{}\",\"status\":\"firing\",\"receiver\":\"r\",\"alerts\":[");
        for (int i = 0; i < alerts; i++) {
            sb.append(i > 0 ? "," : "").append("{\"status\":\"firing\",\"labels\":{\"alertname\":\"ExchangeRateLimited\",\"instance\":\"gw-")
                    .append(i).append("\"},\"annotations\":{\"summary\":\"throttled\",\"description\":\"").append(RATE_LIMITED)
                    .append("\"},\"startsAt\":\"2026-05-06T09:10:00Z\"}");
        }
        return sb.append("]}").toString();
    }

    private static int count429(Diagnosis d) {
        return d.symptoms().stream().filter(s -> s.id().equals("exchange.http-429")).mapToInt(Symptom::count).sum();
    }

    @Test
    void oneAlertIsOneSighting() {
        Diagnosis d = TestTriage.get().diagnose("am.json", payload(1).getBytes(StandardCharsets.UTF_8));
        assertThat(count429(d)).isEqualTo(1);
        assertThat(d.causes()).isEmpty(); // one 429 is a hint, not a conclusion
    }

    @Test
    void everyAlertOfTheGroupCounts() {
        Diagnosis d = TestTriage.get().diagnose("am.json", payload(3).getBytes(StandardCharsets.UTF_8));
        assertThat(count429(d)).isEqualTo(3);
        assertThat(d.causes()).extracting(c -> c.id()).first().isEqualTo("exchange.rate-limited");
    }
}
