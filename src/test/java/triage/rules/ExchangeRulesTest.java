package triage.rules;

import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;

import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/exchange.drl: 003 section 2.2 exchange connection failures, 8.1-8.4 exchange issues, 10.2 connection drops. */
class ExchangeRulesTest {

    private static final String IP_REFUSED_LOG = lines(
            "[2026-03-09 08:00:12.104] [exchanges] [info] binance: POST /api/v3/userDataStream -> 401 {\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}",
            "[2026-03-09 08:00:33.332] [exchanges] [error] binance: REST POST /api/v3/order 401 latency_us: 9057 body: {\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}",
            "[2026-03-09 08:00:33.332] [exchanges] [error] binance: Access denied: IP not allowed for API key ****Qm7x (egress 203.0.113.47)",
            "[2026-03-09 08:00:38.187] [exchanges] [error] binance: REST POST /api/v3/order 401 latency_us: 9593 body: {\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}",
            "[2026-03-09 08:00:38.187] [exchanges] [error] binance: Access denied: IP not allowed for API key ****Qm7x (egress 203.0.113.47)");

    private static final String KEY_REJECTED_LOG = lines(
            "2026-03-09 08:00:12,104 - exchanges.binance - ERROR - binance.exceptions.BinanceAPIException: APIError(code=-2015): Invalid API-key, IP, or permissions for action.",
            "2026-03-09 08:00:16,824 - exchanges.binance - ERROR - binance.exceptions.BinanceAPIException: APIError(code=-2015): Invalid API-key, IP, or permissions for action.",
            "2026-03-09 08:00:21,101 - exchanges.binance - ERROR - binance.exceptions.BinanceAPIException: APIError(code=-2015): Invalid API-key, IP, or permissions for action.");

    @Test
    void repeatedRateLimitResponsesRankRateLimitingFirst() {
        Diagnosis d = given(seen("exchange.http-429", 12));
        assertThat(d).ranksFirst("exchange.rate-limited")
                .firedRule("Repeated rate-limit responses mean the exchange is throttling us");
    }

    @Test
    void aSingleRateLimitThatRecoversIsNotReported() {
        Diagnosis d = given(seen("exchange.http-429", 1), seen("exchange.requests-succeed-after-backoff"));
        assertThat(d).doesNotReport("exchange.rate-limited");
    }


    /** Twin of the above: repeated, the same rate-limit answer is reported. */
    @Test
    void repeatedRateLimitsAreReported() {
        Diagnosis d = given(seen("exchange.http-429", 5));
        assertThat(d).ranksFirst("exchange.rate-limited");
    }

    @Test
    void binanceRateLimitLogLinesAreRecognised() {
        Diagnosis d = evidence("exchanges.log", lines(
                "2026-05-06 09:10:01,120 - exchanges.binance - ERROR - binance 429 Too Many Requests {\"code\":-1003,\"msg\":\"Too many requests; current limit is 1200 requests per minute.\"}",
                "2026-05-06 09:10:02,311 - exchanges.binance - ERROR - binance 429 Too Many Requests {\"code\":-1003,\"msg\":\"Too many requests; current limit is 1200 requests per minute.\"}",
                "2026-05-06 09:10:03,007 - exchanges.binance - ERROR - APIError(code=-1003): Way too much request weight used; IP banned until 1618636066762."));
        assertThat(d).ranksFirst("exchange.rate-limited").doesNotReport("exchange.ip-restricted");
        org.assertj.core.api.Assertions.assertThat(d.causes().get(0).evidence())
                .anySatisfy(e -> org.assertj.core.api.Assertions.assertThat(e.source()).endsWith("exchanges.log:1"));
    }

    @Test
    void exchangeErrorsWithAWorkingNetworkMeanAnOutage() {
        Diagnosis d = given(seen("exchange.api-unavailable", 5), seen("exchange.connection-failed", 3));
        assertThat(d).ranksFirst("exchange.api-outage").planStartsByStoppingDamage();
    }

    @Test
    void exchangeErrorsWhileTheNetworkIsDownAreNotBlamedOnTheExchange() {
        Diagnosis d = given(seen("exchange.api-unavailable", 5), seen("network.dns-lookup-failed", 4));
        assertThat(d).ranksFirst("network.dns-resolution-failure").doesNotReport("exchange.api-outage");
    }

