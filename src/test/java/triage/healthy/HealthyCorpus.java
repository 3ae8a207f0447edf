package triage.healthy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Writes hours of normal operation of one of the five platforms as an evidence bundle, in the
 * platform's own log layouts: routine INFO, one disconnect that recovers, one HTTP 429 that a retry
 * absorbs, a planned restart, a deploy, a log rotation and a configuration reload, plus a Prometheus
 * scrape and the platform's health JSON. Seeded: the same seed writes the same bundle.
 */
final class HealthyCorpus {

    enum Platform { HFT, NAUTILUS, PYRT, SPRINT3, TMT }

    private static final DateTimeFormatter ISO_MS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter PY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
    private static final DateTimeFormatter JOURNAL = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter RUST = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");
    private static final DateTimeFormatter REDIS = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss.SSS", Locale.ENGLISH);

    /** Lines of each file, kept with their time so streams written separately interleave in order. */
    private final Map<String, List<Timed>> files = new LinkedHashMap<>();
    /** The files written whole by {@link #put}, not line by line. */
    private final java.util.Set<String> documents = new java.util.HashSet<>();
    private final Random random;
    private final long start;
    private final long hours;

    private record Timed(long millis, int order, String text) {
    }

    private HealthyCorpus(long seed, int hours) {
        this.random = new Random(seed);
        // a weekday in the year the cases are set in, at a random hour of the trading day
        this.start = LocalDateTime.of(2026, 3 + random.nextInt(8), 2 + random.nextInt(25), 7 + random.nextInt(4), random.nextInt(60), 0)
                .toEpochSecond(ZoneOffset.UTC) * 1000;
        this.hours = hours;
    }

    /** Writes one platform's bundle of {@code hours} hours into {@code dir}. */
    static void write(Platform platform, long seed, int hours, Path dir) {
        generate(platform, seed, hours).flush(dir);
    }

    /**
     * The log lines of one platform's bundle (every stream written line by line, in time order; not the
     * whole documents such as health JSON, metrics or shell transcripts).
     */
    static List<String> logLines(Platform platform, long seed, int hours) {
        HealthyCorpus c = generate(platform, seed, hours);
        return c.files.entrySet().stream().filter(f -> !c.documents.contains(f.getKey()))
                .flatMap(f -> f.getValue().stream())
                .sorted(Comparator.comparingLong(Timed::millis).thenComparingInt(Timed::order))
                .map(Timed::text).toList();
    }

    private static HealthyCorpus generate(Platform platform, long seed, int hours) {
        HealthyCorpus c = new HealthyCorpus(seed, hours);
        switch (platform) {
            case HFT -> c.hft();
            case NAUTILUS -> c.nautilus();
            case PYRT -> c.pyrt();
            case SPRINT3 -> c.sprint3();
            case TMT -> c.tmt();
        }
        return c;
    }

    // ---------------------------------------------------------------- HFT C++ (Binance, Coinbase, Kraken)

