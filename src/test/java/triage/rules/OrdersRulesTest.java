package triage.rules;

import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;
import triage.plan.RemediationStep;

import static org.assertj.core.api.Assertions.assertThat;
import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/orders.drl: 003 sections 4.1-4.4, 8.2, 12.1; 001 execution engine (submission, slippage). */
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

    @Test
    void statusJsonWithTradingDisabledAndIdleStrategiesIsTheSwitch() {
        Diagnosis d = evidence("api-v1-status.json", "{\"status\": \"ok\", \"trading_enabled\": false, "
                + "\"strategies\": [{\"strategy_id\": \"mm_eth_01\", \"status\": \"running\", \"signals_last_5m\": 11, \"orders_last_5m\": 0}]}",
                "system.log", "[2026-04-23 08:01:57.205] [system] [warning] config: trading_enabled true -> false");
        assertThat(d).ranksFirst("orders.trading-disabled")
                .firedRule("Signals without orders while trading is off confirm the switch");
    }

    // ---- 4.3 rejections

    @Test
    void binanceInsufficientBalanceRejectionsRankInsufficientBalanceFirst() {
        Diagnosis d = evidence("execution.log", lines(
                "2026-05-06 09:10:37,405 - execution - ERROR - binance.exceptions.BinanceAPIException: APIError(code=-2010): Account has insufficient balance for requested action.",
                "2026-05-06 09:10:41,117 - execution - ERROR - binance.exceptions.BinanceAPIException: APIError(code=-2010): Account has insufficient balance for requested action."));
        assertThat(d).ranksFirst("orders.insufficient-balance");
    }

    @Test
    void alpacaInsufficientBuyingPowerIsInsufficientBalance() {
        Diagnosis d = evidence("journal-trading-execution-engine.txt", lines(
                "Jan 21 10:14:58 pyrt-live-01 execution-engine[1931]: ERROR execution_engine: order rejected (403): {\"buying_power\":\"176531.28\",\"code\":40310000,\"cost_basis\":\"48640000\",\"message\":\"insufficient buying power\"}"));
        assertThat(d).ranksFirst("orders.insufficient-balance");
    }

    @Test
    void minNotionalAndCoinbaseSizeRejectionsAreBelowMinimumSize() {
        Diagnosis d = evidence("errors.log", lines(
                "ccxt.base.errors.InvalidOrder: binance {\"code\":-1013,\"msg\":\"Filter failure: MIN_NOTIONAL\"}",
                "2018-01-18 09:40:19,872 - __init__ - INFO - Order placed. Server reply: {'message': 'Order size is too small. Minimum size is 0.01'}"));
        assertThat(d).ranksFirst("orders.below-minimum-size").doesNotReport("orders.lot-size-violation");
    }

    @Test
    void lotSizeRejectionsRankLotSizeFirstAndAreNotAMinimumProblem() {
        Diagnosis d = evidence("errors.log", lines(
                "[2026-05-06 09:10:37.405] [errors] [error] binance: order_id: 771132 POST /api/v3/order 400 {\"code\":-1013,\"msg\":\"Filter failure: LOT_SIZE\"} symbol=BTCUSDT quantity=0.0153847",
                "[2026-05-06 09:11:25.122] [errors] [error] binance: order_id: 771134 POST /api/v3/order 400 {\"code\":-1013,\"msg\":\"Filter failure: LOT_SIZE\"} symbol=BTCUSDT quantity=0.0153844"),
                "operator-shell.txt", lines(
                "hft@hft-ny4-01:/opt/hft_system$ ./scripts/get_exchange_filters.sh binance BTC-USDT",
                "  \"filters\": {",
                "    \"PRICE_FILTER\": { \"minPrice\": \"0.01000000\", \"maxPrice\": \"1000000.00000000\", \"tickSize\": \"0.01000000\" },",
                "    \"LOT_SIZE\": { \"minQty\": \"0.00001000\", \"maxQty\": \"9000.00000000\", \"stepSize\": \"0.00001000\" }"));
        assertThat(d).ranksFirst("orders.lot-size-violation").doesNotReport("orders.price-filter-violation")
                .doesNotReport("orders.below-minimum-size");
    }

    @Test
    void priceFilterRejectionsRankThePriceFilterFirst() {
        Diagnosis d = evidence("errors.log", lines(
                "Server error: {\"code\":-1013,\"msg\":\"Filter failure: PRICE_FILTER\"}",
                "Server error: {\"code\":-1013,\"msg\":\"Filter failure: PRICE_FILTER\"}"));
        assertThat(d).ranksFirst("orders.price-filter-violation");
    }

    @Test
    void anInvalidSymbolWrittenInAnotherVenuesFormatIsAFormatError() {
        Diagnosis d = evidence("errors.log", lines(
                "[2026-05-06 09:10:37.405] [errors] [error] binance: order_id: 771132 POST /api/v3/order 400 {\"code\":-1121,\"msg\":\"Invalid symbol.\"} symbol=BTC-USDT",
                "[2026-05-06 09:11:37.405] [errors] [error] binance: order_id: 771133 POST /api/v3/order 400 {\"code\":-1121,\"msg\":\"Invalid symbol.\"} symbol=BTC-USDT"));
        assertThat(d).ranksFirst("orders.invalid-symbol-format").doesNotReport("exchange.symbol-delisted");
    }

    @Test
    void unsupportedOrderTypesRankInvalidOrderTypeFirst() {
        Diagnosis d = evidence("errors.log", lines(
                "2026-05-06 09:10:37,405 - execution - ERROR - binance {\"code\":-2010,\"msg\":\"Market orders are not supported for this symbol.\"}",
                "2026-05-06 09:10:38,405 - execution - ERROR - Invalid order type: STOP_LOSS for kraken"));
        assertThat(d).ranksFirst("orders.invalid-order-type");
    }

    @Test
    void rejectedAmendsRankModificationUnsupportedFirst() {
        Diagnosis d = evidence("orders.log", lines(
                "[2026-05-06 09:10:37.405] [orders] [error] order_id: 771132 amend rejected: Order modification not supported",
                "[2026-05-06 09:11:37.405] [orders] [error] NotSupported: coinbase editOrder() is not supported yet"));
        assertThat(d).ranksFirst("orders.modification-unsupported");
    }

    // ---- 001 Orders Not Being Submitted: timeout vs rate limit

    @Test
    void submissionTimeoutsWithoutRateLimitsMeanTheTimeoutsAreTooTight() {
        Diagnosis d = evidence("journal-trading-execution-engine.txt", lines(
                "Jan 21 10:14:58 pyrt-live-01 execution-engine[1931]: ERROR execution_engine: Order submission timeout",
                "Jan 21 10:15:08 pyrt-live-01 execution-engine[1931]: ERROR execution_engine: Order submission timeout",
                "Jan 21 10:15:18 pyrt-live-01 execution-engine[1931]: ERROR execution_engine: Order submission timeout"));
        assertThat(d).ranksFirst("orders.submission-timeout").doesNotReport("exchange.rate-limited");
    }

    @Test
    void submissionTimeoutsAmongRateLimitErrorsAreThrottling() {
        Diagnosis d = evidence("journal-trading-execution-engine.txt", lines(
                "Jan 21 10:14:58 pyrt-live-01 execution-engine[1931]: ERROR execution_engine: Failed to submit order: API rate limit exceeded",
                "Jan 21 10:14:59 pyrt-live-01 execution-engine[1931]: ERROR execution_engine: Failed to submit order: API rate limit exceeded",
                "Jan 21 10:15:00 pyrt-live-01 execution-engine[1931]: ERROR execution_engine: Failed to submit order: API rate limit exceeded",
                "Jan 21 10:15:08 pyrt-live-01 execution-engine[1931]: ERROR execution_engine: Order submission timeout"));
        assertThat(d).ranksFirst("exchange.rate-limited").doesNotReport("orders.submission-timeout");
    }

    // ---- 4.2 stuck pending

    @Test
    void ordersPendingWithoutAckWhileTheExchangeKnowsThemWereLostInFlight() {
        Diagnosis d = evidence("orders.log", lines(
                "[2026-06-01 10:00:41.001] [orders] [warn] order_id: 55120 stuck in pending for 36 s, no exchange response for order",
                "[2026-06-01 10:00:52.001] [orders] [warn] order_id: 55121 stuck in pending for 47 s, no exchange response for order"),
                "operator-shell.txt", lines(
                "hft@hft-ny4-01:/opt/hft_system$ ./scripts/query_exchange_order.sh binance 41561451224",
                "order_id=55120 local_status=PENDING exchange_status=NEW state mismatch"));
        assertThat(d).ranksFirst("orders.lost-in-flight").planStartsByStoppingDamage();
    }

    @Test
    void pendingOrdersDuringAnExchangeOutageAreTheOutage() {
        Diagnosis d = evidence("orders.log", lines(
                "[2026-06-01 10:00:41.001] [orders] [warn] order_id: 55120 stuck in pending for 36 s, no exchange response for order",
                "[2026-06-01 10:00:52.001] [orders] [warn] order_id: 55121 stuck in pending for 47 s, no exchange response for order"),
                "exchanges.log", lines(
                "[2026-06-01 10:00:30.001] [exchanges] [error] binance: REST POST /api/v3/order -> 503 Service Unavailable",
                "[2026-06-01 10:00:35.001] [exchanges] [error] binance: REST POST /api/v3/order -> 503 Service Unavailable",
                "[2026-06-01 10:00:40.001] [exchanges] [error] binance: REST GET /api/v3/openOrders -> 503 Service Unavailable"));
        assertThat(d).ranksFirst("exchange.api-outage").doesNotReport("orders.lost-in-flight");
    }

    // ---- 4.4 fills not updating positions

    @Test
    void aFillThatFailedToPersistRanksAboveAMissedFill() {
        Diagnosis d = evidence("orders.log", lines(
                "[2026-05-20 11:02:31.118] [orders] [info] fill received order_id: 880408 exchange_order_id: 41561451224 trade_id: 1988881408 ETH-USDT BUY qty: 2.50000 price: 3316.67 status: FILLED",
                "[2026-05-20 11:02:31.121] [orders] [error] fills writer: INSERT INTO fills failed for order_id: 880408 trade_id: 1988881408: server closed the connection unexpectedly"),
                "errors.log", lines(
                "[2026-05-20 11:02:31.121] [errors] [error] position_manager: update skipped for order_id: 880408 (fill not persisted, retries: 0)"));
        assertThat(d).ranksFirst("orders.fill-persist-failed").doesNotReport("orders.fill-event-missed")
                .doesNotReport("orders.position-manager-fault").planStartsByStoppingDamage();
    }

    @Test
    void aFillNotFoundForAnOrderIsAMissedFillEvent() {
        Diagnosis d = evidence("orders.log", lines(
                "[2026-05-20 11:02:31.118] [orders] [error] reconcile: Fill not found for order order_id: 880408 (exchange status FILLED)",
                "[2026-05-20 11:04:31.118] [orders] [error] reconcile: Fill not found for order order_id: 880411 (exchange status FILLED)"));
        assertThat(d).ranksFirst("orders.fill-event-missed").planStartsByStoppingDamage();
    }

    @Test
    void positionManagerErrorsWhileFillsPersistAreAPositionManagerFault() {
        Diagnosis d = evidence("orders.log", lines(
                "[2026-05-20 11:02:31.118] [orders] [info] fill received order_id: 880408 ETH-USDT BUY qty: 2.50000 price: 3316.67 status: FILLED",
                "[2026-05-20 11:02:31.119] [orders] [debug] fill persisted order_id: 880408 trade_id: 1988881408 database write latency_us: 712"),
                "system.log", lines(
                "[2026-05-20 11:02:31.120] [system] [error] position_manager: exception applying fill 880408: KeyError: 'ETH-USDT'",
                "[2026-05-20 11:02:31.121] [system] [error] position_manager: exception applying fill 880409: KeyError: 'ETH-USDT'"));
        assertThat(d).ranksFirst("orders.position-manager-fault").doesNotReport("orders.fill-persist-failed")
                .planStartsByStoppingDamage();
    }

    @Test
    void anOrderTheExchangeReportsFilledWhileTheLocalPositionDisagreesIsAMissedFill() {
        Diagnosis d = evidence(missedFillEvidence());
        assertThat(d).ranksFirst("orders.fill-event-missed")
                .firedRule("An order filled on the exchange while the local position disagrees with the exchange means the fill event was missed")
                .doesNotReport("orders.position-manager-fault");
    }

    @Test
    void theSameDisagreementAfterAFillWasReceivedIsNotAMissedFill() {
        String[] files = missedFillEvidence();
        files[1] = files[1] + "\n[2026-10-20 11:02:20.118] [orders] [info] fill received order_id: 1941160455 BTCUSDT BUY qty: 0.05000000 price: 67112.10";
        Diagnosis d = evidence(files);
        assertThat(d).doesNotReport("orders.fill-event-missed");
    }

    /** query_exchange_order.sh shows the order FILLED; the operator's position check shows the local position behind. */
    private static String[] missedFillEvidence() {
        return new String[] {"operator-shell.txt", lines(
                "hft@hft-ny4-01:/opt/hft_system$ ./scripts/query_exchange_order.sh binance 1941160455",
                "{\"symbol\":\"BTCUSDT\",\"orderId\":1941160455,\"executedQty\":\"0.05000000\",\"status\":\"FILLED\",\"side\":\"BUY\"}",
                "hft@hft-ny4-01:/opt/hft_system$ ./scripts/check_positions.sh BTCUSDT",
                "MISMATCH: local position differs from exchange by 0.05000000"),
                "orders.log", "[2026-10-20 11:02:14.331] [orders] [info] order 1941160455 BTCUSDT BUY 0.05000000 @ 67112.10 NEW ack_us: 1822"};
    }

    @Test
    void orderRequestsThatTimeOutReadingTheAnswerAreSubmissionTimeoutsNotAnUnreachableNetwork() {
        Diagnosis d = evidence("agents.log", lines(
                "2026-08-25 07:00:02,884 ERROR    [execution.oanda] order EUR_USD units=100000 not submitted: requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='api-fxtrade.oanda.com', port=443): Read timed out. (read timeout=1.5)",
                "2026-08-25 07:00:09,402 ERROR    [execution.oanda] order GBP_USD units=50000 not submitted: requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='api-fxtrade.oanda.com', port=443): Read timed out. (read timeout=1.5)"));
        assertThat(d).ranksFirst("orders.submission-timeout").doesNotReport("network.firewall-blocking");
    }

    // ---- 001 High Slippage on Orders

    @Test
    void slippageOnMarketOrdersInThinBooksIsLowLiquidity() {
        Diagnosis d = evidence("analyze_fills.txt", lines(
                "$ python scripts/analyze_fills.py --since \"1 hour ago\"",
                "symbol=SOUN type=MARKET slippage 48.2 bps (thin book, spread 35 bps)",
                "symbol=SOUN type=MARKET slippage 51.0 bps (thin book, spread 38 bps)"));
        assertThat(d).ranksFirst("orders.market-order-low-liquidity");
    }

    @Test
    void slippageThatGrowsWithOrderSizeIsMarketImpact() {
        Diagnosis d = evidence("analyze_fills.txt", lines(
                "$ python scripts/analyze_fills.py --since \"1 hour ago\"",
                "high slippage on AAPL: 22.5 bps avg",
                "slippage grows with order size: <100 sh 1.2 bps, 100-1000 sh 6.8 bps, >1000 sh 22.5 bps"));
        assertThat(d).ranksFirst("orders.large-order-market-impact");
    }

    @Test
    void slippageConcentratedAtTheOpenIsVolatilePeriodTrading() {
        Diagnosis d = evidence("analyze_fills.txt", lines(
                "$ python scripts/analyze_fills.py --since \"1 day ago\"",
                "09:30-09:45 fills=212 avg slippage 31.4 bps",
                "15:45-16:00 fills=188 avg slippage 27.9 bps",
                "10:00-15:30 fills=1033 avg slippage 2.1 bps"));
        assertThat(d).ranksFirst("orders.volatile-period-trading");
    }

    @Test
    void highSlippageAloneLeavesRankedCandidates() {
        Diagnosis d = given(seen("orders.high-slippage", 4));
        assertThat(d).reportsNoCause().hasCandidate("orders.market-order-low-liquidity")
                .hasCandidate("orders.large-order-market-impact");
    }

    // ---- cascade: market data feed down -> risk manager starved -> orders rejected

    @Test
    void ordersRejectedBecauseTheRiskManagerHasNoMarketDataPointAtTheFeed() {
        Diagnosis d = evidence("journal-trading-risk-manager.txt", lines(
                "Jan 21 10:14:38 pyrt-live-01 risk-manager[1902]: 2026-01-21T10:14:38.004112Z  WARN risk_manager: No market data received for 30 seconds",
                "Jan 21 10:14:58 pyrt-live-01 risk-manager[1902]: 2026-01-21T10:14:58.551517Z  WARN risk_manager: order rejected: TSLA buy 20 (no valid mark price)"),
                "journal-trading-market-data.txt", lines(
                "Jan 21 10:14:07 pyrt-live-01 systemd[1]: trading-market-data.service: Main process exited, code=killed, status=6/ABRT",
                "Jan 21 10:14:07 pyrt-live-01 systemd[1]: trading-market-data.service: Failed with result 'signal'."));
        assertThat(d).ranksFirst("market-data.feed-service-down").doesNotReport("orders.trading-disabled");
    }

    // ---- 4.2 stuck pending: the venue has the order, our ack never came

    @Test
    void anOrderPendingPastItsAckTimeoutThatTheVenueShowsOpenWasLostInFlight() {
        Diagnosis d = evidence("orders.log", lines(
                "2026-03-04 14:02:11,201 WARNING order_manager: order 77120 PENDING_NEW after 41.5s, no acknowledgement received from venue"),
                "operator-shell.txt", lines(
                "ops@algo-01:~$ ./scripts/query_exchange_order.sh coinbase 4f1c2a",
                "{\"order_id\": \"4f1c2a\", \"status\": \"OPEN\", \"filled_size\": \"0\"}"));
        assertThat(d).ranksFirst("orders.lost-in-flight")
                .firedRule("An order stuck pending that the exchange shows open reached the venue; only its ack was lost");
    }

    @Test
    void aPendingOrderWithoutTheVenueShowingItIsOnlyStuck() {
        Diagnosis d = evidence("orders.log", lines(
                "2026-03-04 14:02:11,201 WARNING order_manager: order 77120 PENDING_NEW after 41.5s, no acknowledgement received from venue"));
        assertThat(d).recognises("orders.stuck-pending");
        assertThat(d.causes()).noneMatch(c -> c.supportingRules().stream().anyMatch(r -> r.rule().equals(
                "An order stuck pending that the exchange shows open reached the venue; only its ack was lost")));
    }

    // ---- 4.4 position manager

    @Test
    void aPositionManagerInvariantFailureWhileFillsArriveIsAPositionManagerFault() {
        Diagnosis d = evidence("positions.log", lines(
                "2026-09-09T12:27:12.074Z ERROR position_manager: reconcile: cached position BTC-USD 2.5 does not match fills total 1.0",
                "2026-09-09T12:27:13.101Z INFO  fills: fill received order_id=991 BTC-USD BUY 0.5 @ 61840.10"));
        assertThat(d).ranksFirst("orders.position-manager-fault");
    }

    // ---- 001 High Slippage: where the slippage concentrates decides the cause

    @Test
    void slippageInSomeNamesOnlyWithMarketOrdersIsLowLiquidity() {
        Diagnosis d = evidence("execution.log", lines(
                "2026-10-15 11:05:38,100 INFO execution: fill: SOUN sell 300 @ 5.02 expected=5.07 slippage_bps=98.6",
                "2026-10-15 11:06:10,100 INFO execution: fill: MSFT sell 300 @ 418.59 expected=418.60 slippage_bps=0.2",
                "2026-10-15 11:07:41,100 INFO execution: fill: SOUN buy 200 @ 5.11 expected=5.06 slippage_bps=87.0",
                "2026-10-15 11:08:03,100 INFO execution: fill: MSFT buy 200 @ 418.66 expected=418.60 slippage_bps=1.4"),
                "config.json", "{\"execution\": {\"default_order_type\": \"market\"}}");
        assertThat(d).ranksFirst("orders.market-order-low-liquidity").doesNotReport("orders.large-order-market-impact");
    }

    @Test
    void theSameNameSlippingOnlyOnFarLargerOrdersIsMarketImpact() {
        Diagnosis d = evidence("execution.log", lines(
                "2026-11-18 12:11:03,089 INFO execution: fill: AMZN buy 250 @ 201.35 slippage_bps=0.8",
                "2026-11-18 12:12:39,205 WARNING execution: slippage AMZN: avg_fill=201.82 decision=201.33 slippage_bps=24.1 qty=3900"));
        assertThat(d).ranksFirst("orders.large-order-market-impact").doesNotReport("orders.volatile-period-trading");
    }

    @Test
    void theClockInsideATimestampIsNotTheTimeOfDayOfSlippage() {
        Diagnosis d = evidence("execution.log", lines(
                "2026-11-18T12:15:50.748723Z WARN execution_engine: slippage AMZN: slippage_bps=12.7"));
        assertThat(d).doesNotReport("orders.volatile-period-trading");
        assertThat(d.symptoms()).noneMatch(s -> s.id().equals("orders.slippage-at-open-close"));
    }

    @Test
    void slippageAtTheOpenAndCloseWithCleanMiddayFillsIsTheTimeOfDay() {
        Diagnosis d = evidence("execution.log", lines(
                "2026-12-01T09:31:02Z WARN execution_engine: fill: TSLA 100 @ 351.90 decision=351.10 slippage_bps=22.8",
                "2026-12-01T12:10:44Z INFO execution_engine: fill: TSLA 100 @ 350.42 decision=350.40 slippage_bps=0.6",
                "2026-12-01T15:52:19Z WARN execution_engine: fill: TSLA 100 @ 352.61 decision=351.90 slippage_bps=20.2"));
        assertThat(d).ranksFirst("orders.volatile-period-trading");
    }
}