    @Test
    void krakenServiceUnavailableLinesMeanAnOutage() {
        Diagnosis d = evidence("exchanges.log", lines(
                "2026-04-02 14:01:10,220 - exchanges.kraken - ERROR - kraken {\"error\":[\"EService:Unavailable\"]}",
                "2026-04-02 14:01:15,311 - exchanges.kraken - ERROR - kraken {\"error\":[\"EService:Unavailable\"]}",
                "2026-04-02 14:01:20,907 - exchanges.kraken - ERROR - Exchange connection timeout (kraken, 10000 ms)"));
        assertThat(d).ranksFirst("exchange.api-outage").doesNotReport("exchange.maintenance");
    }

    // ---- maintenance: "Connection refused" with an announcement

    @Test
    void refusedConnectionsDuringAnnouncedMaintenanceRankMaintenanceFirst() {
        Diagnosis d = evidence("exchanges.log", lines(
                "[2026-06-01 02:00:03.114] [exchanges] [info] binance: GET /sapi/v1/system/status -> {\"status\": 1, \"msg\": \"system maintenance\"}",
                "[2026-06-01 02:00:05.402] [exchanges] [error] binance: WebSocket connection failed: Connection refused (wss://stream.binance.com:9443/ws)",
                "[2026-06-01 02:00:15.410] [exchanges] [error] binance: WebSocket connection failed: Connection refused (wss://stream.binance.com:9443/ws)",
                "[2026-06-01 02:00:25.433] [exchanges] [error] binance: WebSocket connection failed: Connection refused (wss://stream.binance.com:9443/ws)"));
        assertThat(d).ranksFirst("exchange.maintenance").doesNotReport("exchange.api-outage").planStartsByStoppingDamage();
    }

    @Test
    void maintenanceExplainsThePendingOrdersItCauses() {
        Diagnosis d = evidence("exchanges.log", lines(
                "[2026-06-01 02:00:03.114] [exchanges] [warn] kraken: {\"error\":[\"EService:Market in cancel_only mode\"]}",
                "[2026-06-01 02:00:05.402] [exchanges] [error] kraken: connect wss://ws.kraken.com failed: Connection refused"),
                "orders.log", lines(
                "[2026-06-01 02:00:41.001] [orders] [warn] order_id: 55120 stuck in pending for 36 s, no exchange response for order",
                "[2026-06-01 02:00:52.001] [orders] [warn] order_id: 55121 stuck in pending for 47 s, no exchange response for order"));
        assertThat(d).ranksFirst("exchange.maintenance").doesNotReport("orders.lost-in-flight");
    }

    @Test
    void refusedConnectionsWithoutAnnouncementLeaveMaintenanceAndOutageAsCandidates() {
        Diagnosis d = evidence("exchanges.log", lines(
                "[2026-06-01 02:00:05.402] [exchanges] [error] coinbase: connect wss://advanced-trade-ws.coinbase.com failed: ECONNREFUSED"));
        assertThat(d).hasCandidate("exchange.maintenance").hasCandidate("exchange.api-outage")
                .doesNotReport("exchange.maintenance");
    }

    // ---- IP restriction vs invalid key (-2015 names both)

    @Test
    void anExplicitIpRefusalRanksIpRestrictionAboveAnInvalidKey() {
        Diagnosis d = evidence("exchanges.log", IP_REFUSED_LOG);
        assertThat(d).ranksFirst("exchange.ip-restricted")
                .firedRule("The exchange refusing this server's IP means an IP or location restriction")
                .doesNotReport("auth.exchange-api-key-invalid");
    }

    @Test
    void bareMinus2015LeavesTheKeyAndTheIpRestrictionAsRankedCandidates() {
        // -2015 names key, IP and permissions at once: without other evidence nothing is certain
        Diagnosis d = evidence("exchanges.log", KEY_REJECTED_LOG);
        assertThat(d).reportsNoCause().hasCandidate("auth.exchange-api-key-invalid").hasCandidate("exchange.ip-restricted");
        org.assertj.core.api.Assertions.assertThat(d.insufficientEvidence()).isTrue();
    }