    private void hft() {
        long end = start + hours * 3600_000;
        String host = "hft-ny4-0" + (1 + random.nextInt(3));
        for (long t = start; t < end; t += 20_000 + random.nextInt(400)) {
            hftLog(t, "exchanges", "debug", "binance: ping frame received, pong sent (conn_id: 3)");
        }
        for (long t = start + 2_000; t < end; t += 30_000 + random.nextInt(500)) {
            hftLog(t, "exchanges", "debug", "coinbase: heartbeats channel counter: " + (t - start) / 1000 + " product_id: BTC-USD");
        }
        for (long t = start + 5_000; t < end; t += 45_000 + random.nextInt(20_000)) {
            hftLog(t, "exchanges", "debug", "binance: REST GET /api/v3/depth?symbol=BTCUSDT&limit=100 200 latency_us: "
                    + (8000 + random.nextInt(6000)) + " x-mbx-used-weight-1m: " + (5 + random.nextInt(60)));
        }
        for (long t = start + 9_000; t < end; t += 60_000 + random.nextInt(300)) {
            hftLog(t, "exchanges", "debug", "kraken: heartbeat ws.kraken.com (status online)");
            hftLog(t + 1_000, "market_data", "info", "stats msgs_per_s: " + (2800 + random.nextInt(1500)) + " queue_depth: "
                    + random.nextInt(60) + "/65536 p99_latency_us: " + (220 + random.nextInt(120)) + " books: 6");
            hftLog(t + 3_000, "system", "info", "health cpu_pct: " + (38 + random.nextInt(18)) + " rss_mb: " + (6100 + random.nextInt(80))
                    + " fds: " + (410 + random.nextInt(20)) + " threads: 48 gc: none");
        }
        String[] books = {"binance:BTC-USDT", "binance:ETH-USDT", "coinbase:BTC-USD", "kraken:XBT/USD"};
        for (long t = start + 1_000; t < end; t += 8_000 + random.nextInt(12_000)) {
            String book = books[random.nextInt(books.length)];
            double mid = book.contains("ETH") ? 3450 + random.nextInt(20) : 66900 + random.nextInt(200);
            hftLog(t, "market_data", "debug", book + ":ticker bid: " + price(mid) + " ask: " + price(mid + 0.01)
                    + " latency_us: " + (100 + random.nextInt(220)));
        }
        for (long t = start + 4_000; t < end; t += 25_000 + random.nextInt(10_000)) {
            hftLog(t, "system", "info", "database write latency_ms: " + (1.5 + random.nextInt(30) / 10.0) + " table: fills batch: " + (4 + random.nextInt(35)));
        }
        for (long t = start + 7_000; t < end; t += 40_000 + random.nextInt(60_000)) {
            String side = random.nextBoolean() ? "BUY" : "SELL";
            String id = "hft-" + (700_000 + random.nextInt(100_000));
            hftLog(t, "orders", "info", "binance: NEW " + side + " BTCUSDT LIMIT qty: 0.010 px: " + price(66900 + random.nextInt(200))
                    + " client_order_id: " + id + " ack_latency_us: " + (600 + random.nextInt(900)));
            hftLog(t + 30 + random.nextInt(200), "orders", "info", "binance: executionReport " + id + " status: FILLED cum_qty: 0.010");
        }
        long disconnect = at(0.35);
        hftLog(disconnect, "exchanges", "warn", "coinbase: WebSocket connection closed code: 1006 reason: \"\" (conn_id: 4, uptime_s: 40211)");
        hftLog(disconnect + 1, "market_data", "warn", "coinbase: books BTC-USD marked STALE until resync");
        hftLog(disconnect + 2, "exchanges", "info", "coinbase: scheduling reconnect in 500 ms (attempt 1)");
        hftLog(disconnect + 505, "exchanges", "info", "coinbase: WebSocket connected (conn_id: 5) tls: TLSv1.3 remote: 104.18.36.7:443 handshake_ms: 88");
        hftLog(disconnect + 600, "exchanges", "info", "coinbase: subscribed channels: level2 ticker heartbeats product_ids: BTC-USD ETH-USD");
        hftLog(disconnect + 820, "market_data", "info", "orderbook coinbase:BTC-USD snapshot applied, sequence: 91822071233, book VALID");
        hftLog(disconnect + 821, "exchanges", "info", "coinbase: reconnect complete (downtime_ms: 821)");

        long limited = at(0.5);
        hftLog(limited, "exchanges", "warn", "binance: REST GET /api/v3/openOrders 429 {\"code\":-1003,\"msg\":\"Too many requests; current limit of IP(10.0.4.12) request weight is 6000 per minute.\"} Retry-After: 1, retrying in 1000 ms");
        hftLog(limited + 1_010, "exchanges", "info", "binance: REST GET /api/v3/openOrders 200 (retry 1) latency_us: 14020 x-mbx-used-weight-1m: 1210");

        long reload = at(0.6);
        journal(reload, host, "systemd[1]", "Reloading hft_system.service - HFT trading system...");
        hftLog(reload + 20, "system", "info", "SIGHUP received, reloading /etc/hft_system/config.yaml");
        hftLog(reload + 140, "system", "info", "configuration reloaded: 3 exchanges, 4 strategies, risk limits unchanged");
        journal(reload + 150, host, "systemd[1]", "Reloaded hft_system.service - HFT trading system.");

        long rotate = at(0.7);
        journal(rotate, host, "systemd[1]", "Starting logrotate.service - Rotate log files...");
        hftLog(rotate + 300, "system", "info", "log files reopened after rotation (SIGUSR1)");
        journal(rotate + 420, host, "systemd[1]", "logrotate.service: Deactivated successfully.");
        journal(rotate + 421, host, "systemd[1]", "Finished logrotate.service - Rotate log files.");

        long deploy = at(0.8);
        journal(deploy, host, "sudo[81234]", "   deploy : TTY=pts/0 ; PWD=/opt/hft_system ; USER=root ; COMMAND=/usr/bin/install -m 0755 build/hft_system /opt/hft_system/bin/hft_system");
        journal(deploy + 2_000, host, "sudo[81240]", "   deploy : TTY=pts/0 ; PWD=/opt/hft_system ; USER=root ; COMMAND=/usr/bin/systemctl restart hft_system");
        plannedHftRestart(deploy + 2_100, host, "3.4.3");
        writeHftStatus();
        writeHftMetrics();
    }

    private void plannedHftRestart(long t, String host, String version) {
        journal(t, host, "systemd[1]", "Stopping hft_system.service - HFT trading system...");
        hftLog(t + 5, "system", "info", "SIGTERM received, shutting down: cancel-on-disconnect armed, open orders: 0");
        hftLog(t + 400, "system", "info", "shutdown complete");
        journal(t + 450, host, "systemd[1]", "hft_system.service: Deactivated successfully.");
        journal(t + 451, host, "systemd[1]", "Stopped hft_system.service - HFT trading system.");
        journal(t + 460, host, "systemd[1]", "Started hft_system.service - HFT trading system.");
        hftLog(t + 700, "system", "info", "hft_system " + version + " starting, config /etc/hft_system/config.yaml");
        for (String ex : List.of("binance", "coinbase", "kraken")) {
            hftLog(t + 1_500, "exchanges", "info", ex + ": WebSocket connected (conn_id: 1)");
            hftLog(t + 1_600, "exchanges", "info", ex + ": subscribed");
        }
        hftLog(t + 2_000, "system", "info", "trading enabled, 4 strategies running");
    }

    private void hftLog(long t, String component, String level, String message) {
        add(component + ".log", t, "[" + ISO_MS.format(utc(t)) + "] [" + component + "] [" + level + "] " + message);
    }

