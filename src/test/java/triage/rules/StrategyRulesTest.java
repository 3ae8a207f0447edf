package triage.rules;

import org.junit.jupiter.api.Test;

import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/strategy.drl: 003 section 4.1, trading enabled but the strategy is not running. */
class StrategyRulesTest {

    @Test
    void aStoppedStrategyWithTradingEnabledRanksFirst() {
        assertThat(given(seen("strategy.status-stopped"), no("orders.trading-switch-off")))
                .ranksFirst("strategy.not-running");
    }

    @Test
    void theTradingSwitchOutranksAStoppedStrategy() {
        assertThat(given(seen("strategy.status-stopped"), seen("orders.trading-switch-off")))
                .ranksFirst("orders.trading-disabled");
    }
}
