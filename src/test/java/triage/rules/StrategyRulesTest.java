package triage.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/strategy.drl: 003 4.1 / 5.2 / 9, 000 Strategy Translation Service, 001 Signal Bridge, 002 deployments. */
class StrategyRulesTest {

    private static final String SB = "Aug 04 %s pyrt-live-01 signal-bridge[40812]: 2026-08-04T%s.501000Z %s signal_bridge: %s";

    private static String sb(String time, String level, String msg) {
        return String.format(SB, time, time, level, msg);
    }

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

    @Test
    void aStoppedStrategyInTheStrategiesListRanksNotRunning() {
        var d = evidence("api-checks.txt", lines(
                "$ curl -s http://localhost:8080/api/v1/strategies | jq '.strategies[] | {id: .strategy_id, status: .status}'",
                "{\"id\": \"mm_eth_01\", \"status\": \"stopped\"}",
                "{\"id\": \"arb_btc_01\", \"status\": \"running\"}"));
        assertThat(d).ranksFirst("strategy.not-running");
    }

    @Test
    void aStoppedRiskMonitorIsNotAStoppedStrategy() {
        var d = evidence("checks.txt", lines(
                "$ curl -s http://localhost:8001/api/v1/sprint3/risk/monitoring/status | jq .",
                "{\"status\": \"stopped\"}"));
        assertThat(d).doesNotReport("strategy.not-running");
    }

    // ------------------------------------------------------------ 9.1 logic error vs market conditions

    private static final String MARKET_DATA = lines(
            "[2026-05-06 10:00:01.100] [strategies] [debug] onMarketData strategy_id: mm_btc_01 binance BTC-USDT updates_1s: 41",
            "[2026-05-06 10:00:02.100] [strategies] [debug] onMarketData strategy_id: mm_btc_01 binance BTC-USDT updates_1s: 39");

    @Test
    void spreadTooTightWhileReceivingDataRanksAwaitingMarketConditions() {
        var d = evidence("strategies.log", MARKET_DATA + "\n" + lines(
                "[2026-05-06 10:00:03.100] [strategies] [debug] strategy_id: mm_btc_01 skip quote: spread too tight spread_bps=0.8 < min_spread_bps=2.0",
                "[2026-05-06 10:00:04.100] [strategies] [debug] strategy_id: mm_btc_01 skip quote: spread too tight spread_bps=0.7 < min_spread_bps=2.0",
                "[2026-05-06 10:00:05.100] [strategies] [debug] strategy_id: mm_btc_01 skip quote: spread too tight spread_bps=0.9 < min_spread_bps=2.0"));
        assertThat(d).ranksFirst("strategy.awaiting-market-conditions").doesNotReport("strategy.logic-error");
    }

    @Test
    void calculationErrorsFlipTheRankingToALogicError() {
        var d = evidence("strategies.log", MARKET_DATA + "\n" + lines(
                "[2026-05-06 10:00:03.100] [strategies] [debug] strategy_id: mm_btc_01 calculation error: fair_value=nan (missing data for mid price)",
                "[2026-05-06 10:00:04.100] [strategies] [debug] strategy_id: mm_btc_01 calculation error: fair_value=nan (missing data for mid price)",
                "[2026-05-06 10:00:05.100] [strategies] [debug] strategy_id: mm_btc_01 skip quote: spread too tight spread_bps=0.9 < min_spread_bps=2.0",
                "[2026-05-06 10:00:06.100] [strategies] [debug] strategy_id: mm_btc_01 skip quote: spread too tight spread_bps=0.9 < min_spread_bps=2.0"));
        assertThat(d).ranksFirst("strategy.logic-error")
                .ranksAbove("strategy.logic-error", "strategy.awaiting-market-conditions");
    }

    // ------------------------------------------------------------ 9.2 losing money