    private void writeHftStatus() {
        put("api-v1-status.json", """
                {
                  "status": "ok",
                  "version": "3.4.3",
                  "uptime_seconds": %d,
                  "timestamp": "%s",
                  "trading_enabled": true,
                  "exchanges": {
                    "binance": {"status": "connected", "ws_connections": 2, "last_message_ms_ago": %d, "reconnects_24h": 0},
                    "coinbase": {"status": "connected", "ws_connections": 1, "last_message_ms_ago": %d, "reconnects_24h": 1},
                    "kraken": {"status": "connected", "ws_connections": 1, "last_message_ms_ago": %d, "reconnects_24h": 0}
                  },
                  "strategies": {"running": 4, "stopped": 0, "errored": 0},
                  "risk": {"circuit_breaker": "closed", "daily_pnl_usd": %s, "max_drawdown_pct": 0.4},
                  "database": {"status": "connected", "write_latency_ms": 2.8}
                }
                """.formatted(hours * 3600 / 5, isoZ(start + hours * 3600_000), 5 + random.nextInt(40), 10 + random.nextInt(60),
                30 + random.nextInt(80), price(1200 + random.nextInt(3000))));
    }

    private void writeHftMetrics() {
        StringBuilder m = new StringBuilder("$ curl -s http://localhost:8080/api/v1/metrics\n");
        gauge(m, "hft_exchange_connected", "1 when the exchange session is up.", "exchange", new String[]{"binance", "coinbase", "kraken"}, i -> 1);
        counter(m, "hft_ws_reconnects_total", "WebSocket reconnects.", "exchange", new String[]{"binance", "coinbase", "kraken"}, i -> i == 1 ? 1 : 0);
        counter(m, "hft_orders_sent_total", "Orders sent.", "exchange", new String[]{"binance", "coinbase", "kraken"}, i -> 1000 + random.nextInt(4000));
        counter(m, "hft_orders_rejected_total", "Orders rejected by the exchange.", "exchange", new String[]{"binance", "coinbase", "kraken"}, i -> 0);
        counter(m, "hft_http_429_total", "HTTP 429 answers.", "exchange", new String[]{"binance", "coinbase", "kraken"}, i -> i == 0 ? 1 : 0);
        m.append("# HELP hft_md_latency_us Market data latency.\n# TYPE hft_md_latency_us summary\n");
        m.append("hft_md_latency_us{quantile=\"0.5\"} ").append(120 + random.nextInt(40)).append('\n');
        m.append("hft_md_latency_us{quantile=\"0.99\"} ").append(250 + random.nextInt(80)).append('\n');
        processMetrics(m);
        put("metrics.txt", m.toString());
    }

    // ---------------------------------------------------------------- NautilusTrader integration (Python)

    private void nautilus() {
        long end = start + hours * 3600_000;
        String host = "nautilus-prod-01";
        for (long t = start + 11_000; t < end; t += 60_000 + random.nextInt(600)) {
            py(t, "nautilus-integration.log", "nautilus_integration.services.position_sync", "INFO",
                    "position sync ok instruments=6 discrepancies=0 duration_ms=" + (40 + random.nextInt(45)));
        }
        for (long t = start + 3_000; t < end; t += 20_000 + random.nextInt(25_000)) {
            String who = random.nextInt(3) == 0 ? "127.0.0.1" : "10.20.4." + (20 + random.nextInt(10));
            String path = who.startsWith("127") ? "/health/f8" : "/api/positions";
            py(t, "nautilus-integration.log", "uvicorn.access", "INFO", who + ":" + (40000 + random.nextInt(20000)) + " - \"GET " + path + " HTTP/1.1\" 200");
        }
        for (long t = start + 27_000; t < end; t += 30_000 + random.nextInt(5_000)) {
            py(t, "nautilus-integration.log", "nautilus_integration.core.metrics", "INFO", "PERFORMANCE api_p95_ms="
                    + (18 + random.nextInt(200) / 10.0) + " orders_per_min=" + (12 + random.nextInt(30)) + " ws_clients=" + (2 + random.nextInt(7)));
        }
        String[] instruments = {"EURUSD.SIM", "GBPUSD.SIM", "USDJPY.SIM"};
        for (long t = start + 9_000; t < end; t += 40_000 + random.nextInt(120_000)) {
            String id = "O-" + (202_600_000_000L + random.nextInt(99_999));
            py(t, "nautilus-integration.log", "nautilus_integration.services.f8_integration_orchestrator", "INFO",
                    "F8IntegrationOrchestrator: order " + id + " ACCEPTED instrument=" + instruments[random.nextInt(3)]);
            py(t + 120 + random.nextInt(300), "nautilus-integration.log", "nautilus_integration.services.f8_integration_orchestrator", "INFO",
                    "F8IntegrationOrchestrator: order " + id + " FILLED qty=10000");
        }
        long disconnect = at(0.3);
        py(disconnect, "nautilus-integration.log", "nautilus_integration.adapters.data_client", "WARNING",
                "market data websocket closed by peer (code=1006), reconnecting in 1.0s");
        py(disconnect + 1_050, "nautilus-integration.log", "nautilus_integration.adapters.data_client", "INFO",
                "market data websocket reconnected, resubscribed instruments=6");
        long limited = at(0.45);
        py(limited, "nautilus-integration.log", "httpx", "INFO",
                "HTTP Request: GET https://api.venue.example/v1/positions \"HTTP/1.1 429 Too Many Requests\"");
        py(limited + 2, "nautilus-integration.log", "nautilus_integration.services.position_sync", "WARNING",
                "venue rate limited the snapshot request, retrying in 2.0s (attempt 1/3)");
        py(limited + 2_010, "nautilus-integration.log", "httpx", "INFO",
                "HTTP Request: GET https://api.venue.example/v1/positions \"HTTP/1.1 200 OK\"");
        py(limited + 2_090, "nautilus-integration.log", "nautilus_integration.services.position_sync", "INFO",
                "position sync ok instruments=6 discrepancies=0 duration_ms=81");
        long reload = at(0.55);
        py(reload, "nautilus-integration.log", "nautilus_integration.core.config", "INFO", "configuration reloaded from config/f8_integration.yaml (3 keys changed)");
        long rotate = at(0.65);
        journal(rotate, host, "systemd[1]", "Starting logrotate.service - Rotate log files...");
        journal(rotate + 300, host, "systemd[1]", "logrotate.service: Deactivated successfully.");
        journal(rotate + 301, host, "systemd[1]", "Finished logrotate.service - Rotate log files.");
        long deploy = at(0.75);
        journal(deploy, host, "sudo[40111]", "     ops : TTY=pts/0 ; PWD=/opt/nautilus-integration ; USER=nautilus ; COMMAND=/usr/bin/git pull --ff-only");
        journal(deploy + 9_000, host, "pip[40130]", "Successfully installed nautilus-integration-2.4.2");
        journal(deploy + 12_000, host, "sudo[40150]", "     ops : TTY=pts/0 ; PWD=/opt/nautilus-integration ; USER=root ; COMMAND=/usr/bin/systemctl restart nautilus-integration");
        long restart = deploy + 12_100;
        journal(restart, host, "systemd[1]", "Stopping nautilus-integration.service - NautilusTrader integration API...");
        py(restart + 10, "nautilus-integration.log", "uvicorn.error", "INFO", "Shutting down");
        py(restart + 40, "nautilus-integration.log", "uvicorn.error", "INFO", "Waiting for application shutdown.");
        py(restart + 300, "nautilus-integration.log", "uvicorn.error", "INFO", "Application shutdown complete.");
        py(restart + 301, "nautilus-integration.log", "uvicorn.error", "INFO", "Finished server process [1622]");
        journal(restart + 400, host, "systemd[1]", "nautilus-integration.service: Deactivated successfully.");
        journal(restart + 401, host, "systemd[1]", "Stopped nautilus-integration.service - NautilusTrader integration API.");
        journal(restart + 410, host, "systemd[1]", "Started nautilus-integration.service - NautilusTrader integration API.");
        py(restart + 1_900, "nautilus-integration.log", "uvicorn.error", "INFO", "Started server process [40188]");
        py(restart + 1_901, "nautilus-integration.log", "uvicorn.error", "INFO", "Waiting for application startup.");
        py(restart + 2_600, "nautilus-integration.log", "nautilus_integration.main", "INFO", "connected to PostgreSQL nautilus_db and Redis, engine connected");
        py(restart + 2_700, "nautilus-integration.log", "uvicorn.error", "INFO", "Application startup complete.");
        py(restart + 2_701, "nautilus-integration.log", "uvicorn.error", "INFO", "Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)");
        put("health.json", """
                {"status": "healthy", "database": "ok", "redis": "ok", "engine": "connected", "version": "2.4.2",
                 "position_sync": {"last_ok": "%s", "discrepancies": 0, "failures_1h": 0}, "orders_pending": 0}
                """.formatted(isoZ(end - 30_000)));
        StringBuilder m = new StringBuilder();
        counter(m, "nautilus_orders_total", "Orders by status.", "status", new String[]{"accepted", "filled", "rejected"}, i -> i == 2 ? 0 : 300 + random.nextInt(50));
        gauge(m, "nautilus_position_discrepancies", "Open discrepancies found by position sync.", "venue", new String[]{"SIM"}, i -> 0);
        processMetrics(m);
        put("metrics.prom", m.toString());
    }