    @Test
    void theSameKeyWorkingFromTheOldHostFlipsMinus2015ToAnIpRestriction() {
        Diagnosis d = evidence("exchanges.log", KEY_REJECTED_LOG, "operator-shell.txt", lines(
                "hft@hft-ny4-02:/opt/hft_system$ ssh hft-ny4-01 './scripts/test_api_key.sh binance'",
                "[test_api_key] GET https://api.binance.com/api/v3/account (signed) -> 200 canTrade=true",
                "[test_api_key] RESULT: OK",
                "hft@hft-ny4-02:/opt/hft_system$ ./scripts/binance_key_restrictions.sh",
                "{",
                "  \"ipRestrict\": true,",
                "  \"enableSpotAndMarginTrading\": true",
                "}"));
        assertThat(d).ranksFirst("exchange.ip-restricted").doesNotReport("auth.exchange-api-key-invalid");
    }

    @Test
    void geoBlockedLocationsAreAnIpRestriction() {
        Diagnosis d = evidence("exchanges.log", lines(
                "2026-03-09 08:00:12,104 - exchanges.binance - ERROR - 451 {\"code\":0,\"msg\":\"Service unavailable from a restricted location according to 'b. Eligibility' in https://www.binance.com/en/terms. Please contact customer service if you believe you received this message in error.\"}"));
        assertThat(d).ranksFirst("exchange.ip-restricted");
    }

    // ---- API version deprecated

    @Test
    void deprecationWarningsAndRetiredEndpointsMeanADeprecatedApiVersion() {
        Diagnosis d = evidence("exchanges.log", lines(
                "[2026-07-01 09:00:01.000] [exchanges] [warning] binance: endpoint GET /api/v1/ticker/24hr is deprecated and will be removed; use /api/v3/ticker/24hr",
                "[2026-07-15 09:00:01.000] [exchanges] [error] binance: REST GET /api/v1/ticker/24hr 410 Gone",
                "[2026-07-15 09:00:06.000] [exchanges] [error] binance: REST GET /api/v1/ticker/24hr 410 Gone"));
        assertThat(d).ranksFirst("exchange.api-version-deprecated");
    }

    @Test
    void anUnrelatedPythonDeprecationWarningIsNotAnApiProblem() {
        Diagnosis d = evidence("strategies.log", lines(
                "/opt/hft/venv/lib/python3.12/site-packages/pandas/core/frame.py:123: DeprecationWarning: datetime.datetime.utcnow() is deprecated and scheduled for removal in a future version."));
        assertThat(d).reportsNoCause();
    }

    // ---- listen key

    @Test
    void anExpiredListenKeyStopsTheUserDataStream() {
        Diagnosis d = evidence("exchanges.log", lines(
                "[2026-05-20 11:00:00.112] [exchanges] [warning] binance: user data stream event {\"e\":\"listenKeyExpired\",\"E\":1699596037418,\"listenKey\":\"OfYGbUzi3PraNagEkdKuFwUHn48brFsItTdsuiIXrucEvD0rhRXZ7I6URWfE8YE8\"}",
                "[2026-05-20 11:00:01.402] [exchanges] [error] binance: PUT /api/v3/userDataStream keepalive failed: 400 {\"code\":-1125,\"msg\":\"This listenKey does not exist.\"}"));
        assertThat(d).ranksFirst("exchange.listen-key-expired").planStartsByStoppingDamage();
    }

    // ---- symbol delisted vs wrong format (see OrdersRulesTest for the format side)

    @Test
    void anInvalidSymbolTheVenueNoLongerListsIsADelisting() {
        Diagnosis d = evidence("errors.log", lines(
                "[2026-05-06 09:10:37.405] [errors] [error] binance: order_id: 771132 POST /api/v3/order 400 {\"code\":-1121,\"msg\":\"Invalid symbol.\"} symbol=BTTUSDT",
                "[2026-05-06 09:11:37.405] [errors] [error] binance: order_id: 771133 POST /api/v3/order 400 {\"code\":-1121,\"msg\":\"Invalid symbol.\"} symbol=BTTUSDT"),
                "operator-shell.txt", lines(
                "hft@hft-ny4-01:/opt/hft_system$ curl -s \"https://api.binance.com/api/v3/exchangeInfo?symbol=BTTUSDT\"",
                "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}"));
        assertThat(d).ranksFirst("exchange.symbol-delisted").doesNotReport("orders.invalid-symbol-format");
    }

