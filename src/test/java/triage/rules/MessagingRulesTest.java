package triage.rules;

import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;

import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/messaging.drl: processing queues, ZeroMQ and the backend WebSocket manager (001, 002, 003). */
class MessagingRulesTest {

    @Test
    void fullQueuesAtCapacityAreAProcessingBacklog() {
        Diagnosis d = evidence("journalctl.txt", lines(
                        "May 14 13:31:40 pyrt-prod-01 market-data[1187]: 2026-05-14T13:31:40.556000Z  WARN market_data::pipeline: Queue full (capacity 10000): dropping oldest quote NVDA",
                        "May 14 13:33:02 pyrt-prod-01 market-data[1187]: 2026-05-14T13:33:02.448000Z  WARN market_data::pipeline: Queue full (capacity 10000): dropped 14210 messages in last 60s",
                        "May 14 13:34:02 pyrt-prod-01 market-data[1187]: 2026-05-14T13:34:02.451000Z  WARN market_data::pipeline: Queue full (capacity 10000): dropped 19877 messages in last 60s",
                        "May 14 13:35:44 pyrt-prod-01 market-data[1187]: 2026-05-14T13:35:44.700000Z  WARN market_data: Message processing latency high: 5340ms"),
                "metrics.txt", lines(
                        "# TYPE market_data_queue_depth gauge",
                        "market_data_queue_depth{queue=\"normalizer\"} 10000",
                        "# TYPE market_data_queue_capacity gauge",
                        "market_data_queue_capacity{queue=\"normalizer\"} 10000"),
                "chronyc-tracking.txt", lines("System time     : 0.000012733 seconds slow of NTP time"));
        assertThat(d).ranksFirst("messaging.queue-backlog")
                .firedRule("A processing queue at capacity is a processing backlog")
                .doesNotReport("host.clock-drift");
    }

    @Test
    void shallowQueuesReportNoBacklog() {
        Diagnosis d = evidence("market_data.log", lines(
                "[2026-08-11 07:52:04.327] [market_data] [info] stats msgs_per_s: 3739 queue_depth: 35/65536 p99_latency_us: 281 books: 6",
                "[2026-08-11 07:53:07.392] [market_data] [info] stats msgs_per_s: 3008 queue_depth: 22/65536 p99_latency_us: 252 books: 6"));
        assertThat(d).reportsNoCause();
    }

    @Test
    void aBusServiceKilledForMemoryWithUnlimitedHwmIsZmqBuildup() {
        Diagnosis d = evidence("kern.log", lines(
                        "May 14 15:02:11 pyrt-prod-01 kernel: Out of memory: Killed process 1187 (market-data) total-vm:9123456kB, anon-rss:7811232kB, file-rss:0kB, shmem-rss:0kB, UID:1001 pgtables:15632kB oom_score_adj:0"),
                "grep-hwm.txt", lines(
                        "$ grep -rniE \"SNDHWM|RCVHWM\" rust/market-data/src/",
                        "rust/market-data/src/main.rs:88:    publisher.set_sndhwm(0)?;",
                        "rust/market-data/src/main.rs:89:    // ZMQ_RCVHWM = 0 (unlimited) so slow subscribers never lose quotes"));
        assertThat(d).ranksFirst("messaging.zmq-hwm-buildup")
                .firedRule("A bus service killed for memory with unlimited or huge ZeroMQ high-water marks is queue buildup");
    }

