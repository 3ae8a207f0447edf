package triage.rules;

import org.junit.jupiter.api.Test;
import triage.knowledge.Risk;
import triage.plan.RemediationStep;

import static org.assertj.core.api.Assertions.assertThat;
import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/risk.drl: 003 4.1 risk violations, 001 Risk Manager, 002 risk monitoring, 004 circuit breaker agent. */
class RiskRulesTest {

    private static final String RM = "Jun 11 %s pyrt-live-01 risk-manager[1902]: 2026-06-11T%sZ %s risk_manager: %s";

    private static String rm(String time, String level, String msg) {
        return String.format(RM, time, time + ".481648", level, msg);
    }

    // ------------------------------------------------------------ which limit

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

    @Test
    void concentrationWordingRanksConcentrationAbovePositionLimit() {
        var d = evidence("journal-trading-risk-manager.txt", lines(
                rm("10:02:11", "ERROR", "Risk check failed: Concentration limit exceeded (NVDA 31.4% of portfolio > max_concentration_percent 25.0)"),
                rm("10:04:40", "ERROR", "Risk check failed: Concentration limit exceeded (NVDA 31.9% of portfolio > max_concentration_percent 25.0)"),
                rm("10:05:02", " INFO", "risk check passed: AAPL buy 10 notional_after=12000.00")));
        assertThat(d).ranksFirst("risk.concentration-limit-exceeded")
                .doesNotReport("risk.position-limit-exceeded");
    }

    @Test
    void orderSizeWordingRanksOrderSizeFirst() {
        var d = evidence("risk.log", lines(
                "[2026-05-06 10:01:00.120] [risk] [warning] Risk check failed: Order size too large order_value_usd: 48000.00 max_order_size_usd: 10000.00",
                "[2026-05-06 10:01:09.441] [risk] [warning] Risk check failed: Order size too large order_value_usd: 52000.00 max_order_size_usd: 10000.00"));
        assertThat(d).ranksFirst("risk.order-size-limit-exceeded").doesNotReport("risk.position-limit-exceeded");
    }

    @Test
    void riskCheckFailuresNamingNoLimitGiveRankedCandidatesWithChecks() {
        var d = evidence("risk.log", lines(
                "[2026-05-06 10:01:00.120] [risk] [warning] Risk check failed order_id: 8812 BTC-USDT",
                "[2026-05-06 10:01:05.120] [risk] [warning] Risk check failed order_id: 8813 BTC-USDT",
                "[2026-05-06 10:01:09.120] [risk] [warning] Risk check failed order_id: 8814 BTC-USDT"));
        assertThat(d).hasCandidate("risk.position-limit-exceeded").hasCandidate("risk.order-size-limit-exceeded")
                .doesNotReport("risk.position-limit-exceeded");
    }

    @Test
    void noMarketDataRejectionsAreNotBlamedOnALimit() {
        var d = evidence("journal-trading-risk-manager.txt", lines(
                rm("10:14:38", " WARN", "No market data received for 30 seconds"),
                rm("10:14:58", "ERROR", "Cannot calculate position value without market data"),
                rm("10:15:02", "ERROR", "Risk check failed: Position limit exceeded (no valid mark price)"),
                rm("10:15:17", "ERROR", "Risk check failed: Position limit exceeded (no valid mark price)")));
        assertThat(d).doesNotReport("risk.position-limit-exceeded");
    }

    // ------------------------------------------------------------ daily loss vs false trip vs losses beyond limits

    private static final String TRIPPED = lines(
            rm("14:36:28", " INFO", "daily_pnl=-4978.00 max_daily_loss=5000.00 open_positions=5 gross_exposure=193860.86"),
            rm("14:37:22", "ERROR", "Risk check failed: Max daily loss reached (daily_pnl=-5012.77 max_daily_loss=5000.00)"),
            rm("14:37:22", " WARN", "circuit breaker ACTIVATED reason=max_daily_loss daily_pnl=-5012.77"),
            rm("14:38:48", "ERROR", "Risk check failed: Max daily loss reached (order AAPL sell 10 rejected)"),
            rm("14:38:51", " INFO", "daily_pnl=-5019.40 max_daily_loss=5000.00 open_positions=0 gross_exposure=0.00 circuit_breaker=active"));

