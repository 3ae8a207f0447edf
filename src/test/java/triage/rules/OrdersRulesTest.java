package triage.rules;

import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;
import triage.plan.RemediationStep;

import static org.assertj.core.api.Assertions.assertThat;
import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/orders.drl: 003 section 4.1, orders not being placed: is trading enabled? */
class OrdersRulesTest {

    @Test
    void theTradingSwitchOffRanksFirstAndTurningItOnNeedsConfirmation() {
        Diagnosis d = evidence("operator-shell.txt", lines(
                "hft@hft-ny4-01:/opt/hft_system$ curl -s http://localhost:8080/api/v1/status | jq .trading_enabled",
                "false"));
        assertThat(d).ranksFirst("orders.trading-disabled").firedRule("The trading switch being off stops every order");
        assertThat(d.causes().get(0).remediation()).filteredOn(s -> s.action().startsWith("Turn the trading switch"))
                .singleElement().extracting(RemediationStep::requiresConfirmation).isEqualTo(true);
    }

    @Test
    void statusJsonWithTradingEnabledIsNotTheSwitch() {
        Diagnosis d = evidence("api-v1-status.json", "{\"status\": \"ok\", \"trading_enabled\": true}");
        assertThat(d).doesNotReport("orders.trading-disabled");
    }
}