    @Test
    void aStrategyLosingDayAfterDayRanksPersistentLossesAndIsStoppedFirst() {
        var d = evidence("strategy-performance.txt", lines(
                "$ curl -s http://localhost:8080/api/v1/strategies/mm_eth_01 | jq .performance",
                "{",
                "  \"total_pnl\": -18420.55,",
                "  \"win_rate\": 0.31,",
                "  \"trades\": 1840",
                "}",
                "$ ./scripts/analyze_strategy_trades.sh mm_eth_01 --days=7",
                "mm_eth_01: 6 consecutive losing days, avg win 4.10 avg loss -11.80, fees 38% of gross"));
        assertThat(d).ranksFirst("strategy.persistent-losses").planStartsByStoppingDamage();
        assertThat(d.causes().get(0).remediation().get(0).command()).contains("/stop");
    }

    @Test
    void aBreakerConfigWithMaxConsecutiveLossesIsNotALosingStreak() {
        var d = evidence("health-checks.txt", lines(
                "tmt@tmt-prod-02:~$ cat /etc/tmt/agents/circuit-breaker.conf",
                "[circuit_breaker]",
                "max_consecutive_losses = 6"));
        assertThat(d).reportsNoCause();
    }

    // ------------------------------------------------------------ 9.3 violating risk limits

    @Test
    void violationsAllFromOneStrategyRankStrategyExceedsRiskLimitsAbovePositionLimit() {
        var d = evidence("risk.log", lines(
                "[2026-05-06 10:01:00.120] [risk] [warning] Risk check failed: Position limit exceeded strategy_id: mom_sol_01 SOL-USDT qty: 900",
                "[2026-05-06 10:02:00.120] [risk] [warning] Risk check failed: Position limit exceeded strategy_id: mom_sol_01 SOL-USDT qty: 950",
                "[2026-05-06 10:03:00.120] [risk] [warning] Risk check failed: Order size too large strategy_id: mom_sol_01 SOL-USDT qty: 900",
                "[2026-05-06 10:04:00.120] [risk] [warning] Risk check failed: Position limit exceeded strategy_id: mom_sol_01 SOL-USDT qty: 980",
                "[2026-05-06 10:05:00.120] [risk] [warning] Risk check failed: Position limit exceeded strategy_id: mom_sol_01 SOL-USDT qty: 990"));
        assertThat(d).ranksFirst("strategy.exceeds-risk-limits")
                .ranksAbove("strategy.exceeds-risk-limits", "risk.position-limit-exceeded");
    }

    // ------------------------------------------------------------ 5.2 too many strategies

    @Test
    void manyStrategiesAndAHotEngineRankTooManyStrategies() {
        var d = evidence("operator-shell.txt", lines(
                "hft@hft-prod-01:~$ curl -s http://localhost:8080/api/v1/strategies | jq '.strategies | length'",
                "46",
                "hft@hft-prod-01:~$ top -bn1 | grep hft_system",
                "  2210 hft       20   0   12.1g   3.2g  21412 R  96.4  20.3 310:12.44 hft_system"));
        assertThat(d).ranksFirst("strategy.too-many-strategies");
    }

    // ------------------------------------------------------------ init / validation vs translation

    @Test
    void strategyInitializationFailedRanksInvalidConfiguration() {
        var d = evidence("strategies.log", lines(
                "[2026-05-06 09:00:01.100] [strategies] [error] Strategy initialization failed strategy_id: mm_eth_02: invalid parameter spread_bps=-1.5 (must be > 0)",
                "[2026-05-06 09:00:31.100] [strategies] [error] Strategy initialization failed strategy_id: mm_eth_02: invalid parameter spread_bps=-1.5 (must be > 0)"));
        assertThat(d).ranksFirst("strategy.invalid-configuration").doesNotReport("strategy.translation-failed");
    }