    @Test
    void aLegitimatelyTrippedDailyLossBreakerRanksFirstAndKeepsTradingHalted() {
        var d = evidence("journal-trading-risk-manager.txt", TRIPPED, "check_pnl.txt", lines(
                "$ python scripts/check_pnl.py --detailed",
                "total      -5,019.40         0.00       82",
                "limit utilisation:                            100.4%",
                "fills after breaker activation:              0"),
                "metrics.prom", lines("circuit_breaker_active 1"));
        assertThat(d).ranksFirst("risk.daily-loss-limit-reached")
                .doesNotReport("risk.circuit-breaker-false-trip")
                .doesNotReport("risk.losses-exceeding-limits")
                .planStartsByStoppingDamage();
        var plan = d.causes().get(0).remediation();
        assertThat(plan.stream().filter(s -> s.action().startsWith("Raise max_daily_loss")).findFirst().orElseThrow()
                .requiresConfirmation()).isTrue();
    }

    @Test
    void anActiveBreakerWithThePnlInsideTheLimitIsAFalseTrip() {
        var d = evidence("journal-trading-risk-manager.txt", lines(
                rm("11:02:10", " WARN", "circuit breaker ACTIVATED reason=volatility_spike"),
                rm("11:02:40", " INFO", "daily_pnl=-812.40 max_daily_loss=5000.00 open_positions=3 gross_exposure=90210.00 circuit_breaker=active"),
                rm("11:03:40", " INFO", "daily_pnl=-805.10 max_daily_loss=5000.00 open_positions=3 gross_exposure=90110.00 circuit_breaker=active")),
                "metrics.prom", lines("circuit_breaker_active 1"));
        assertThat(d).ranksFirst("risk.circuit-breaker-false-trip").doesNotReport("risk.daily-loss-limit-reached");
    }

    @Test
    void fillsContinuingPastTheLimitFlipTheRankingToLossesExceedingLimitsAndStopTheDamageFirst() {
        var d = evidence("journal-trading-risk-manager.txt", TRIPPED, "check_pnl.txt", lines(
                "$ python scripts/check_pnl.py --detailed",
                "total      -7,930.12     -1,240.00      97",
                "limit utilisation:                            183.4%",
                "fills after breaker activation:              15"));
        assertThat(d).ranksFirst("risk.losses-exceeding-limits")
                .ranksAbove("risk.losses-exceeding-limits", "risk.daily-loss-limit-reached")
                .planStartsByStoppingDamage();
        assertThat(d.causes().get(0).remediation().get(0).action()).containsIgnoringCase("circuit breaker");
    }

    // ------------------------------------------------------------ monitoring loops

    @Test
    void aDeadRiskMonitorTaskWithStatusNotRunningRanksMonitoringStopped() {
        var d = evidence("docker-compose-logs-backend.txt", lines(
                "backend-1 | 2026-06-30 07:42:09,333 - backend.risk.monitor - INFO - risk monitor cycle 1391 complete portfolios=3 var_95[PORTFOLIO_001]=184639.60 limits_checked=14 duration_ms=450",
                "backend-1 | 2026-06-30 07:43:09,716 - asyncio - ERROR - Task exception was never retrieved",
                "backend-1 | future: <Task finished name='risk-monitor' coro=<RiskMonitor.run() done, defined at /app/backend/risk/monitor.py:58> exception=ZeroDivisionError('float division by zero')>",
                "backend-1 | ZeroDivisionError: float division by zero"),
                "risk-api-checks.txt", lines(
                "$ curl -s http://localhost:8001/api/v1/sprint3/risk/monitoring/status | jq .",
                "{",
                "  \"running\": false,",
                "  \"task_state\": \"done\"",
                "}"));
        assertThat(d).ranksFirst("risk.monitoring-stopped").recognises("risk.monitor-task-died")
                .doesNotReport("risk.calculation-error");
    }

    @Test
    void limitMonitoringSwitchedOffRanksFirstAndStartsByCheckingExposure() {
        var d = evidence("operator-shell.txt", lines(
                "ops@sprint3-app-01:/opt/sprint3$ curl -s http://localhost:8001/api/v1/sprint3/risk/limits/monitoring/status | jq .",
                "{",
                "  \"enabled\": false,",
                "  \"last_check_at\": \"2026-09-14T16:02:11Z\"",
                "}",
                "ops@sprint3-app-01:/opt/sprint3$ docker exec nautilus-redis redis-cli GET risk_monitoring_enabled",
                "\"false\""));
        assertThat(d).ranksFirst("risk.limit-monitoring-disabled").planStartsByStoppingDamage()
                .doesNotReport("risk.alert-thresholds-missing");
    }

