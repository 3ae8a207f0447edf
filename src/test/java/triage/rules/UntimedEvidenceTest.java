package triage.rules;

import org.junit.jupiter.api.Test;
import triage.diagnosis.CauseHypothesis;
import triage.diagnosis.Diagnosis;
import triage.facts.Symptom;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static triage.testing.TestTriage.given;
import static triage.testing.TestTriage.seen;

/**
 * A command's output carries no time: its sightings have an unknown time (0), which is neither
 * before nor after anything. Rules that conclude "X after Y" need both times; rules that need
 * "X while Y" are not contradicted by an unknown one.
 */
class UntimedEvidenceTest {

    private static final long T = 1_780_000_000_000L;

    private static Symptom at(String id, int count, long first, long last) {
        return new Symptom(id, "", count, Double.NaN, Double.NaN, first, last, Map.of(), List.of());
    }

    private static double confidence(Diagnosis d, String cause) {
        return Stream.concat(d.causes().stream(), d.candidates().stream()).filter(c -> c.id().equals(cause))
                .mapToDouble(CauseHypothesis::confidence).findFirst().orElse(0);
    }

    @Test
    void aLoginSucceedingAfterTimedRejectionsLowersInvalidCredentialsButNotAfterUntimedOnes() {
        String cause = "auth.user-credentials-invalid";
        double alone = confidence(given(at("auth.login-rejected", 3, T, T + 60_000)), cause);
        double recovered = confidence(given(at("auth.login-rejected", 3, T, T + 60_000), at("auth.login-succeeded", 1, T + 120_000, T + 120_000)), cause);
        double untimedRejections = confidence(given(seen("auth.login-rejected", 3), at("auth.login-succeeded", 1, T + 120_000, T + 120_000)), cause);

        assertThat(recovered).isLessThan(alone);
        assertThat(untimedRejections).isEqualTo(alone);
    }

    @Test
    void positionSyncOkAfterTimedFailuresLowersMismatchButNotAfterUntimedOnes() {
        String cause = "data-integrity.position-mismatch";
        Symptom discrepancy = seen("data-integrity.position-discrepancy", 3); // e.g. from a reconciliation query
        double alone = confidence(given(discrepancy, at("data-integrity.position-sync-failing", 3, T, T + 60_000)), cause);
        double healed = confidence(given(discrepancy, at("data-integrity.position-sync-failing", 3, T, T + 60_000),
                at("data-integrity.position-sync-ok", 5, T + 120_000, T + 600_000)), cause);
        double untimedFailures = confidence(given(discrepancy, seen("data-integrity.position-sync-failing", 3),
                at("data-integrity.position-sync-ok", 5, T + 120_000, T + 600_000)), cause);

        assertThat(healed).isLessThan(alone);
        assertThat(untimedFailures).isEqualTo(alone);
    }

    @Test
    void anUntimedPublisherSightingDoesNotContradictASubscriberHearingNothing() {
        String cause = "config.wrong-service-endpoint";
        Symptom starved = at("config.subscriber-no-data", 4, T, T + 300_000);
        double timedBefore = confidence(given(starved, at("config.publisher-active", 2, T - 600_000, T - 300_000)), cause);
        double untimed = confidence(given(starved, seen("config.publisher-active")), cause);
        double timedWhile = confidence(given(starved, at("config.publisher-active", 9, T, T + 300_000)), cause);

        assertThat(untimed).isEqualTo(timedWhile).isGreaterThan(timedBefore);
    }
}