    @Test
    void conversionErrorsAfterParameterValidationPassedRankTranslationAboveConfiguration() {
        var d = evidence("nautilus-integration.log", lines(
                "2026-09-15 09:12:04,131 - nautilus_integration.services.strategy_translation - INFO - parameter validation passed strategy_id=f8-momo-gbpusd-v7 parameters=12",
                "2026-09-15 09:12:04,170 - nautilus_integration.services.strategy_translation - ERROR - Strategy conversion failed for f8-momo-gbpusd-v7: no NautilusTrader mapping for F8 indicator 'SUPERTREND' (node 'entry_filter_2')",
                "2026-09-15 09:12:04,174 - nautilus_integration.api - INFO - POST /api/strategies/translate 422 response_time=0.0561"));
        assertThat(d).ranksFirst("strategy.translation-failed").doesNotReport("strategy.invalid-configuration");
    }

    // ------------------------------------------------------------ 002 deployments and versions

    @Test
    void aDeploymentPendingForAnHourRanksDeploymentStuck() {
        var d = evidence("deployments.txt", lines(
                "$ curl -s http://localhost:8001/api/v1/sprint3/strategy/deployments | jq '.[0]'",
                "{",
                "  \"deployment_id\": \"DEPLOY_0142\",",
                "  \"strategy_id\": \"STRATEGY_001\",",
                "  \"status\": \"pending\",",
                "  \"age_minutes\": 64",
                "}"));
        assertThat(d).ranksFirst("strategy.deployment-stuck-pending");
    }

    @Test
    void aFailedRollbackRanksRollbackFailedAndForcingItNeedsConfirmation() {
        var d = evidence("docker-compose-logs-strategy-deployer.txt", lines(
                "strategy-deployer-1  | 2026-09-15 11:02:01,100 - backend.strategies.deployment_manager - ERROR - rollback failed for DEPLOY_0142: previous version 6 not restored (artifact missing)",
                "strategy-deployer-1  | 2026-09-15 11:04:01,100 - backend.strategies.deployment_manager - ERROR - rollback failed for DEPLOY_0142: previous version 6 not restored (artifact missing)"));
        assertThat(d).ranksFirst("strategy.rollback-failed");
        assertThat(d.causes().get(0).remediation().stream().filter(s -> s.command() != null && s.command().contains("\"force\": true"))
                .findFirst().orElseThrow().requiresConfirmation()).isTrue();
    }

    @Test
    void concurrentEditsRankVersionConflict() {
        var d = evidence("backend.log", lines(
                "2026-09-15 11:02:01,100 - backend.strategies.version_control - ERROR - VersionConflictError: strategy STRATEGY_001 base version 7 is not the latest (8); cannot create new version",
                "2026-09-15 11:03:01,100 - backend.strategies.version_control - ERROR - VersionConflictError: strategy STRATEGY_001 base version 7 is not the latest (8); cannot create new version"));
        assertThat(d).ranksFirst("strategy.version-conflict").doesNotReport("strategy.version-history-corrupted");
    }

    @Test
    void anInconsistentHistoryFlipsTheRankingToHistoryCorrupted() {
        var d = evidence("backend.log", lines(
                "2026-09-15 11:02:01,100 - backend.strategies.version_control - ERROR - VersionConflictError: strategy STRATEGY_001 cannot create new version",
                "2026-09-15 11:02:01,300 - backend.strategies.version_control - ERROR - version history corrupted for STRATEGY_001: duplicate version number 7 (created 2026-09-10 and 2026-09-14)"));
        assertThat(d).ranksFirst("strategy.version-history-corrupted")
                .ranksAbove("strategy.version-history-corrupted", "strategy.version-conflict");
    }

    @Test
    void aPositionSyncVersionConflictIsNotAStrategyVersionConflict() {
        var d = evidence("nautilus-integration.log", lines(
                "2026-06-02 10:22:13,412 WARNING  PositionSyncService: partial sync: 6/7 instruments accepted by F8, EURUSD rejected with 409 version conflict (stale base version)"));
        assertThat(d).doesNotReport("strategy.version-conflict");
    }

    // ------------------------------------------------------------ 001 ML model loading

