package triage.rules;

import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;

import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/market-data.drl: 003 sections 3.1-3.3, 5.1-5.2; 001 market data service, risk manager, data feed stopped. */
class MarketDataRulesTest {

    private static final String RISK_STARVED = lines(
            "Jan 21 10:14:38 pyrt-live-01 risk-manager[1902]: 2026-01-21T10:14:38.004112Z  WARN risk_manager: No market data received for 30 seconds",
            "Jan 21 10:14:58 pyrt-live-01 risk-manager[1902]: 2026-01-21T10:14:58.551337Z ERROR risk_manager: Cannot calculate position value without market data",
            "Jan 21 10:14:58 pyrt-live-01 risk-manager[1902]: 2026-01-21T10:14:58.551517Z  WARN risk_manager: order rejected: TSLA buy 20 (no valid mark price)",
            "Jan 21 10:16:00 pyrt-live-01 risk-manager[1902]: 2026-01-21T10:16:00.054264Z  WARN risk_manager: No market data received for 112 seconds");

    @Test
    void aCrashedMarketDataServiceStarvingTheRiskManagerIsTheLocalFeed() {
        Diagnosis d = evidence("journal-trading-risk-manager.txt", RISK_STARVED,
                "systemctl-status.txt", lines(
                        "$ sudo systemctl status trading-market-data --no-pager",
                        "× trading-market-data.service - py_rt Market Data Service",
                        "     Loaded: loaded (/etc/systemd/system/trading-market-data.service; enabled; preset: enabled)",
                        "     Active: failed (Result: signal) since Wed 2026-01-21 10:14:07 UTC; 9min ago",
                        "$ python scripts/monitor_zmq.py --port 5555 --seconds 10",
                        "listening on tcp://127.0.0.1:5555 for 10s ...",
                        "received 0 messages"));
        assertThat(d).ranksFirst("market-data.feed-service-down").doesNotReport("market-data.primary-feed-down")
                .planStartsByStoppingDamage();
    }

    @Test
    void aMarketDataUnitInARestartLoopIsOnlyACandidate() {
        Diagnosis d = evidence("journalctl-trading.txt", lines(
                "Mar 10 09:24:06 pyrt-prod-01 market-data[52210]: Error: Address already in use",
                "Mar 10 09:24:06 pyrt-prod-01 systemd[1]: trading-market-data.service: Main process exited, code=exited, status=1/FAILURE",
                "Mar 10 09:24:06 pyrt-prod-01 systemd[1]: trading-market-data.service: Failed with result 'exit-code'.",
                "Mar 10 09:24:12 pyrt-prod-01 systemd[1]: trading-market-data.service: Scheduled restart job, restart counter is at 1.",
                "Mar 10 09:24:12 pyrt-prod-01 systemd[1]: trading-market-data.service: Main process exited, code=exited, status=1/FAILURE",
                "Mar 10 09:24:12 pyrt-prod-01 systemd[1]: trading-market-data.service: Failed with result 'exit-code'."));
        assertThat(d).doesNotReport("market-data.feed-service-down").hasCandidate("market-data.feed-service-down");
    }

    @Test
    void noDataAfterARestartWithTheServiceRunningMeansThePrimaryFeedIsDown() {
        Diagnosis d = evidence("journal-trading-market-data.txt", lines(
                "Jan 21 10:20:01 pyrt-live-01 systemd[1]: Started trading-market-data.service - py_rt Market Data Service.",
                "Jan 21 10:20:02 pyrt-live-01 market-data[2211]: 2026-01-21T10:20:02.101Z ERROR market_data: WebSocket connection failed: HTTP 503 Service Unavailable (wss://stream.data.alpaca.markets/v2/iex)",
                "Jan 21 10:20:07 pyrt-live-01 market-data[2211]: 2026-01-21T10:20:07.101Z  WARN market_data: reconnecting attempt 2 to wss://stream.data.alpaca.markets/v2/iex",
                "Jan 21 10:20:12 pyrt-live-01 market-data[2211]: 2026-01-21T10:20:12.101Z ERROR market_data: WebSocket connection failed: HTTP 503 Service Unavailable (wss://stream.data.alpaca.markets/v2/iex)",
                "Jan 21 10:20:22 pyrt-live-01 market-data[2211]: 2026-01-21T10:20:22.101Z ERROR market_data: WebSocket connection failed: HTTP 503 Service Unavailable (wss://stream.data.alpaca.markets/v2/iex)"),
                "journal-trading-risk-manager.txt", lines(
                "Jan 21 10:20:40 pyrt-live-01 risk-manager[1902]: 2026-01-21T10:20:40.004Z  WARN risk_manager: No market data received for 30 seconds"),
                "systemctl-status.txt", lines(
                "$ sudo systemctl status trading-market-data --no-pager",
                "● trading-market-data.service - py_rt Market Data Service",
                "     Active: active (running) since Wed 2026-01-21 10:20:01 UTC; 2min ago"));
        assertThat(d).ranksFirst("market-data.primary-feed-down").doesNotReport("market-data.feed-service-down")
                .planStartsByStoppingDamage();
    }

