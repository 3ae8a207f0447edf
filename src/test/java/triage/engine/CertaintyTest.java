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

    @Test
    void certainBeliefAndCertainDisbeliefCancelToNothing() {
        assertThat(Certainty.confidence(1.0, 1.0)).isZero();
        assertThat(Certainty.confidence(1.0, 0.0)).isEqualTo(1.0);
        assertThat(Certainty.confidence(0.9, 0.6)).isCloseTo(0.75, within(1e-9));
        assertThat(Certainty.confidence(-0.1, 0.0)).as("no belief at all").isZero();
    }

    @Test
    void rulesNameTheirLevelsAndAnUnknownLevelIsNone() {
        assertThat(Certainty.level("CONCLUSIVE")).isEqualTo(0.9);
        assertThat(Certainty.level("STRONG")).isEqualTo(0.8);
        assertThat(Certainty.level("PROBABLE")).isEqualTo(0.7);
        assertThat(Certainty.level("LIKELY")).isEqualTo(0.6);
        assertThat(Certainty.level("SUGGESTIVE")).isEqualTo(0.4);
        assertThat(Certainty.level("HINT")).isEqualTo(0.3);
        assertThat(Certainty.level("strong")).isNull();
    }
}