    @Test
    void aMissingOnnxFileRanksModelFileMissing() {
        var d = evidence("journal-trading-signal-bridge.txt", lines(
                sb("13:31:49", " INFO", "loading ONNX model from models/trading_model.onnx"),
                sb("13:31:49", "ERROR", "Failed to load ONNX model: File not found: models/trading_model.onnx (No such file or directory (os error 2))"),
                sb("13:31:49", " WARN", "running without model: ML signals disabled, forwarding rule-based signals only")));
        assertThat(d).ranksFirst("strategy.model-file-missing").doesNotReport("strategy.model-version-incompatible");
    }

    @Test
    void onnxRuntimeNoSuchFileRanksModelFileMissing() {
        var d = evidence("signal_service.log", lines(
                "2026-08-04 13:31:49,501 - signal_service.model - ERROR - onnxruntime.capi.onnxruntime_pybind11_state.NoSuchFile: [ONNXRuntimeError] : 3 : NO_SUCHFILE : Load model from /opt/models/trading_model.onnx failed. File doesn't exist"));
        assertThat(d).ranksFirst("strategy.model-file-missing");
    }

    @Test
    void anUnsupportedIrVersionFlipsTheRankingToVersionIncompatible() {
        var d = evidence("journal-trading-signal-bridge.txt", lines(
                sb("13:31:49", "ERROR", "Failed to load ONNX model: [ONNXRuntimeError] : 1 : FAIL : Load model from models/trading_model.onnx failed:Unsupported model IR version: 10, max supported IR version: 9"),
                sb("13:31:49", " WARN", "running without model: ML signals disabled, forwarding rule-based signals only")));
        assertThat(d).ranksFirst("strategy.model-version-incompatible")
                .doesNotReport("strategy.model-file-missing");
    }

    @Test
    void sklearnUnpickleVersionWarningRanksVersionIncompatible() {
        var d = evidence("model_loader.log", lines(
                "/opt/venv/lib/python3.11/site-packages/sklearn/base.py:376: InconsistentVersionWarning: Trying to unpickle estimator GradientBoostingClassifier from version 1.2.2 when using version 1.4.2. This might lead to breaking code or invalid results. Use at your own risk."));
        assertThat(d).ranksFirst("strategy.model-version-incompatible");
    }

    @Test
    void invalidDimensionsRankInputShapeMismatch() {
        var d = evidence("journal-trading-signal-bridge.txt", lines(
                sb("13:40:01", "ERROR", "Model inference error: Invalid input shape: [ONNXRuntimeError] : 2 : INVALID_ARGUMENT : Got invalid dimensions for input: features for the following indices index: 1 Got: 12 Expected: 14 Please fix either the inputs or the model."),
                sb("13:40:31", "ERROR", "Model inference error: Invalid input shape: [ONNXRuntimeError] : 2 : INVALID_ARGUMENT : Got invalid dimensions for input: features for the following indices index: 1 Got: 12 Expected: 14 Please fix either the inputs or the model.")));
        assertThat(d).ranksFirst("strategy.model-input-shape-mismatch")
                .doesNotReport("strategy.model-file-missing").doesNotReport("strategy.model-version-incompatible");
    }

    // ------------------------------------------------------------ NaN indicators, declined quotes, crowded nodes

    @Test
    void indicatorsComputedAsNanAreALogicErrorEvenWhenTheStrategySaysNoSignal() {
        var d = evidence("strategies.log", MARKET_DATA + "\n" + lines(
                "[2026-05-06 10:00:03.100] [strategies] [debug] strategy_id: meanrev_eth_01 signal calc: lookback=0 mean=nan stddev=nan zscore=nan -> no signal",
                "[2026-05-06 10:00:04.100] [strategies] [debug] strategy_id: meanrev_eth_01 signal calc: lookback=0 mean=nan stddev=nan zscore=nan -> no signal"));
        assertThat(d).ranksFirst("strategy.logic-error").doesNotReport("strategy.awaiting-market-conditions");
    }