    @Test
    void nullWarningThresholdsWithMonitoringEnabledRankAlertThresholdsMissing() {
        var d = evidence("operator-shell.txt", lines(
                "ops@sprint3-app-01:/opt/sprint3$ curl -s http://localhost:8001/api/v1/sprint3/risk/limits/monitoring/status | jq .",
                "{",
                "  \"enabled\": true,",
                "  \"interval_seconds\": 60",
                "}",
                "ops@sprint3-app-01:/opt/sprint3$ psql -U nautilus -d nautilus_db -tAc \"SELECT count(*) FROM risk_limits WHERE warning_threshold IS NULL;\"",
                "9"));
        assertThat(d).ranksFirst("risk.alert-thresholds-missing").doesNotReport("risk.limit-monitoring-disabled");
    }

    @Test
    void healthyLimitChecksWithZeroBreachesStaySilent() {
        var d = evidence("docker-compose-logs.txt", lines(
                "sprint3-backend-1  | 2026-09-15 14:00:08,639 - backend.risk.limit_monitor - INFO - limit check PORTFOLIO_001 var_95=0.0182 breaches=0 warnings=0",
                "sprint3-backend-1  | 2026-09-15 14:01:07,848 - backend.risk.limit_monitor - INFO - limit check PORTFOLIO_001 var_95=0.0209 breaches=0 warnings=0"),
                "backend-metrics.txt", lines("risk_monitoring_running 1", "risk_limit_breaches_total{portfolio_id=\"PORTFOLIO_001\"} 0",
                "circuit_breaker_active 0"));
        assertThat(d).reportsNoCause();
    }

    // ------------------------------------------------------------ calculations, parameters, latency

    @Test
    void validationMismatchesRankCalculationError() {
        var d = evidence("validate_risk_calculations.txt", lines(
                "$ python scripts/validate_risk_calculations.py",
                "PORTFOLIO_001 VaR mismatch: stored var_95=184639.60 recalculated var_95=231904.11 (diff 25.6%)",
                "PORTFOLIO_002 correlation matrix is not positive semi-definite (min eigenvalue -0.042)"));
        assertThat(d).ranksFirst("risk.calculation-error").doesNotReport("risk.parameters-misconfigured");
    }

    @Test
    void invalidRiskParametersRankParametersMisconfigured() {
        var d = evidence("risk-management.log", lines(
                "2026-07-14 09:12:01,220 - risk_management.config - ERROR - invalid risk configuration: max_position_pct=150.0 exceeds 100",
                "2026-07-14 09:13:01,220 - risk_management.config - ERROR - invalid risk configuration: max_position_pct=150.0 exceeds 100"),
                "risk-parameters.txt", lines(
                "$ grep -E 'max_daily_loss|max_shares' config/risk_limits.toml",
                "max_daily_loss = 0.0"));
        assertThat(d).ranksFirst("risk.parameters-misconfigured");
    }

    @Test
    void repeatedRiskCheckTimeoutsRankCheckLatencyHigh() {
        var d = evidence("nautilus-integration.log", lines(
                "2026-09-15 09:02:12,695 - nautilus_integration.orchestrator.F8IntegrationOrchestrator - ERROR - risk check timeout after 500 ms for order EURUSD BUY 10000",
                "2026-09-15 09:02:13,695 - nautilus_integration.orchestrator.F8IntegrationOrchestrator - ERROR - risk check timeout after 500 ms for order EURUSD SELL 10000",
                "2026-09-15 09:02:14,201 - nautilus_integration.orchestrator.F8IntegrationOrchestrator - INFO - order USDJPY SELL 50000 routed to NautilusTrader (risk_check_ms=412)"));
        assertThat(d).ranksFirst("risk.check-latency-high");
    }

    @Test
    void slowRiskChecksFromACacheOutageAreNotBlamedOnTheRiskGate() {
        var d = evidence("nautilus-integration.log", lines(
                "2026-10-07 10:01:01,100 WARNING  LiveTradingRiskGate: risk metrics cache unavailable (Error 111 connecting to localhost:6379. Connection refused.), falling back to database; risk check took 1840 ms",
                "2026-10-07 10:01:31,100 WARNING  LiveTradingRiskGate: risk metrics cache unavailable (Error 111 connecting to localhost:6379. Connection refused.), falling back to database; risk check took 1872 ms",
                "2026-10-07 10:02:01,100 WARNING  LiveTradingRiskGate: risk metrics cache unavailable (Error 111 connecting to localhost:6379. Connection refused.), falling back to database; risk check took 2104 ms"));
        assertThat(d).doesNotReport("risk.check-latency-high");
    }