    @Test
    void anInvalidSymbolAloneLeavesDelistingAndFormatAsCandidates() {
        Diagnosis d = evidence("errors.log", lines(
                "2026-05-06 09:10:37,405 - exchanges - ERROR - ccxt.base.errors.BadSymbol: binance {\"code\":-1121,\"msg\":\"Invalid symbol.\"}"));
        assertThat(d).hasCandidate("exchange.symbol-delisted").hasCandidate("orders.invalid-symbol-format");
    }

    // ---- symbol halted vs not subscribed

    @Test
    void aSubscribedSymbolTheVenueHaltedRanksTheHaltFirst() {
        Diagnosis d = evidence("market_data.log", lines(
                "[2026-02-03 14:30:00.101] [market_data] [info] Subscribed to alpaca:NVDA:quotes",
                "[2026-02-03 14:30:00.102] [market_data] [info] Subscribed to alpaca:AAPL:quotes"),
                "metrics.prom", lines(
                "market_data_messages_by_symbol{symbol=\"NVDA\"} 0",
                "market_data_messages_by_symbol{symbol=\"AAPL\"} 5121"),
                "operator-shell.txt", lines(
                "pyrt@pyrt-live-01:~$ curl -s https://paper-api.alpaca.markets/v2/assets/NVDA | jq '{symbol, status, tradable}'",
                "{\"symbol\": \"NVDA\", \"status\": \"active\", \"tradable\": false}",
                "pyrt@pyrt-live-01:~$ grep -i halt logs/market_data.log | tail -1",
                "2026-02-03 14:29:58 WARN market_data: NVDA trading halted (LULD pause)"));
        assertThat(d).ranksFirst("exchange.symbol-halted").ranksAbove("exchange.symbol-halted", "market-data.symbol-not-subscribed");
    }

    // ---- session dropped vs the routine 24 h disconnect

    @Test
    void aHeartbeatTimeoutAndAbnormalCloseMeanTheSessionDropped() {
        Diagnosis d = evidence("exchanges.log", lines(
                "[2026-02-17 14:22:31.779] [exchanges] [warning] binance: Heartbeat timeout: no frame received for 30005 ms on wss://stream.binance.com:9443/stream (conn_id: 7)",
                "[2026-02-17 14:22:31.780] [exchanges] [error] binance: WebSocket connection closed code: 1006 reason: \"\" clean: false (conn_id: 7, uptime: 5h41m17s)",
                "[2026-02-17 14:22:31.781] [exchanges] [info] binance: exchange status connected -> disconnected; order routing paused for binance",
                "[2026-02-17 14:22:36.522] [exchanges] [info] binance: exchange status disconnected -> connected; order routing resumed for binance"),
                "api-v1-status.json", "{\"exchanges\": {\"binance\": {\"status\": \"disconnected\", \"websocket\": \"reconnecting\"}}}");
        assertThat(d).ranksFirst("exchange.session-dropped")
                .firedRule("A heartbeat timeout followed by an abnormal close means the exchange session dropped");
    }

    @Test
    void pythonWebsocketsAbnormalCloseIsASessionDrop() {
        Diagnosis d = evidence("market_feed.log", lines(
                "2026-02-17 14:22:31,780 - feed.binance - ERROR - websockets.exceptions.ConnectionClosedError: sent 1011 (internal error) keepalive ping timeout; no close frame received"));
        assertThat(d).ranksFirst("exchange.session-dropped");
    }