    @Test
    void activeConnectionsAtMaxAndRefusedClientsAreTheConnectionLimit() {
        Diagnosis d = evidence("websocket-stats.json", lines(
                        "{\"active\": 1000, \"max\": 1000, \"rejected_last_hour\": 3812, \"stale_checked_last_sweep\": 1000, \"stale_removed_last_sweep\": 0}"),
                "docker-compose-logs-backend.txt", lines(
                        "backend-1  | 2026-07-08 13:25:04,176 - backend.websocket.websocket_manager - WARNING - too many WebSocket clients (1000/1000 active), closing new client 10.30.2.41 topic=system_health code=1013 (try again later)",
                        "backend-1  | INFO:     10.30.2.41:40275 - \"WebSocket /ws/system/health\" 403",
                        "backend-1  | INFO:     connection rejected (403 Forbidden)"));
        assertThat(d).ranksFirst("messaging.ws-connection-limit-reached")
                .firedRule("Active WebSocket connections at MAX_CONNECTIONS mean the connection limit is reached")
                .doesNotReport("messaging.ws-manager-hung")
                .doesNotReport("messaging.ws-stale-connections");
    }

    @Test
    void rejectedHandshakesWithAFewConnectionsAreNotTheLimit() {
        Diagnosis d = evidence("docker-compose-logs-backend.txt", lines(
                        "backend-1  | INFO:     10.30.2.41:40275 - \"WebSocket /ws/portfolio/PORTFOLIO_001\" 403",
                        "backend-1  | INFO:     connection rejected (403 Forbidden)"),
                "backend-metrics.txt", lines(
                        "websocket_active_connections 4",
                        "websocket_max_connections 1000"),
                "browser-console.txt", lines(
                        "WebSocket connection to 'ws://sprint3-ui.trading.internal/ws/portfolio/PORTFOLIO_001' failed: Error during WebSocket handshake: Unexpected response code: 403"));
        assertThat(d).doesNotReport("messaging.ws-connection-limit-reached").doesNotReport("messaging.ws-manager-hung");
    }


    /** Twin of the above: the same rejected handshakes with the connections at their maximum are the limit. */
    @Test
    void rejectedHandshakesWithConnectionsAtTheMaximumAreTheLimit() {
        Diagnosis d = evidence("docker-compose-logs-backend.txt", lines(
                        "backend-1  | INFO:     10.30.2.41:40275 - \"WebSocket /ws/portfolio/PORTFOLIO_001\" 403",
                        "backend-1  | INFO:     connection rejected (403 Forbidden)"),
                "backend-metrics.txt", lines(
                        "websocket_active_connections 1000",
                        "websocket_max_connections 1000"),
                "browser-console.txt", lines(
                        "WebSocket connection to 'ws://sprint3-ui.trading.internal/ws/portfolio/PORTFOLIO_001' failed: Error during WebSocket handshake: Unexpected response code: 403"));
        assertThat(d).ranksFirst("messaging.ws-connection-limit-reached");
    }

    @Test
    void aWebSocketProbeTimingOutWhileHttpIsHealthyIsAHungManager() {
        Diagnosis d = evidence("checks.txt", lines(
                "$ curl -s http://localhost:8001/health | jq '.'",
                "{",
                "  \"status\": \"healthy\",",
                "  \"database\": \"connected\",",
                "  \"redis\": \"connected\"",
                "}",
                "$ wscat -c ws://localhost:8001/ws/system/health",
                "error: Opening handshake has timed out",
                "$ curl -s http://localhost:8001/api/v1/sprint3/websocket/stats | jq '{active, max}'",
                "{",
                "  \"active\": 212,",
                "  \"max\": 1000",
                "}"));
        assertThat(d).ranksFirst("messaging.ws-manager-hung")
                .firedRule("A WebSocket probe failing while the HTTP API is healthy means the WebSocket manager hangs")
                .doesNotReport("messaging.ws-connection-limit-reached");
    }

    @Test
    void aProbeThatGetsAPongRulesOutAHungManager() {
        Diagnosis d = evidence("checks.txt", lines(
                "$ wscat -c ws://localhost:8001/ws/system/health",
                "Connected (press CTRL+C to quit)",
                "> {\"type\":\"ping\"}",
                "< {\"type\":\"pong\",\"server_time\":\"2026-09-15T14:38:03.000Z\"}"));
        assertThat(d).reportsNoCause();
    }