    // ------------------------------------------------------------ emergency stop and the risk service itself

    @Test
    void anEmergencyStopThatDoesNotHoldRanksFirstAndStartsByStoppingManually() {
        var d = evidence("system.log", lines(
                "2026-07-14 10:00:01,100 - circuit_breaker.main - WARNING - emergency stop triggered reason=max_drawdown drawdown_pct=-3.2",
                "2026-07-14 10:00:30,100 - tmt.execution - INFO - order submitted strategy=mean_reversion_v2 instrument=EUR_USD units=10000 type=MARKET",
                "2026-07-14 10:01:10,100 - tmt.execution - INFO - order submitted strategy=mean_reversion_v2 instrument=GBP_USD units=10000 type=MARKET"),
                "operator-shell.txt", lines(
                "tmt@tmt-prod-02:~$ curl -f http://localhost:8001/api/v1/emergency-status",
                "{\"emergency_stop_active\":false,\"trading_halted\":false}"));
        assertThat(d).ranksFirst("risk.emergency-stop-failed").planStartsByStoppingDamage();
        assertThat(d.causes().get(0).remediation().get(0).command()).contains("emergency-stop");
    }

    @Test
    void anInactiveEmergencyStatusWithoutAnyStopTriggeredIsNormal() {
        var d = evidence("operator-shell.txt", lines(
                "tmt@tmt-prod-02:~$ curl -f http://localhost:8001/api/v1/emergency-status",
                "{\"emergency_stop_active\":false,\"trading_halted\":false,\"last_trigger\":null}"));
        assertThat(d).doesNotReport("risk.emergency-stop-failed");
    }

    @Test
    void aCircuitBreakerAgentThatCannotStartRanksRiskServiceDownAndStopsTheDamageFirst() {
        var d = evidence("journal-tmt-agents.txt", lines(
                "Jul 14 06:00:06 tmt-prod-02 tmt-agents[3188]: [circuit-breaker] pydantic.errors.PydanticImportError: `BaseSettings` has been moved to the `pydantic-settings` package.",
                "Jul 14 06:00:06 tmt-prod-02 tmt-agents[3188]: [circuit-breaker] exited with status 1; restarting in 10 s (attempt 1/3)",
                "Jul 14 06:00:29 tmt-prod-02 tmt-agents[3188]: [circuit-breaker] exited with status 1; giving up after 3 attempts",
                "Jul 14 06:07:41 tmt-prod-02 tmt-execution-engine[2302]: WARNING pre-trade check: circuit breaker unreachable at http://localhost:8001 (EUR_USD order held, fail-closed)",
                "Jul 14 06:08:51 tmt-prod-02 tmt-execution-engine[2302]: WARNING pre-trade check: circuit breaker unreachable at http://localhost:8001 (EUR_USD order held, fail-closed)"),
                "health-checks.txt", lines(
                "tmt@tmt-prod-02:~$ curl -f http://localhost:8001/health",
                "curl: (7) Failed to connect to localhost port 8001 after 0 ms: Couldn't connect to server"));
        assertThat(d).ranksFirst("risk.risk-service-down").planStartsByStoppingDamage();
    }

    @Test
    void aRiskGateHealthNotActiveIsACandidateAtLeast() {
        var d = evidence("health.txt", lines(
                "ops@nt-prod-01:~$ curl -s http://localhost:8000/health/risk | jq -c .",
                "{\"status\": \"inactive\", \"reason\": \"risk gate not initialised\"}",
                "ops@nt-prod-01:~$ curl -s http://localhost:8000/health | jq -c .",
                "{\"status\":\"healthy\",\"database\":\"connected\",\"redis\":\"connected\",\"risk_gate\":\"down\"}"));
        assertThat(d).ranksFirst("risk.risk-service-down");
    }

    @Test
    void aTmtBreakerTrippedOnDailyDrawdownIsTheDailyLossLimit() {
        var d = evidence("circuit-breaker.log", lines(
                "2026-07-14 14:40:01,100 WARNING  [circuit_breaker.monitor] circuit breaker tripped reason=daily_drawdown daily_dd=-3.04% threshold=-3.00%",
                "2026-07-14 14:41:01,100 WARNING  [circuit_breaker.monitor] max daily drawdown reached: new entries rejected (EUR_USD)",
                "2026-07-14 14:42:01,100 WARNING  [circuit_breaker.monitor] max daily drawdown reached: new entries rejected (GBP_USD)"));
        assertThat(d).ranksFirst("risk.daily-loss-limit-reached").planStartsByStoppingDamage();
    }