    // ---------------------------------------------------------------- py_rt (Rust services, Alpaca)

    private void pyrt() {
        long end = start + hours * 3600_000;
        String host = "pyrt-prod-01";
        for (long t = start; t < end; t += 10_000 + random.nextInt(200)) {
            rust(t, host, "market-data", 1187, "INFO", "market_data", "published " + (12000 + random.nextInt(4000)) + " quotes / "
                    + (2500 + random.nextInt(800)) + " trades in last 10s on tcp://127.0.0.1:5555");
        }
        String[] symbols = {"AAPL", "MSFT", "NVDA", "AMD", "TSLA", "META"};
        for (long t = start + 3_000; t < end; t += 15_000 + random.nextInt(30_000)) {
            String id = UUID.nameUUIDFromBytes(Long.toString(t).getBytes(StandardCharsets.UTF_8)).toString();
            rust(t, host, "execution-engine", 1302, "INFO", "execution_engine", "order accepted id=" + id + " "
                    + symbols[random.nextInt(symbols.length)] + (random.nextBoolean() ? " buy" : " sell") + " qty=" + (5 + random.nextInt(40))
                    + " type=limit status=accepted http=200 in " + (38 + random.nextInt(30)) + "ms");
        }
        for (long t = start + 7_000; t < end; t += 30_000 + random.nextInt(300)) {
            rust(t, host, "risk-manager", 1244, "INFO", "risk_manager", "portfolio value $" + (250_000 + random.nextInt(3000)) + "."
                    + (10 + random.nextInt(89)) + " positions=12 exposure=0." + (38 + random.nextInt(10)));
        }
        for (long t = start + 5_000; t < end; t += 60_000 + random.nextInt(300)) {
            rust(t, host, "signal-bridge", 1290, "INFO", "signal_bridge", "signals computed for 6 symbols in " + (3 + random.nextInt(6)) + "ms");
        }
        long disconnect = at(0.3);
        rust(disconnect, host, "market-data", 1187, "WARN", "market_data", "websocket closed by server: Close(Some(CloseFrame { code: Away, reason: \"\" })), reconnecting (attempt 1, backoff 1s)");
        rust(disconnect + 1_300, host, "market-data", 1187, "INFO", "market_data", "connected to wss://stream.data.alpaca.markets/v2/iex");
        rust(disconnect + 1_420, host, "market-data", 1187, "INFO", "market_data", "authenticated; subscribed to trades, quotes and bars for 6 symbols");
        long limited = at(0.45);
        rust(limited, host, "execution-engine", 1302, "WARN", "execution_engine", "alpaca returned 429 Too Many Requests for POST /v2/orders, retrying in 1000ms (attempt 1/5)");
        rust(limited + 1_060, host, "execution-engine", 1302, "INFO", "execution_engine", "order accepted id=" + UUID.nameUUIDFromBytes(new byte[]{1}) + " AAPL buy qty=10 type=limit status=accepted http=200 in 61ms");
        long reload = at(0.55);
        journal(reload, host, "systemd[1]", "Reloading trading-risk-manager.service - py_rt risk manager...");
        rust(reload + 30, host, "risk-manager", 1244, "INFO", "risk_manager", "SIGHUP: reloaded config/risk.toml (max_position_size=1000, max_daily_loss=5000)");
        journal(reload + 40, host, "systemd[1]", "Reloaded trading-risk-manager.service - py_rt risk manager.");
        long rotate = at(0.62);
        journal(rotate, host, "systemd[1]", "Starting logrotate.service - Rotate log files...");
        journal(rotate + 250, host, "systemd[1]", "logrotate.service: Deactivated successfully.");
        journal(rotate + 251, host, "systemd[1]", "Finished logrotate.service - Rotate log files.");
        long deploy = at(0.75);
        journal(deploy, host, "python3[30340]", "ansible-ansible.builtin.copy Invoked with src=/tmp/release/signal-bridge dest=/opt/py_rt/bin/signal-bridge mode=0755 backup=True");
        journal(deploy + 4_000, host, "python3[30451]", "ansible-ansible.builtin.systemd Invoked with name=trading-signal-bridge state=restarted daemon_reload=False enabled=None force=None masked=None scope=system no_block=False");
        long restart = deploy + 4_100;
        journal(restart, host, "systemd[1]", "Stopping trading-signal-bridge.service - py_rt signal bridge...");
        rust(restart + 5, host, "signal-bridge", 1290, "INFO", "signal_bridge", "received SIGTERM, shutting down gracefully");
        journal(restart + 200, host, "systemd[1]", "trading-signal-bridge.service: Deactivated successfully.");
        journal(restart + 201, host, "systemd[1]", "Stopped trading-signal-bridge.service - py_rt signal bridge.");
        journal(restart + 210, host, "systemd[1]", "Started trading-signal-bridge.service - py_rt signal bridge.");
        rust(restart + 600, host, "signal-bridge", 31002, "INFO", "signal_bridge", "signal-bridge 0.9.4 starting; subscribed to tcp://127.0.0.1:5555");
        for (long t = restart + 60_000; t < end; t += 60_000 + random.nextInt(300)) {
            rust(t, host, "signal-bridge", 31002, "INFO", "signal_bridge", "signals computed for 6 symbols in " + (3 + random.nextInt(6)) + "ms");
        }
        StringBuilder m = new StringBuilder("$ curl -s http://localhost:9090/metrics\n");
        counter(m, "execution_orders_submitted_total", "Orders submitted to Alpaca", null, new String[]{""}, i -> 400 + random.nextInt(100));
        counter(m, "execution_orders_rejected_total", "Orders refused by Alpaca.", "status", new String[]{"403", "422"}, i -> 0);
        counter(m, "execution_rate_limit_errors", "HTTP 429 responses from Alpaca", null, new String[]{""}, i -> 1);
        gauge(m, "market_data_websocket_connected", "1 while the Alpaca stream is up.", null, new String[]{""}, i -> 1);
        gauge(m, "risk_circuit_breaker_open", "1 while the circuit breaker is open.", null, new String[]{""}, i -> 0);
        processMetrics(m);
        put("metrics.txt", m.toString());
        put("health.json", """
                {"status": "ok", "services": {"market-data": "running", "execution-engine": "running", "risk-manager": "running", "signal-bridge": "running"},
                 "alpaca": {"account_status": "ACTIVE", "trading_blocked": false}, "websocket": "connected", "checked_at": "%s"}
                """.formatted(isoZ(end)));
    }