    @Test
    void publishersOnChannelsTheBridgeDoesNotSubscribeAreAChannelMismatch() {
        Diagnosis d = evidence("redis-channels.txt", lines(
                "$ grep -n -A4 REDIS_CHANNELS backend/websocket/redis_bridge.py",
                "14:REDIS_CHANNELS = {",
                "15-    'portfolio_updates': 'portfolio:updates:*',",
                "16-    'risk_alerts': 'risk:alerts:*',",
                "17-    'analytics_updates': 'analytics:updates:*'",
                "$ docker exec nautilus-redis redis-cli psubscribe '*'",
                "Reading messages... (press Ctrl-C to quit)",
                "1) \"psubscribe\"",
                "2) \"*\"",
                "3) (integer) 1",
                "1) \"pmessage\"",
                "2) \"*\"",
                "3) \"portfolio_updates:PORTFOLIO_001\"",
                "4) \"{\\\"total_value\\\": 1021331.2}\"",
                "1) \"pmessage\"",
                "2) \"*\"",
                "3) \"risk_alerts:PORTFOLIO_001\"",
                "4) \"{\\\"var_95\\\": 0.021}\""));
        assertThat(d).ranksFirst("messaging.ws-channel-mismatch")
                .firedRule("Redis channels with traffic that no WebSocket bridge pattern covers are a channel name mismatch")
                .doesNotReport("messaging.ws-subscription-filter-mismatch");
    }

    @Test
    void aClientSubscribedToATopicTheServerNeverSendsHasTheWrongFilter() {
        Diagnosis d = evidence("browser-console.txt", lines(
                        "useWebSocketManager.ts:41 Subscribing to: portfolio_update with filters: {portfolio_id: 'PORTFOLIO_001'}"),
                "docker-compose-logs-backend.txt", lines(
                        "backend-1  | 2026-07-08 13:23:00,755 - backend.websocket.websocket_manager - INFO - broadcast topic=portfolio_updates recipients=14 batch=82 flush_ms=2",
                        "backend-1  | 2026-07-08 13:23:29,802 - backend.websocket.websocket_manager - INFO - broadcast topic=risk_alerts recipients=9 batch=6 flush_ms=1"));
        assertThat(d).ranksFirst("messaging.ws-subscription-filter-mismatch")
                .ranksAbove("messaging.ws-subscription-filter-mismatch", "messaging.ws-channel-mismatch");
    }

    @Test
    void batchingSwitchedOffWithSlowDeliveryIsUnbatchedMessages() {
        Diagnosis d = evidence("websocket-performance.json", lines(
                "{\"batching\": {\"enabled\": false, \"batch_size\": 1}, \"avg_send_latency_ms\": 412.5, \"p99_send_latency_ms\": 2210.0, \"messages_sent_last_minute\": 412331, \"memory_rss_mb\": 1830}"));
        assertThat(d).ranksFirst("messaging.ws-unbatched-messages")
                .firedRule("WebSocket batching switched off sends every message on its own")
                .ranksAbove("messaging.ws-unbatched-messages", "messaging.ws-stale-connections");
    }

    @Test
    void connectionsFailingPingButKeptRegisteredAreStaleConnections() {
        Diagnosis d = evidence("websocket-performance.json", lines(
                        "{\"batching\": {\"enabled\": true, \"batch_size\": 100}, \"avg_send_latency_ms\": 380.2, \"ping_failures\": 341, \"memory_rss_mb\": 2210}"),
                "docker-compose-logs-backend.txt", lines(
                        "backend-1  | RuntimeError: Unexpected ASGI message 'websocket.send', after sending 'websocket.close'.",
                        "backend-1  | RuntimeError: Unexpected ASGI message 'websocket.send', after sending 'websocket.close'.",
                        "backend-1  | RuntimeError: Cannot call \"send\" once a close message has been sent."));
        assertThat(d).ranksFirst("messaging.ws-stale-connections")
                .firedRule("Registered connections failing ping but kept mean stale connections are not cleaned up")
                .ranksAbove("messaging.ws-stale-connections", "messaging.ws-unbatched-messages");
    }