    @Test
    void theDailyBinanceDisconnectThatReconnectsAtOnceIsSilent() {
        Diagnosis d = evidence("exchanges.log", lines(
                "[2026-08-11 08:00:11.402] [exchanges] [warn] binance: WebSocket connection closed code: 1001 reason: \"\" (conn_id: 7, connected since 2026-08-10 08:00:10, uptime_s: 86401)",
                "[2026-08-11 08:00:11.403] [exchanges] [info] binance: scheduling reconnect in 250 ms (attempt 1)",
                "[2026-08-11 08:00:12.142] [exchanges] [info] binance: reconnect complete (downtime_ms: 338)",
                "[2026-08-11 08:00:12.312] [exchanges] [warn] kraken: REST POST /0/private/OpenOrders -> {\"error\":[\"EAPI:Rate limit exceeded\"]} counter: 15/15, retrying in 1000 ms"),
                "market_data.log", lines(
                "[2026-08-11 08:00:11.405] [market_data] [warn] binance: books BTC-USDT ETH-USDT marked STALE until resync (connection closed by venue)",
                "[2026-08-11 08:00:12.098] [market_data] [info] orderbook binance:BTC-USDT snapshot lastUpdateId: 71622918344 applied, replayed 41 buffered events, book VALID"));
        assertThat(d).reportsNoCause();
    }

    @Test
    void aFrontendWebSocketReconnectIsNotAnExchangeSession() {
        Diagnosis d = evidence("browser-console.txt", lines(
                "useWebSocketManager.ts:88 [ws] closed code=1006 reason=\"\" -> status Disconnected, reconnecting in 5000ms",
                "useWebSocketManager.ts:88 [ws] closed code=1006 reason=\"\" -> status Disconnected, reconnecting in 10000ms"));
        assertThat(d).doesNotReport("exchange.session-dropped");
    }

    // ---- nonce: clock drift vs wraparound

    @Test
    void invalidNoncesAfterTheNonceWentBackwardsWithASyncedClockAreAWraparound() {
        Diagnosis d = evidence("exchanges.log", lines(
                "2026-09-30 03:12:01,001 - exchanges.kraken - ERROR - kraken {\"error\":[\"EAPI:Invalid nonce\"]}",
                "2026-09-30 03:12:01,002 - exchanges.kraken - WARNING - nonce 4294967301 lower than previous 18446744073709551610 (counter wrapped)",
                "2026-09-30 03:12:02,117 - exchanges.kraken - ERROR - kraken {\"error\":[\"EAPI:Invalid nonce\"]}"),
                "chronyc-tracking.txt", lines(
                "Reference ID    : A9FEA97B (169.254.169.123)",
                "System time     : 0.000012204 seconds fast of NTP time",
                "Leap status     : Normal"));
        assertThat(d).ranksFirst("exchange.nonce-wraparound").doesNotReport("host.clock-drift");
    }

    @Test
    void invalidNoncesWithADriftingClockAreTheClock() {
        Diagnosis d = evidence("exchanges.log", lines(
                "2026-09-30 03:12:01,001 - exchanges.kraken - ERROR - kraken {\"error\":[\"EAPI:Invalid nonce\"]}",
                "2026-09-30 03:12:02,117 - exchanges.kraken - ERROR - kraken {\"error\":[\"EAPI:Invalid nonce\"]}"),
                "chronyc-tracking.txt", lines("System time     : 2.514000000 seconds slow of NTP time"));
        assertThat(d).ranksFirst("host.clock-drift").doesNotReport("exchange.nonce-wraparound");
    }

    @Test
    void invalidNoncesBelowTheLastAcceptedNonceAreAWraparoundNotASharedKey() {
        Diagnosis d = evidence("exchanges.log", lines(
                "2026-12-02T17:02:49Z DEBUG kraken: POST /0/private/Balance nonce=2147480012 -> 200",
                "2026-12-02T17:03:00Z ERROR kraken: POST /0/private/AddOrder nonce=1208 -> EAPI:Invalid nonce",
                "2026-12-02T17:03:13Z ERROR kraken: POST /0/private/AddOrder nonce=13630 -> EAPI:Invalid nonce"),
                "chronyc-tracking.txt", lines(
                "System time     : 0.000004211 seconds fast of NTP time",
                "Leap status     : Normal"));
        assertThat(d).ranksFirst("exchange.nonce-wraparound").doesNotReport("auth.api-key-shared-across-systems");
    }
}
