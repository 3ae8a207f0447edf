package triage.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The MYCIN certainty-factor calculus. */
class CertaintyTest {

    @Test
    void independentEvidenceAccumulatesButNeverExceedsOne() {
        assertThat(Certainty.combine(List.of(0.6, 0.5))).isCloseTo(0.8, within(1e-9));
        assertThat(Certainty.combine(List.of(0.9, 0.9, 0.9))).isLessThan(1.0);
        assertThat(Certainty.combine(List.of())).isZero();
    }

    @Test
    void evidenceAgainstLowersConfidence() {
        assertThat(Certainty.confidence(0.8, 0.0)).isEqualTo(0.8);
        assertThat(Certainty.confidence(0.8, 0.5)).isCloseTo(0.6, within(1e-9));
        assertThat(Certainty.confidence(0.5, 0.8)).isZero();
        assertThat(Certainty.confidence(0.0, 0.0)).isZero();
    }
}