    private void rust(long t, String host, String unit, int pid, String level, String target, String message) {
        add("journal-trading.txt", t, JOURNAL.format(utc(t)) + " " + host + " " + unit + "[" + pid + "]: "
                + RUST.format(utc(t)) + " " + String.format("%5s", level) + " " + target + ": " + message);
    }

    // ---------------------------------------------------------------- Sprint 3 (docker compose, FastAPI, Redis, Postgres)

    private void sprint3() {
        long end = start + hours * 3600_000;
        String[] topics = {"portfolio_updates", "analytics_updates", "risk_alerts"};
        for (long t = start; t < end; t += 15_000 + random.nextInt(20_000)) {
            compose(t, "backend-1", py(t, "backend.websocket.websocket_manager", "INFO", "broadcast topic=" + topics[random.nextInt(3)]
                    + " recipients=" + (150 + random.nextInt(300)) + " batch=" + (30 + random.nextInt(30))));
        }
        for (long t = start + 6_000; t < end; t += 20_000 + random.nextInt(3_000)) {
            compose(t, "backend-1", py(t, "backend.risk.risk_monitor", "INFO", "risk cycle complete portfolio=PORTFOLIO_00"
                    + (1 + random.nextInt(3)) + " var_95=" + price(150_000 + random.nextInt(40_000)) + " duration_ms=" + (80 + random.nextInt(90))));
        }
        for (long t = start + 9_000; t < end; t += 30_000 + random.nextInt(25_000)) {
            compose(t, "backend-1", "INFO:     172.18.0." + (1 + random.nextInt(9)) + ":" + (30000 + random.nextInt(30000)) + " - \"GET /health HTTP/1.1\" 200 OK");
        }
        for (long t = start + 12_000; t < end; t += 45_000 + random.nextInt(10_000)) {
            compose(t, "backend-1", py(t, "backend.analytics.real_time_engine", "INFO", "streamed metrics snapshot portfolios=3 symbols=24 lag_ms=" + (30 + random.nextInt(80))));
        }
        for (long t = start + 20_000; t < end; t += 300_000 + random.nextInt(3_000)) {
            compose(t, "nautilus-redis", "1:M " + REDIS.format(utc(t)) + " * 100 changes in 300 seconds. Saving...");
            compose(t + 1, "nautilus-redis", "1:M " + REDIS.format(utc(t + 1)) + " * Background saving started by pid " + (200 + random.nextInt(800)));
            compose(t + 60, "nautilus-redis", "1:M " + REDIS.format(utc(t + 60)) + " * Background saving terminated with success");
        }
        for (long t = start + 40_000; t < end; t += 300_000) {
            compose(t, "nautilus-postgres", ISO_MS.format(utc(t)) + " UTC [61] LOG:  checkpoint starting: time");
            compose(t + 4_000, "nautilus-postgres", ISO_MS.format(utc(t + 4_000)) + " UTC [61] LOG:  checkpoint complete: wrote "
                    + (40 + random.nextInt(300)) + " buffers (0.3%); 0 WAL file(s) added, 0 removed, 0 recycled; write=3.912 s, sync=0.004 s, total=3.930 s");
        }
        long disconnect = at(0.3);
        compose(disconnect, "backend-1", py(disconnect, "backend.websocket.websocket_manager", "INFO", "client disconnected client_id=dash-4411 code=1001 subscriptions=3"));
        compose(disconnect + 2_300, "backend-1", "INFO:     172.18.0.7:51022 - \"WebSocket /ws/sprint3\" [accepted]");
        compose(disconnect + 2_301, "backend-1", "INFO:     connection open");
        compose(disconnect + 2_350, "backend-1", py(disconnect + 2_350, "backend.websocket.websocket_manager", "INFO", "client connected client_id=dash-4411 resubscribed topics=3"));
        long limited = at(0.45);
        compose(limited, "backend-1", py(limited, "httpx", "INFO", "HTTP Request: GET https://data.alpaca.markets/v2/stocks/bars?symbols=AAPL,MSFT&timeframe=1Min \"HTTP/1.1 429 Too Many Requests\""));
        compose(limited + 3, "backend-1", py(limited + 3, "backend.market_data.provider", "WARNING", "rate limited by provider, retrying in 1.0s (attempt 1/3)"));
        compose(limited + 1_020, "backend-1", py(limited + 1_020, "httpx", "INFO", "HTTP Request: GET https://data.alpaca.markets/v2/stocks/bars?symbols=AAPL,MSFT&timeframe=1Min \"HTTP/1.1 200 OK\""));
        long reload = at(0.55);
        compose(reload, "nautilus-postgres", ISO_MS.format(utc(reload)) + " UTC [1] LOG:  received SIGHUP, reloading configuration files");
        compose(reload + 2, "nautilus-postgres", ISO_MS.format(utc(reload + 2)) + " UTC [1] LOG:  parameter \"log_min_duration_statement\" changed to \"500\"");
        compose(reload + 3_000, "prometheus-1", "ts=" + isoZ(reload + 3_000) + " caller=main.go:1372 level=info msg=\"Loading configuration file\" filename=/etc/prometheus/prometheus.yml");
        compose(reload + 3_040, "prometheus-1", "ts=" + isoZ(reload + 3_040) + " caller=main.go:1409 level=info msg=\"Completed loading of configuration file\" filename=/etc/prometheus/prometheus.yml totalDuration=38.1ms");
        long deploy = at(0.75);
        compose(deploy, "backend-1", "INFO:     Shutting down");
        compose(deploy + 20, "backend-1", "INFO:     Waiting for application shutdown.");
        compose(deploy + 300, "backend-1", "INFO:     Application shutdown complete.");
        compose(deploy + 301, "backend-1", "INFO:     Finished server process [1]");
        compose(deploy + 5_000, "backend-1", "INFO:     Started server process [1]");
        compose(deploy + 5_001, "backend-1", "INFO:     Waiting for application startup.");
        compose(deploy + 5_800, "backend-1", py(deploy + 5_800, "backend.main", "INFO", "Sprint 3 backend 3.4.1 starting: database, redis and websocket manager initialised"));
        compose(deploy + 5_900, "backend-1", "INFO:     Application startup complete.");
        compose(deploy + 5_901, "backend-1", "INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)");
        long rotate = at(0.85);
        journal(rotate, "sprint3-app-01", "systemd[1]", "Starting logrotate.service - Rotate log files...");
        journal(rotate + 180, "sprint3-app-01", "systemd[1]", "logrotate.service: Deactivated successfully.");
        journal(rotate + 181, "sprint3-app-01", "systemd[1]", "Finished logrotate.service - Rotate log files.");
        put("deploy-shell.txt", """
                ops@sprint3-app-01:~/nautilus-trading$ git pull --ff-only
                Updating 3f1c2a9..8be41d0
                Fast-forward
                 backend/analytics/real_time_engine.py | 12 ++++++------
                 1 file changed, 6 insertions(+), 6 deletions(-)
                ops@sprint3-app-01:~/nautilus-trading$ docker compose up -d --build backend
                [+] Building 41.2s (12/12) FINISHED
                [+] Running 1/1
                 ✔ Container nautilus-trading-backend-1  Started
                ops@sprint3-app-01:~/nautilus-trading$ docker compose ps
                NAME                            IMAGE                        SERVICE      STATUS                   PORTS
                nautilus-postgres               timescale/timescaledb:2.14   postgres     Up 9 days (healthy)      5432/tcp
                nautilus-redis                  redis:7-alpine               redis        Up 9 days (healthy)      6379/tcp
                nautilus-trading-backend-1      nautilus-trading-backend     backend      Up 2 minutes (healthy)   0.0.0.0:8000->8000/tcp
                nautilus-trading-frontend-1     nautilus-trading-frontend    frontend     Up 9 days                0.0.0.0:3000->3000/tcp
                """);
        put("health.json", """
                {"status": "healthy", "components": {"database": "healthy", "redis": "healthy", "websocket": "healthy",
                 "risk_monitoring": "running", "analytics": "healthy"}, "version": "3.4.1", "uptime_seconds": 5321}
                """);
        StringBuilder m = new StringBuilder();
        counter(m, "http_requests_total", "HTTP requests.", "status", new String[]{"200", "404", "500"}, i -> i == 0 ? 9000 + random.nextInt(900) : i == 1 ? 3 : 0);
        gauge(m, "websocket_active_connections", "Open WebSocket connections.", null, new String[]{""}, i -> 300 + random.nextInt(150));
        processMetrics(m);
        put("metrics.prom", m.toString());
    }