    @Test
    void aFeedThatRejectsOurCredentialsIsNotADeadFeed() {
        Diagnosis d = evidence("journalctl-trading.txt", lines(
                "Mar 17 12:58:42 pyrt-paper-01 systemd[1]: Started trading-market-data.service - py_rt market data service.",
                "Mar 17 12:58:42 pyrt-paper-01 market-data[30361]: ERROR market_data: auth rejected: [{\"T\":\"error\",\"code\":402,\"msg\":\"auth failed\"}]",
                "Mar 17 12:58:42 pyrt-paper-01 market-data[30361]: ERROR market_data: Failed to authenticate with Alpaca",
                "Mar 17 12:58:50 pyrt-paper-01 risk-manager[30380]:  WARN risk_manager: No market data received for 30 seconds"));
        assertThat(d).doesNotReport("market-data.primary-feed-down");
    }

    @Test
    void oneSilentSymbolWhileOthersFlowWithoutASubscriptionIsNotSubscribed() {
        Diagnosis d = evidence("market_data.log", lines(
                "[2026-02-03 14:30:00.101] [market_data] [info] Subscribed to binance:BTC-USDT:ticker",
                "[2026-02-03 14:30:00.102] [market_data] [info] Subscribed to binance:ETH-USDT:ticker",
                "[2026-02-03 14:31:00.102] [market_data] [debug] binance:BTC-USDT:ticker bid: 67097.54 ask: 67097.55 latency_us: 171"),
                "metrics.prom", lines(
                "# TYPE market_data_messages_by_symbol counter",
                "market_data_messages_by_symbol{symbol=\"BTC-USDT\"} 81231",
                "market_data_messages_by_symbol{symbol=\"ETH-USDT\"} 60412",
                "market_data_messages_by_symbol{symbol=\"SOL-USDT\"} 0"));
        assertThat(d).ranksFirst("market-data.symbol-not-subscribed").doesNotReport("exchange.symbol-halted");
    }

    @Test
    void manySymbolsWithHighLatencyAreASubscriptionOverload() {
        Diagnosis d = evidence("journal-trading-market-data.txt", lines(
                "Feb 09 09:31:00 algo-rt-01 market-data[1733]:  INFO market_data: subscribed to 240 symbols on wss://stream.data.alpaca.markets/v2/sip",
                "Feb 09 09:31:30 algo-rt-01 market-data[1733]:  WARN market_data: Message processing latency high: 250ms",
                "Feb 09 09:32:00 algo-rt-01 market-data[1733]:  WARN market_data: Message processing latency high: 410ms"),
                "top.txt", lines(
                "  PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND",
                " 1733 trader    20   0 1288404 361220  12345 R  97.3   2.2  52:19.01 market-data"));
        assertThat(d).ranksFirst("market-data.subscription-overload");
    }

    @Test
    void highLatencyWithOnlyEightSymbolsIsNotASubscriptionOverload() {
        Diagnosis d = evidence("journal-trading-market-data.txt", lines(
                "Feb 09 09:30:40 algo-rt-01 market-data[1733]:  INFO market_data: stream heartbeat ok msgs_last_30s=377 symbols=8 lag_ms=11",
                "Feb 09 09:31:30 algo-rt-01 market-data[1733]:  WARN market_data: Message processing latency high: 250ms",
                "Feb 09 09:32:00 algo-rt-01 market-data[1733]:  WARN market_data: Message processing latency high: 4100ms"));
        assertThat(d).doesNotReport("market-data.subscription-overload");
    }

    private static final String CROSSED = lines(
            "[2026-04-02 11:07:44.902] [market_data] [warning] orderbook binance:BTC-USDT crossed book: best_bid 84215.31 >= best_ask 84210.44",
            "[2026-04-02 11:07:51.120] [market_data] [warning] orderbook binance:BTC-USDT crossed book: best_bid 84219.02 >= best_ask 84214.15");

    @Test
    void anExplicitSequenceGapRanksTheGapAboveMissedUpdates() {
        Diagnosis d = evidence("market_data.log", lines(
                "[2026-04-02 11:07:42.318] [market_data] [error] Market data sequence gap binance:BTC-USDT:orderbook expected U: 62018833245 got U: 62018833282 (37 updates missed)",
                "[2026-04-02 11:07:42.319] [market_data] [warning] orderbook binance:BTC-USDT state VALID -> INVALID (sequence gap)") + "\n" + CROSSED);
        assertThat(d).ranksFirst("market-data.sequence-gap").doesNotReport("market-data.orderbook-missed-updates");
    }

    @Test
    void aCrossedBookThatASnapshotFixesWithoutAGapMeansMissedUpdates() {
        Diagnosis d = evidence("market_data.log", CROSSED + "\n" + lines(
                "[2026-04-02 11:09:02.001] [market_data] [info] orderbook binance:BTC-USDT snapshot lastUpdateId: 62018871102 applied, replayed 9 buffered events, book VALID"));
        assertThat(d).ranksFirst("market-data.orderbook-missed-updates").doesNotReport("market-data.sequence-gap")
                .hasCandidate("market-data.parser-bug");
    }