    @Test
    void quotesDeclinedWithFiniteInputsAreAwaitingTheMarket() {
        var d = evidence("strategies.log", MARKET_DATA + "\n" + lines(
                "[2026-05-06 10:00:03.100] [strategies] [debug] strategy_id: mm_btc_01 onMarketData spread_bps=0.0015 min_spread_bps=1.50 -> no quote",
                "[2026-05-06 10:00:04.100] [strategies] [debug] strategy_id: mm_btc_01 onMarketData spread_bps=0.0030 min_spread_bps=1.50 -> no quote",
                "[2026-05-06 10:00:05.100] [strategies] [debug] strategy_id: mm_btc_01 onMarketData spread_bps=0.0015 min_spread_bps=1.50 -> no quote"));
        assertThat(d).ranksFirst("strategy.awaiting-market-conditions").doesNotReport("strategy.logic-error");
    }

    private static String thread(int tid, String name, String cpu) {
        return String.format("   %d hft_user  -2   0   21.3g  10.6g  38244 R  %s  8.4   10:12 %s", tid, cpu, name);
    }

    @Test
    void everyStrategyThreadBusyOnACrowdedNodeIsTooManyStrategiesNotABusyLoop() {
        var d = evidence("top.txt", lines(
                "hft_user@hft-01:~$ top -b -n1 -o %CPU | head -8",
                "    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND",
                "   3318 hft_user  -2   0   21.3g  10.6g  38244 S  2712  8.4   1893:12 hft_system",
                "hft_user@hft-01:~$ top -H -b -n1 -p 3318",
                thread(3341, "st_mm_btcusdt", "98.9"), thread(3342, "st_mm_ethusdt", "97.4"),
                thread(3343, "st_mm_xrpusdt", "97.4"), thread(3344, "st_mm_adausdt", "96.2"),
                thread(3345, "st_mm_dotusdt", "95.6")),
                "journal.txt", lines(
                "Oct 06 13:43:29 hft-01 hft_system[3318]: [2026-10-06 13:43:29.961] [system] [info] heartbeat strategies: 23 exchanges: 3/3 connected"));
        assertThat(d).ranksFirst("strategy.too-many-strategies")
                .ranksAbove("strategy.too-many-strategies", "service.busy-loop");
    }

    @Test
    void aVersionHistoryWithALoopingParentChainIsCorruptionNotAFailedRollback() {
        var d = evidence("docker-compose-logs.txt", lines(
                "backend-1  | 2026-10-12 09:47:10,005 - backend.strategies.version_control - ERROR - create_version strategy=STRATEGY_003 failed: VersionHistoryError: cannot resolve head: parent chain v13 -> v12 -> v11 -> v12 loops",
                "backend-1  | INFO:     172.18.0.7:52380 - \"POST /api/v1/sprint3/strategy/rollback HTTP/1.1\" 409 Conflict"));
        assertThat(d).ranksFirst("strategy.version-history-corrupted").doesNotReport("strategy.rollback-failed");
    }

    @Test
    void aDeploymentPendingForFiftyMinutesInTheDeployerQueueIsStuck() {
        var d = evidence("docker-compose-logs.txt", lines(
                "strategy-deployer-1 | 2026-09-08 14:10:09,798 - backend.strategies.deployment_manager - INFO - queue tick pending=1 in_progress=0 oldest_pending=DEPLOY_0217 age_s=57",
                "strategy-deployer-1 | 2026-09-08 14:59:09,798 - backend.strategies.deployment_manager - INFO - queue tick pending=1 in_progress=0 oldest_pending=DEPLOY_0217 age_s=2997"));
        assertThat(d).ranksFirst("strategy.deployment-stuck-pending");
    }

    @Test
    void aDeploymentPendingForAMinuteIsNotStuck() {
        var d = evidence("docker-compose-logs.txt", lines(
                "strategy-deployer-1 | 2026-09-08 14:10:09,798 - backend.strategies.deployment_manager - INFO - queue tick pending=1 in_progress=0 oldest_pending=DEPLOY_0217 age_s=57"));
        assertThat(d).doesNotReport("strategy.deployment-stuck-pending");
    }
}
