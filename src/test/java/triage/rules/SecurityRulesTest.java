package triage.rules;

import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;
import triage.knowledge.Phase;
import triage.plan.RemediationStep;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static triage.testing.TestTriage.*;

/** rules/security.drl: 004 Suspicious Trading Activity, API Key Compromise; 000 System Emergency Stop. */
class SecurityRulesTest {

    private static final String[] KEY_GUESSING = {
            "2026-07-21 02:13:25,315 - tmt.security - WARNING - authentication_failure key_id=unknown key_prefix=tmt_live_0219 client_ip=185.220.101.47 path=/api/v1/positions reason=invalid_key",
            "2026-07-21 02:13:55,702 - tmt.security - WARNING - authentication_failure key_id=unknown key_prefix=tmt_live_beb9 client_ip=185.220.101.47 path=/api/v1/orders reason=invalid_key",
            "2026-07-21 02:14:28,015 - tmt.security - WARNING - authentication_failure key_id=unknown key_prefix=tmt_live_72b1 client_ip=185.220.101.47 path=/api/v1/positions reason=invalid_key",
            "2026-07-21 02:14:40,677 - tmt.security - WARNING - authentication_failure key_id=unknown key_prefix=tmt_live_e173 client_ip=185.220.101.34 path=/api/v1/account-balances reason=invalid_key",
            "2026-07-21 02:14:57,392 - tmt.security - WARNING - authentication_failure key_id=unknown key_prefix=tmt_live_eac4 client_ip=185.220.101.34 path=/api/v1/orders reason=invalid_key",
            "2026-07-21 02:15:06,583 - tmt.security - WARNING - authentication_failure key_id=unknown key_prefix=tmt_live_62f7 client_ip=185.220.101.34 path=/api/v1/account-balances reason=invalid_key",
    };

    @Test
    void keyGuessingThenUseFromAnUnknownNetworkIsACompromisedKeyAndStopsTradingFirst() {
        String security = lines(KEY_GUESSING) + lines(
                "2026-07-21 02:44:14,702 - tmt.security - WARNING - geoip: key_id=svc-reporting-01 first use from new network client_ip=45.134.26.17 (AS 49505, not in allowlist 10.30.0.0/24) - logged only (enforce_allowlist=false)",
                "2026-07-21 02:44:14,703 - tmt.security - INFO - authentication_success key_id=svc-reporting-01 client_ip=45.134.26.17 path=/api/v1/account-balances");
        Diagnosis d = evidence("security.log", security);
        triage.testing.DiagnosisAssert.assertThat(d).ranksFirst("security.api-key-compromised").planStartsByStoppingDamage()
                .doesNotReport("auth.exchange-api-key-invalid");
        List<RemediationStep> plan = d.causes().get(0).remediation();
        List<String> stopDamage = plan.stream().filter(s -> s.phase() == Phase.STOP_DAMAGE).map(RemediationStep::action).toList();
        assertThat(stopDamage).anyMatch(a -> a.toLowerCase().contains("halt trading"));
        assertThat(stopDamage).anyMatch(a -> a.toLowerCase().contains("rotate"));
    }

    @Test
    void ordersNoStrategyGeneratedAreSuspiciousTradingAndHaltTradingFirst() {
        Diagnosis d = evidence("system.log", lines(
                "2026-07-21 02:44:52,317 - tmt.execution - INFO - order submitted strategy=None source=api key_id=svc-reporting-01 instrument=EUR_USD units=200000 type=MARKET",
                "2026-07-21 02:45:28,317 - tmt.execution - INFO - order submitted strategy=None source=api key_id=svc-reporting-01 instrument=GBP_USD units=-150000 type=MARKET",
                "2026-07-21 02:49:11,302 - tmt.reconciliation - WARNING - 3 fills in last 15m have no originating strategy (source=api key_id=svc-reporting-01)"));
        triage.testing.DiagnosisAssert.assertThat(d).ranksFirst("security.suspicious-trading-activity").planStartsByStoppingDamage();
        assertThat(d.causes().get(0).remediation().get(0).action().toLowerCase()).contains("halt trading");
    }

    @Test
    void theKeyFromAnUnknownNetworkFlipsSuspiciousTradingToACompromisedKey() {
        Diagnosis trades = given(seen("security.unattributed-orders", 3));
        Diagnosis intruder = given(seen("security.unattributed-orders", 3), seen("security.key-used-from-unknown-network"));
        triage.testing.DiagnosisAssert.assertThat(trades).ranksFirst("security.suspicious-trading-activity")
                .doesNotReport("security.api-key-compromised");
        triage.testing.DiagnosisAssert.assertThat(intruder).ranksFirst("security.api-key-compromised")
                .reports("security.suspicious-trading-activity");
    }

    @Test
    void aFewAuthenticationFailuresAloneAreNotACompromise() {
        Diagnosis d = evidence("security.log", lines(KEY_GUESSING[0], KEY_GUESSING[1]));
        triage.testing.DiagnosisAssert.assertThat(d).reportsNoCause();
    }
}
