package triage.rules;

import org.junit.jupiter.api.Test;
import triage.facts.Symptom;

import java.util.List;
import java.util.Map;

import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/**
 * rules/derived.drl: causes decided by derived evidence (a clock stepping back, a position unlike the
 * exchange's, the age of served risk results, targets short of their job, configured against observed values).
 * Each pair flips with the derived or configured reading its name gives.
 */
class DerivedRulesTest {

    private static Symptom serviceUser(String user) {
        return new Symptom("config.service-user", "", 1, Double.NaN, Double.NaN, 0, 0, Map.of("configured", user), List.of());
    }

    @Test
    void aLogSteppingBackInTimeWhileSignaturesAreRejectedIsTheClockDrifting() {
        assertThat(given(valued("host.log-time-reversed", 47), seen("auth.invalid-signature", 3))).ranksFirst("host.clock-drift");
        assertThat(given(valued("host.log-time-reversed", 0.4), seen("auth.invalid-signature", 3))).doesNotReport("host.clock-drift");
    }

    @Test
    void aLocalPositionUnlikeTheExchangesIsPositionDrift() {
        assertThat(given(valued("data-integrity.local-position-differs", 0.5))).ranksFirst("data-integrity.position-mismatch");
        assertThat(given(seen("data-integrity.exchange-position"))).doesNotReport("data-integrity.position-mismatch");
    }

    @Test
    void riskResultsServedMinutesAfterTheirCalculationWhileMonitoringRunsAreAStaleCache() {
        assertThat(given(valued("cache.risk-result-age", 600), seen("cache.risk-monitoring-running")))
                .ranksFirst("cache.stale-risk-calculations");
        assertThat(given(valued("cache.risk-result-age", 60), seen("cache.risk-monitoring-running")))
                .doesNotReport("cache.stale-risk-calculations");
    }

    @Test
    void aJobWithFewerTargetsUpThanItHasIsNotScrapedInFull() {
        assertThat(given(valued("monitoring.targets-short", 1))).ranksFirst("monitoring.prometheus-not-scraping");
        assertThat(given(valued("monitoring.targets-short", 0))).doesNotReport("monitoring.prometheus-not-scraping");
    }

    @Test
    void anOrderTimeoutConfiguredBelowTheSubmitLatencyIsTooTight() {
        assertThat(given(valued("config.order-timeout-configured", 1.5), valued("orders.submit-latency", 2.3)))
                .ranksFirst("orders.submission-timeout");
        assertThat(given(valued("config.order-timeout-configured", 1.5), valued("orders.submit-latency", 0.8)))
                .doesNotReport("orders.submission-timeout");
    }

    @Test
    void aPortBelow1024ConfiguredForAnUnprivilegedUserThatFailsToStartCannotBind() {
        assertThat(given(valued("config.listen-port-configured", 443), serviceUser("trader"), seen("service.unit-failed")))
                .ranksFirst("host.privileged-port-bind-denied");
        assertThat(given(valued("config.listen-port-configured", 443), serviceUser("root"), seen("service.unit-failed")))
                .doesNotReport("host.privileged-port-bind-denied");
    }
}