    @Test
    void oneDashboardTabGoingAwayAndReconnectingReportsNothing() {
        Diagnosis d = evidence("docker-compose-logs.txt", lines(
                        "sprint3-backend-1  | 2026-09-15 14:21:37,118 - backend.websocket.websocket_manager - INFO - client ws-8f2e1c (10.60.14.22) disconnected code=1001 (going away); active=4",
                        "sprint3-backend-1  | INFO:     connection closed",
                        "sprint3-backend-1  | INFO:     10.60.14.22:61408 - \"WebSocket /ws/system/health\" [accepted]",
                        "sprint3-backend-1  | 2026-09-15 14:21:49,538 - backend.websocket.websocket_manager - INFO - client ws-91a0d7 (10.60.14.22) connected, subscribed portfolio:updates:PORTFOLIO_001; active=5"),
                "backend-metrics.txt", lines("websocket_active_connections 5", "websocket_max_connections 1000"));
        assertThat(d).reportsNoCause();
    }

    @Test
    void aStuckBroadcastLockWithHandshakesTimingOutIsAHungManagerNotAnExchangeSession() {
        String backend = lines(
                "backend-1  | 2026-05-06 10:41:53,972 - backend.websocket.websocket_manager - ERROR - heartbeat task error: ConnectionClosedError: sent 1011 (internal error) keepalive ping timeout; no close frame received",
                "backend-1  | 2026-05-06 10:44:14,758 - backend.websocket.websocket_manager - WARNING - broadcast lock held by heartbeat task for 141.8s; waiting");
        String probe = lines("ops@app:~$ curl -s http://localhost:8001/health",
                "{\"status\":\"healthy\",\"services\":{\"database\":\"ok\"}}",
                "ops@app:~$ wscat -c ws://localhost:8001/ws/system/health",
                "error: Opening handshake has timed out");
        assertThat(evidence("backend.log", backend, "checks.txt", probe))
                .ranksFirst("messaging.ws-manager-hung").doesNotReport("exchange.session-dropped");
    }

    @Test
    void sendsBlockingOnAHugeHighWaterMarkAreQueueBuildupWithoutAnOomKill() {
        String bound = "[2026-11-20 14:00:00.001] [zmq] [info] book publisher bound tcp://*:5557 sndhwm=5000000";
        String blocked = lines(
                "[2026-11-20 14:02:11.733] [zmq] [error] zmq_send failed: Resource temporarily unavailable (EAGAIN) on tcp://*:5557",
                "[2026-11-20 14:02:12.733] [zmq] [error] zmq_send failed: Resource temporarily unavailable (EAGAIN) on tcp://*:5557");
        assertThat(evidence("system.log", lines(bound, blocked))).ranksFirst("messaging.zmq-hwm-buildup");
        assertThat(evidence("system.log", lines(bound))).doesNotReport("messaging.zmq-hwm-buildup");
    }

    @Test
    void aSubscribedTopicBroadcastToNobodyIsAFilterMismatch() {
        String client = "[11:30:00.001] usePortfolio.ts:40 Subscribing to: fund_updates with filters {\"fund\":\"fund_a\"}";
        String server = lines(
                "backend-1  | 2026-05-06 11:30:12,001 - backend.websocket.websocket_manager - INFO - broadcast topic=fund_updates recipients=0 batch=0",
                "backend-1  | 2026-05-06 11:30:42,001 - backend.websocket.websocket_manager - INFO - broadcast topic=fund_updates recipients=0 batch=0");
        assertThat(evidence("console.txt", client, "backend.log", server)).ranksFirst("messaging.ws-subscription-filter-mismatch");
        assertThat(evidence("console.txt", client)).doesNotReport("messaging.ws-subscription-filter-mismatch");
    }
}
