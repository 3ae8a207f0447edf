package triage.diagnosis;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import triage.testing.TestTriage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Healthy systems stay silent: the public healthy bundles (expect: none) report no cause. */
class HealthyBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"hft-busy-session-daily-binance-reconnect", "sprint3-normal-afternoon-with-client-reconnect"})
    void aHealthyBundleReportsNoCause(String bundle) {
        Path evidence = TestTriage.projectRoot().resolve("../shared/cases").resolve(bundle).resolve("evidence").normalize();
        triage.testing.SharedData.require(evidence);
        Diagnosis d = TestTriage.get().diagnose(List.of(evidence));
        assertThat(d.causes()).as("causes of healthy bundle %s", bundle)
                .extracting(CauseHypothesis::id).isEmpty();
    }
}
