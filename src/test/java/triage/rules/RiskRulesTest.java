package triage.rules;

import org.junit.jupiter.api.Test;
import triage.knowledge.Risk;
import triage.plan.RemediationStep;

import static org.assertj.core.api.Assertions.assertThat;
import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/risk.drl: 003 section 4.1, are there risk violations? */
class RiskRulesTest {

    @Test
    void positionLimitRejectionsRankFirstAndRaisingTheLimitIsNeverFirst() {
        var d = evidence("risk.log", lines(
                "2026-05-06 10:01:00.120 [risk] [warning] Risk check failed: Position limit exceeded strategy_id: mm_eth_01",
                "2026-05-06 10:01:04.770 [risk] [warning] Risk check failed: Position limit exceeded strategy_id: mm_eth_01"));
        assertThat(d).ranksFirst("risk.position-limit-exceeded");
        var plan = d.causes().get(0).remediation();
        RemediationStep raise = plan.stream().filter(s -> s.action().startsWith("Raise")).findFirst().orElseThrow();
        assertThat(raise.requiresConfirmation()).isTrue();
        assertThat(raise.risk()).isEqualTo(Risk.DESTRUCTIVE);
        assertThat(plan.get(0).action()).doesNotStartWith("Raise");
    }
}
