package triage.rules;

import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;

import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/auth.drl: 003 section 2.2, API key valid? NO -> rotate keys. */
class AuthRulesTest {

    @Test
    void theExchangeRejectingTheKeyRanksAnInvalidKeyFirst() {
        Diagnosis d = evidence("exchanges.log", lines(
                "2026-05-06 09:10:01,120 ERROR binance: APIError(code=-2015): Invalid API-key, IP, or permissions for action.",
                "2026-05-06 09:10:31,120 ERROR binance: APIError(code=-2015): Invalid API-key, IP, or permissions for action."));
        assertThat(d).ranksFirst("auth.exchange-api-key-invalid");
    }

    @Test
    void invalidSignatureWithASynchronisedClockIsAWrongSecret() {
        Diagnosis d = given(seen("auth.invalid-signature", 4), no("host.clock-offset"));
        assertThat(d).ranksFirst("auth.exchange-api-key-invalid").doesNotReport("host.clock-drift");
    }

    @Test
    void invalidSignatureWithADriftingClockIsClockDrift() {
        Diagnosis d = given(seen("auth.invalid-signature", 4), valued("host.clock-offset", 3.2));
        assertThat(d).ranksFirst("host.clock-drift").doesNotReport("auth.exchange-api-key-invalid");
    }
}