    private void compose(long t, String service, String text) {
        add("docker-compose-logs.txt", t, String.format("%-19s | %s", service, text));
    }

    // ---------------------------------------------------------------- TMT agents (FastAPI agents, MT5/OANDA)

    private void tmt() {
        long end = start + hours * 3600_000;
        String host = "tmt-prod-01";
        for (long t = start; t < end; t += 45_000 + random.nextInt(40_000)) {
            tmtLog(t, "circuit-breaker.log", "INFO", "circuit_breaker.monitor", "drawdown check ok: daily_dd=-0." + (10 + random.nextInt(25))
                    + "% threshold=-3.00% open_positions=" + (3 + random.nextInt(3)));
        }
        for (long t = start + 4_000; t < end; t += 60_000 + random.nextInt(5_000)) {
            tmtLog(t, "circuit-breaker.log", "INFO", "uvicorn.access", "127.0.0.1:" + (40000 + random.nextInt(9000)) + " - \"GET /health HTTP/1.1\" 200");
            tmtLog(t + 500, "market-analysis.log", "INFO", "market_analysis.signals", "EUR_USD signal=neutral confidence=0." + (40 + random.nextInt(30))
                    + " GBP_USD signal=" + (random.nextBoolean() ? "long" : "neutral") + " confidence=0." + (50 + random.nextInt(30)));
        }
        String[] pairs = {"EUR_USD", "GBP_USD", "USD_JPY"};
        for (long t = start + 8_000; t < end; t += 90_000 + random.nextInt(120_000)) {
            String pair = pairs[random.nextInt(3)];
            tmtLog(t, "execution-engine.log", "INFO", "execution.engine", "[execution-engine] OANDA order filled " + pair + " units="
                    + (1000 * (1 + random.nextInt(9))) + " fill_latency_ms=" + (40 + random.nextInt(50)) + " ticket=" + (800_000 + random.nextInt(99_999)));
        }
        for (long t = start + 2_000; t < end; t += 5_000 + random.nextInt(300)) {
            if (random.nextInt(12) == 0) {
                tmtLog(t, "market-data.log", "INFO", "market_data.oanda_stream", "HEARTBEAT received time=" + isoZ(t));
            }
        }
        long disconnect = at(0.3);
        tmtLog(disconnect, "market-data.log", "WARNING", "market_data.oanda_stream", "pricing stream disconnected: Response ended prematurely; reconnecting in 1s (attempt 1)");
        tmtLog(disconnect + 1_400, "market-data.log", "INFO", "market_data.oanda_stream", "pricing stream connected to stream-fxtrade.oanda.com instruments=EUR_USD,GBP_USD,USD_JPY");
        long limited = at(0.45);
        tmtLog(limited, "execution-engine.log", "WARNING", "execution.oanda_client", "[execution-engine] OANDA HTTP 429 Too Many Requests on GET /v3/accounts/101-004-1234567-001/pricing, retrying in 1.0s (1/3)");
        tmtLog(limited + 1_050, "execution-engine.log", "INFO", "execution.oanda_client", "[execution-engine] OANDA GET /v3/accounts/101-004-1234567-001/pricing 200 in 84ms");
        long reload = at(0.55);
        tmtLog(reload, "circuit-breaker.log", "INFO", "circuit_breaker.config", "reloaded thresholds from config/circuit_breaker.yaml: max_daily_dd=-3.00% max_consecutive_losses=5");
        long rotate = at(0.62);
        journal(rotate, host, "systemd[1]", "Starting logrotate.service - Rotate log files...");
        journal(rotate + 200, host, "systemd[1]", "logrotate.service: Deactivated successfully.");
        journal(rotate + 201, host, "systemd[1]", "Finished logrotate.service - Rotate log files.");
        long deploy = at(0.75);
        journal(deploy, host, "sudo[71110]", "  deploy : TTY=pts/1 ; PWD=/opt/tmt ; USER=tmt ; COMMAND=/opt/tmt/venv/bin/pip install -r /opt/tmt/requirements.txt");
        journal(deploy + 50_000, host, "pip[71120]", "Successfully installed tmt-agents-1.14.3");
        long restart = deploy + 60_000;
        journal(restart, host, "systemd[1]", "Stopping tmt-agents.service - TMT trading agents...");
        for (String agent : List.of("market-analysis", "risk-management", "circuit-breaker")) {
            journal(restart + 1_500, host, "tmt-agents[2210]", "[" + agent + "] Application shutdown complete.");
        }
        journal(restart + 2_000, host, "systemd[1]", "tmt-agents.service: Deactivated successfully.");
        journal(restart + 2_001, host, "systemd[1]", "Stopped tmt-agents.service - TMT trading agents.");
        journal(restart + 2_010, host, "systemd[1]", "Started tmt-agents.service - TMT trading agents.");
        for (String agent : List.of("market-analysis", "risk-management", "circuit-breaker")) {
            journal(restart + 4_000, host, "tmt-agents[71201]", "[" + agent + "] Application startup complete.");
        }
        StringBuilder health = new StringBuilder();
        int port = 8001;
        for (String agent : List.of("circuit-breaker", "market-analysis", "risk-management")) {
            health.append("tmt@").append(host).append(":~$ curl -f http://localhost:").append(port).append("/health\n");
            health.append("{\"status\":\"healthy\",\"agent\":\"").append(agent).append("\",\"version\":\"1.14.3\",\"uptime_s\":")
                    .append(600 + random.nextInt(300)).append("}\n");
            port++;
        }
        put("health-checks.txt", health.toString());
        StringBuilder m = new StringBuilder();
        gauge(m, "tmt_agent_up", "1 when the agent answers its health check.", "agent", new String[]{"circuit-breaker", "market-analysis", "risk-management"}, i -> 1);
        counter(m, "tmt_orders_total", "Orders sent to OANDA.", "result", new String[]{"filled", "rejected"}, i -> i == 0 ? 40 + random.nextInt(20) : 0);
        gauge(m, "tmt_circuit_breaker_tripped", "1 while trading is halted.", null, new String[]{""}, i -> 0);
        processMetrics(m);
        put("metrics.prom", m.toString());
    }