    @Test
    void theExchangeDepthShowingTheSameCrossedBookIsBadExchangeData() {
        Diagnosis d = evidence("market_data.log", CROSSED, "operator-notes.txt", lines(
                "2026-04-02 11:10:00 checked REST depth api/v3/depth?symbol=BTCUSDT: exchange depth also crossed (bid 84215.31 > ask 84210.44)"));
        assertThat(d).ranksFirst("market-data.exchange-bad-data").doesNotReport("market-data.orderbook-missed-updates");
    }

    @Test
    void aBookStillWrongAfterAFreshSnapshotWhileTheExchangeIsRightIsOurParser() {
        Diagnosis d = evidence("market_data.log", CROSSED + "\n" + lines(
                "[2026-04-02 11:12:10.001] [market_data] [error] orderbook binance:BTC-USDT still crossed after fresh snapshot lastUpdateId: 62018871102",
                "[2026-04-02 11:12:11.001] [market_data] [info] exchange depth is valid: best_bid 84210.01 best_ask 84210.02"));
        assertThat(d).ranksFirst("market-data.parser-bug").doesNotReport("market-data.orderbook-missed-updates")
                .doesNotReport("market-data.exchange-bad-data");
    }

    // ---- 3.3 time order around a fresh snapshot

    @Test
    void aGapHealedAtOnceByASnapshotWhileTheBookStaysBadAfterItIsOurParser() {
        Diagnosis d = evidence("md.log", lines(
                "2026-08-19T11:04:12.982Z WARN md: depth sanity check failed ETH-USDT: level qty 9.91 is 40x the median level",
                "2026-08-19T11:06:39.788Z WARN md: sequence gap ETH-USDT: expected 4812 got 4815, resyncing",
                "2026-08-19T11:06:50.353Z INFO md: ETH-USDT book reset from REST snapshot (lastUpdateId=48120903)",
                "2026-08-19T11:09:20.140Z WARN md: depth sanity check failed ETH-USDT: level qty 3.05 is 40x the median level"));
        assertThat(d).ranksFirst("market-data.parser-bug").doesNotReport("market-data.sequence-gap");
    }

    @Test
    void aSingleGapHealedBySnapshotWithTheBookNeverBrokenIsNoise() {
        Diagnosis d = evidence("md.log", lines(
                "2026-08-19T11:06:39.788Z WARN md: sequence gap ETH-USDT: expected 4812 got 4815, resyncing",
                "2026-08-19T11:06:50.353Z INFO md: ETH-USDT book reset from REST snapshot (lastUpdateId=48120903)"));
        assertThat(d).doesNotReport("market-data.sequence-gap");
    }

    @Test
    void anInvalidBookWhoseChecksumMatchesTheVenueIsTheVenuesData() {
        Diagnosis d = evidence("md.log", lines(
                "2026-03-31T12:12:42Z WARN book: suspicious quote on XBT/USD best_bid=67120.1 best_ask=0.1 checksum=ok",
                "2026-03-31T12:13:08Z WARN book: suspicious quote on XBT/USD best_bid=67120.4 best_ask=0.1 checksum=ok"));
        assertThat(d).ranksFirst("market-data.exchange-bad-data").doesNotReport("market-data.parser-bug");
    }

    @Test
    void oneBookChecksumMismatchFollowedByAResubscribeIsNotACorruptFileNorAParserBug() {
        Diagnosis d = evidence("errors.log", lines(
                "[2026-06-16 13:38:52.640] [errors] [warning] market_data: okx book checksum mismatch BTC-USDT, resubscribed books5"));
        assertThat(d).doesNotReport("market-data.parser-bug").doesNotReport("data-integrity.corrupt-data-file");
    }

    @Test
    void marketDataThreadsPeggedOnAHugeUniverseAreAnOverloadNotABusyLoop() {
        Diagnosis d = evidence("md.log", lines(
                "2026-10-06 09:00:01,339 INFO md: watchlist loaded: 480 instruments across 2 venues",
                "2026-10-06 09:05:25,278 WARNING md: Message processing latency high: 310ms"),
                "top-H.txt", lines(
                "    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND",
                "   2214 hft_user  20   0   31.2g  23.8g  41212 R  99.8  18.9 484:12.40 md_feed_0"));
        assertThat(d).ranksFirst("market-data.subscription-overload").doesNotReport("service.busy-loop");
    }

    @Test
    void aQuoteMissingForOneInstrumentThatWasNeverSubscribedIsNotSubscribed() {
        Diagnosis d = evidence("strategy.log", lines(
                "2026-05-27 13:30:13,237 INFO data_client: Subscribed to quotes for EURUSD.IDEALPRO",
                "2026-05-27 13:30:21,398 INFO data_client: QuoteTick EURUSD.IDEALPRO received, 824 ticks/min",
                "2026-05-27 13:31:26,312 WARNING carry: no price for NZDJPY.IDEALPRO yet, waiting"));
        assertThat(d).ranksFirst("market-data.symbol-not-subscribed");
    }
}