    @Test
    void aDisconnectedRiskTileInTheUiIsNotTheRiskServiceDown() {
        var d = evidence("status.json", "{\"services\": {\"risk\": \"disconnected\", \"orders\": \"disconnected\"}}");
        assertThat(d).doesNotReport("risk.risk-service-down");
        assertThat(d.symptoms()).isEmpty();
    }

    /** Twin of the above: the same status document saying the risk service is down is the risk service down. */
    @Test
    void aStatusDocumentSayingTheRiskServiceIsDownIsTheRiskServiceDown() {
        var d = evidence("status.json", "{\"services\": {\"risk\": \"down\", \"orders\": \"disconnected\"}}");
        assertThat(d).recognises("risk.risk-gate-health-bad").ranksFirst("risk.risk-service-down");
    }

    // ------------------------------------------------------------ orders still passing after the loss limit

    private static final String GATE = lines(
            "2026-10-29 06:00:13,976 INFO     LiveTradingRiskGate: risk snapshot daily_pnl=-9,960 max_daily_loss=10,000 limits_ok=true",
            "2026-10-29 06:01:12,171 WARNING  LiveTradingRiskGate: risk snapshot daily_pnl=-10,795 max_daily_loss=10,000 limits_ok=false",
            "2026-10-29 06:01:12,173 WARNING  LiveTradingRiskGate: risk limit violation recorded: daily_loss (-10,795 < -10,000)");

    @Test
    void ordersStillPassingAfterARecordedDailyLossViolationAreLossesExceedingLimits() {
        var d = evidence("gate.log", GATE + "\n" + lines(
                "2026-10-29 06:02:01,162 INFO     F8IntegrationOrchestrator: order O-0153 SELL 300000 USDJPY LIMIT submitted to IB (risk check passed in 6 ms)",
                "2026-10-29 06:02:19,820 INFO     F8IntegrationOrchestrator: fill received order O-0153 USDJPY SELL 300000 @ 148.979"));
        assertThat(d).ranksFirst("risk.losses-exceeding-limits");
    }

    @Test
    void aRecordedDailyLossViolationWithNoLaterOrdersIsTheLimitReached() {
        var d = evidence("gate.log", GATE);
        assertThat(d).ranksFirst("risk.daily-loss-limit-reached").doesNotReport("risk.losses-exceeding-limits");
    }

    @Test
    void riskCheckLatencyIsReadPastExtraFieldsBeforeTheValue() {
        var d = evidence("risk.log", lines(
                "[2026-03-03 14:30:20.069] [risk] [info] risk check order_id: 700301 strategy_id: mm_eth_01 passed rules: 14 latency_us: 3760",
                "[2026-03-03 14:30:26.885] [risk] [info] risk check order_id: 700302 strategy_id: mm_btc_01 passed rules: 14 latency_us: 2233",
                "[2026-03-03 14:30:33.851] [risk] [info] risk check order_id: 700303 strategy_id: mm_eth_01 passed rules: 14 latency_us: 3445"));
        assertThat(d).ranksFirst("risk.check-latency-high");
    }

    @Test
    void aPerTradeRiskFractionOfTwentyPercentIsAMisconfiguredParameter() {
        var d = evidence("risk-management.log", lines(
                "2026-08-04 06:58:50,000 INFO     [risk_management.config] risk parameters: max_risk_per_trade=0.2 max_daily_loss_pct=0.03",
                "2026-08-04 07:00:19,134 INFO     [risk_management.sizing] risk_calculation GBP_USD: balance=61250.00 risk_per_trade=0.2 stop_pips=25 -> units=4,900,000 approved"));
        assertThat(d).ranksFirst("risk.parameters-misconfigured");
    }

    @Test
    void aPerTradeRiskFractionOfTwoTenthsOfAPercentIsNormal() {
        var d = evidence("risk-management.log", lines(
                "2026-08-04 06:58:50,000 INFO     [risk_management.config] risk parameters: max_risk_per_trade=0.002 max_daily_loss_pct=0.03",
                "2026-08-04 07:00:19,134 INFO     [risk_management.sizing] risk_calculation GBP_USD: balance=61250.00 risk_per_trade=0.002 stop_pips=25 -> units=49,000 approved"));
        assertThat(d).doesNotReport("risk.parameters-misconfigured");
    }
}