    private void tmtLog(long t, String file, String level, String logger, String message) {
        add(file, t, PY.format(utc(t)) + " " + String.format("%-8s", level) + " [" + logger + "] " + message);
    }

    // ---------------------------------------------------------------- layouts shared by several stacks

    private void py(long t, String file, String logger, String level, String message) {
        add(file, t, py(t, logger, level, message));
    }

    /** Python logging's {@code %(asctime)s - %(name)s - %(levelname)s - %(message)s}. */
    private static String py(long t, String logger, String level, String message) {
        return PY.format(utc(t)) + " - " + logger + " - " + level + " - " + message;
    }

    private void journal(long t, String host, String ident, String message) {
        add("journal.txt", t, JOURNAL.format(utc(t)) + " " + host + " " + ident + ": " + message);
    }

    private void processMetrics(StringBuilder m) {
        m.append("# HELP process_resident_memory_bytes Resident memory size in bytes.\n# TYPE process_resident_memory_bytes gauge\n")
                .append("process_resident_memory_bytes ").append(180_000_000L + random.nextInt(60_000_000)).append('\n');
        m.append("# HELP process_open_fds Number of open file descriptors.\n# TYPE process_open_fds gauge\n")
                .append("process_open_fds ").append(60 + random.nextInt(80)).append('\n');
        m.append("# HELP process_max_fds Maximum number of open file descriptors.\n# TYPE process_max_fds gauge\n")
                .append("process_max_fds 65536\n");
        m.append("# HELP up 1 if the target answered the scrape.\n# TYPE up gauge\nup 1\n");
    }

    private static void counter(StringBuilder m, String name, String help, String label, String[] values, java.util.function.IntUnaryOperator v) {
        family(m, name, help, "counter", label, values, v);
    }

    private static void gauge(StringBuilder m, String name, String help, String label, String[] values, java.util.function.IntUnaryOperator v) {
        family(m, name, help, "gauge", label, values, v);
    }

    private static void family(StringBuilder m, String name, String help, String type, String label, String[] values,
                               java.util.function.IntUnaryOperator v) {
        m.append("# HELP ").append(name).append(' ').append(help).append('\n');
        m.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        for (int i = 0; i < values.length; i++) {
            m.append(name);
            if (label != null) {
                m.append('{').append(label).append("=\"").append(values[i]).append("\"}");
            }
            m.append(' ').append(v.applyAsInt(i)).append('\n');
        }
    }

    /** A time at a fraction of the period, give or take a minute, so events do not sit on round times. */
    private long at(double fraction) {
        return start + (long) (fraction * hours * 3600_000) + random.nextInt(60_000);
    }

    private void add(String file, long t, String text) {
        List<Timed> lines = files.computeIfAbsent(file, k -> new ArrayList<>());
        lines.add(new Timed(t, lines.size(), text));
    }

    private void put(String file, String content) {
        documents.add(file);
        files.put(file, List.of(new Timed(0, 0, content.stripTrailing())));
    }

    private void flush(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, List<Timed>> f : files.entrySet()) {
                StringBuilder out = new StringBuilder();
                f.getValue().stream().sorted(Comparator.comparingLong(Timed::millis).thenComparingInt(Timed::order))
                        .forEach(l -> out.append(l.text()).append('\n'));
                Files.writeString(dir.resolve(f.getKey()), out, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDateTime utc(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    private static String isoZ(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    private static String price(double p) {
        return String.format(Locale.ROOT, "%.2f", p);
    }
}
