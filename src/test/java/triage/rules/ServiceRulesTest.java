package triage.rules;

import org.junit.jupiter.api.Test;
import triage.diagnosis.CauseHypothesis;
import triage.diagnosis.Diagnosis;
import triage.diagnosis.EvidenceItem;

import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/**
 * rules/service.drl: platform processes. 000/002/004 service status and health checks, 001 High CPU Usage,
 * 003 5.1/5.3/6.3, 002 analytics issues and Service Isolation Procedure, 000 Slow API Response Times.
 */
class ServiceRulesTest {

    /** A Prometheus query_range answer with one series per {@code agent}, starting at {@code start} and adding {@code step} per sample. */
    private static String rangeQuery(String metric, String[] agents, double[] start, double[] step, int samples) {
        StringBuilder b = new StringBuilder("{\n  \"status\": \"success\",\n  \"data\": {\n    \"resultType\": \"matrix\",\n    \"result\": [\n");
        for (int a = 0; a < agents.length; a++) {
            b.append("      {\n        \"metric\": {\"__name__\": \"").append(metric).append("\", \"agent\": \"").append(agents[a])
                    .append("\", \"job\": \"tmt-agents\"},\n        \"values\": [\n");
            for (int i = 0; i < samples; i++) {
                long ts = 1777680000L + i * 10800L;
                long v = Math.round(start[a] + step[a] * i + (i % 2 == 0 ? 1234 : -1234));
                b.append("          [").append(ts).append(", \"").append(v).append("\"]").append(i < samples - 1 ? ",\n" : "\n");
            }
            b.append("        ]\n      }").append(a < agents.length - 1 ? ",\n" : "\n");
        }
        return b.append("    ]\n  }\n}\n").toString();
    }

    private static final String OOM_KILL = lines(
            "May 05 05:58:41 tmt-prod-01 kernel: oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/system.slice/tmt-agents.service,task=python3,pid=2231,uid=998",
            "May 05 05:58:41 tmt-prod-01 kernel: Out of memory: Killed process 2231 (python3) total-vm:7608848kB, anon-rss:6084012kB, file-rss:0kB, shmem-rss:0kB, UID:998 pgtables:12564kB oom_score_adj:0",
            "May 05 05:58:41 tmt-prod-01 systemd[1]: tmt-agents.service: A process of this unit has been killed by the OOM killer.");

    // ------------------------------------------------------------------ stopped / hung
    @Test
    void aStoppedUnitWhosePortRefusesConnectionsIsNotRunning() {
        Diagnosis d = evidence("systemctl-status.txt", lines(
                        "ops@nautilus-prod-01:~$ systemctl status nautilus-integration --no-pager",
                        "○ nautilus-integration.service - NautilusTrader Integration API",
                        "     Loaded: loaded (/etc/systemd/system/nautilus-integration.service; enabled; preset: enabled)",
                        "     Active: inactive (dead) since Tue 2026-02-24 02:10:17 UTC; 6h ago"),
                "health-check.txt", lines(
                        "ops@nautilus-prod-01:~$ curl -v http://localhost:8000/health",
                        "*   Trying 127.0.0.1:8000...",
                        "* connect to 127.0.0.1 port 8000 failed: Connection refused",
                        "curl: (7) Failed to connect to localhost port 8000 after 0 ms: Connection refused",
                        "ops@nautilus-prod-01:~$ redis-cli ping",
                        "PONG"));
        assertThat(d).ranksFirst("service.not-running")
                .firedRule("A unit left inactive whose port refuses connections is a service that is not running");
    }

    @Test
    void hungTasksAndEveryHealthEndpointTimingOutIsASystemHangAndStopsTradingFirst() {
        Diagnosis d = evidence("dmesg.txt", lines(
                        "[1225820.124027] INFO: task python3:2231 blocked for more than 120 seconds.",
                        "[1225820.124101] \"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.",
                        "[1225940.124027] INFO: task postgres:1187 blocked for more than 120 seconds."),
                "health.txt", lines(
                        "oncall@tmt-prod-01:~$ curl -f -m 5 http://localhost:8001/health",
                        "curl: (28) Failed to connect to localhost port 8001 after 5001 ms: Timeout was reached",
                        "curl: (28) Operation timed out after 5001 milliseconds with 0 bytes received",
                        "oncall@tmt-prod-01:~$ curl -f -m 5 http://localhost:8002/health",
                        "curl: (28) Failed to connect to localhost port 8002 after 5002 ms: Timeout was reached"));
        assertThat(d).ranksFirst("service.system-unresponsive").planStartsByStoppingDamage()
                .doesNotReport("service.not-running");
    }

    // ------------------------------------------------------------------ memory
    @Test
    void oneAgentsMemoryDoublingAndThenAnOomKillIsALeak() {
        Diagnosis d = evidence(
                "query_range-process_resident_memory_bytes.json", rangeQuery("process_resident_memory_bytes",
                        new String[] {"market-analysis", "circuit-breaker"}, new double[] {4.1e8, 2.9e8}, new double[] {2.2e8, 0}, 26),
                "journalctl.txt", OOM_KILL);
        assertThat(d).ranksFirst("service.memory-leak")
                .firedRule("A process whose memory grows continuously is leaking")
                .doesNotReport("host.memory-insufficient");
    }

    @Test
    void theSameOomKillWithFlatMemoryIsTheHostNotALeak() {
        Diagnosis d = evidence(
                "query_range-process_resident_memory_bytes.json", rangeQuery("process_resident_memory_bytes",
                        new String[] {"market-analysis", "circuit-breaker"}, new double[] {2.9e9, 2.9e8}, new double[] {0, 0}, 26),
                "journalctl.txt", OOM_KILL);
        assertThat(d).ranksFirst("host.memory-insufficient").ranksAbove("host.memory-insufficient", "service.memory-leak");
    }

    @Test
    void orderBooksTakingTheMemoryAreAccumulationNotALeak() {
        Diagnosis d = evidence("metrics.txt", lines(
                        "# TYPE hft_orderbook_memory_mb gauge",
                        "hft_orderbook_memory_mb 14210",
                        "# TYPE hft_order_count gauge",
                        "hft_order_count 18230"),
                "system.log", lines(
                        "[2026-09-03 10:00:00.001] [system] [warning] memory usage 91% of available"));
        assertThat(d).ranksFirst("service.orderbook-memory-accumulation").doesNotReport("service.memory-leak");
    }

    @Test
    void millionsOfOrdersKeptInMemoryAreOrderHistoryBuildup() {
        Diagnosis d = evidence("metrics.txt", lines(
                        "# TYPE hft_order_count gauge",
                        "hft_order_count 2412877",
                        "hft_orderbook_memory_mb 812"),
                "system.log", lines(
                        "[2026-09-03 10:00:00.001] [system] [warning] memory usage 88% of available"));
        assertThat(d).ranksFirst("service.order-history-buildup");
    }

    // ------------------------------------------------------------------ file descriptors
    @Test
    void openDescriptorsGrowingUntilTooManyOpenFilesIsADescriptorLeak() {
        Diagnosis d = evidence(
                "query_range-process_open_fds.json", rangeQuery("process_open_fds",
                        new String[] {"market-data"}, new double[] {210}, new double[] {2500}, 26),
                "journalctl.txt", lines(
                        "Mar 14 09:48:14 pyrt-prod-01 market-data[1187]: 2026-03-14T09:48:14.886018Z ERROR market_data: Accept error: Too many open files (os error 24)"),
                "ulimit.txt", lines("$ ulimit -n", "65536"));
        assertThat(d).ranksFirst("service.fd-leak").ranksAbove("service.fd-leak", "host.fd-limit-too-low");
    }

    // ------------------------------------------------------------------ CPU
    @Test
    void aTradingProcessPeggingOneThreadAfterACommitIsABusyLoop() {
        Diagnosis d = evidence("top.txt", lines(
                        "trader@pyrt-prod-01:~$ top -b -n 1 | head -12",
                        "%Cpu(s): 52.3 us,  1.1 sy,  0.0 ni, 46.2 id,  0.0 wa,  0.0 hi,  0.4 si,  0.0 st",
                        "    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND",
                        "   1187 trader    20   0 1921556 140612  10612 R  99.7   0.9 182:09.12 market-data",
                        "trader@pyrt-prod-01:~$ top -H -b -n 1 -p $(pgrep market-data) | head -9",
                        "    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND",
                        "   1203 trader    20   0 1921556 140612  10612 R  99.9   0.9 180:01.10 md-decoder",
                        "   1199 trader    20   0 1921556 140612  10612 S   0.3   0.9   1:12.07 tokio-runtime-w",
                        "trader@pyrt-prod-01:~$ git log --oneline -3",
                        "7c1e9a0 market-data: poll the decoder queue without waiting",
                        "a41f2d3 bump tokio to 1.37",
                        "9e0b1c2 release v1.4.1"),
                "env.txt", lines("$ systemctl show trading-market-data -p Environment", "Environment=RUST_LOG=info"));
        assertThat(d).ranksFirst("service.busy-loop").doesNotReport("service.excessive-logging")
                .doesNotReport("host.cpu-contention");
    }

    @Test
    void highCpuWithDebugLoggingIsExcessiveLoggingNotALoop() {
        Diagnosis d = evidence("top.txt", lines(
                        "trader@pyrt-prod-01:~$ top -b -n 1 | head -8",
                        "%Cpu(s): 91.3 us,  6.1 sy,  0.0 ni,  2.2 id,  0.0 wa,  0.0 hi,  0.4 si,  0.0 st",
                        "    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND",
                        "   1187 trader    20   0 1921556 140612  10612 R  96.1   0.9 182:09.12 market-data"),
                "env.txt", lines(
                        "$ systemctl show trading-market-data -p Environment",
                        "Environment=RUST_LOG=debug APCA_API_BASE_URL=https://paper-api.alpaca.markets"));
        assertThat(d).ranksFirst("service.excessive-logging").ranksAbove("service.excessive-logging", "service.busy-loop");
    }

    // ------------------------------------------------------------------ locks, pools, blocking
    @Test
    void lockAcquisitionTimeoutsAreLockContention() {
        Diagnosis d = evidence("system.log", lines(
                "[2026-10-06 14:34:36.000] [system] [error] Lock acquisition timeout: position_book mutex held 2300 ms by thread strategy-3",
                "[2026-10-06 14:34:39.112] [system] [warning] lock contention on order_index: 412 waiters",
                "[2026-10-06 14:34:41.520] [system] [error] Lock acquisition timeout: position_book mutex held 2150 ms by thread strategy-3"));
        assertThat(d).ranksFirst("service.lock-contention");
    }

    @Test
    void threadPoolExhaustedWhileTheExchangeAnswersFastIsTheWorkerPool() {
        Diagnosis d = evidence("orders.log", lines(
                        "[2026-10-06 14:34:36.000] [orders] [error] Thread pool exhausted: pool: order_router active: 32/32 queued: 512/512, rejecting task submit_order order_id: 88120440",
                        "[2026-10-06 14:34:51.825] [orders] [error] Thread pool exhausted: pool: order_router active: 32/32 queued: 512/512, rejecting task submit_order order_id: 88120441",
                        "[2026-10-06 14:34:52.325] [orders] [error] Timeout waiting for order_router worker after 500 ms order_id: 88120440 strategy_id: mm_btc_usdt; order left pending",
                        "[2026-10-06 14:35:01.446] [orders] [error] Thread pool exhausted: pool: order_router active: 32/32 queued: 512/512, rejecting task submit_order order_id: 88120442"),
                "metrics.txt", lines(
                        "hft_thread_pool_rejected_tasks_total{pool=\"order_router\"} 1873",
                        "hft_exchange_rest_latency_seconds{exchange=\"binance\",quantile=\"0.99\"} 0.0142"));
        assertThat(d).ranksFirst("service.thread-pool-exhausted")
                .firedRule("Repeated Thread pool exhausted means the worker pool is too small for the load");
    }

    @Test
    void slowCallbacksOnTheEventLoopAreBlockingCallsOnTheCriticalPath() {
        Diagnosis d = evidence("execution.log", lines(
                "2026-05-07 14:30:55,112 - asyncio - WARNING - Executing <Task pending name='Task-12' coro=<OrderRouter.submit() running at /opt/tmt/execution/router.py:88>> took 1.412 seconds",
                "2026-05-07 14:31:02,881 - asyncio - WARNING - Executing <Task pending name='Task-19' coro=<OrderRouter.submit() running at /opt/tmt/execution/router.py:88>> took 1.207 seconds"),
                "ping.txt", lines("$ ping -c 20 api-fxtrade.oanda.com | tail -1", "rtt min/avg/max/mdev = 1.702/1.811/2.034/0.082 ms"));
        assertThat(d).ranksFirst("service.blocking-calls-on-critical-path").doesNotReport("network.high-rtt-to-exchange");
    }

    // ------------------------------------------------------------------ analytics and APIs
    @Test
    void analyticsCallsTimingOutWithAGrowingQueueAreSynchronousCalculations() {
        Diagnosis d = evidence("nginx-access.log", lines(
                        "10.20.1.15 - - [07/May/2026:14:31:02 +0000] \"GET /api/v1/sprint3/analytics/performance?portfolio=PORTFOLIO_001 HTTP/1.1\" 504 167 \"-\" \"Mozilla/5.0\"",
                        "10.20.1.15 - - [07/May/2026:14:32:09 +0000] \"GET /api/v1/sprint3/analytics/performance?portfolio=PORTFOLIO_001 HTTP/1.1\" 504 167 \"-\" \"Mozilla/5.0\""),
                "redis.txt", lines("$ docker exec nautilus-redis redis-cli llen analytics_queue", "(integer) 4821"));
        assertThat(d).ranksFirst("service.analytics-calculation-timeout").doesNotReport("service.slow-api-hot-path");
    }

    @Test
    void streamingStatusStoppedIsAStalledAnalyticsEngine() {
        Diagnosis d = evidence("analytics-streaming-status.json", lines(
                "{",
                "  \"status\": \"stopped\",",
                "  \"engine\": \"RealTimeAnalyticsEngine\",",
                "  \"last_update\": \"2026-05-07T11:02:13Z\",",
                "  \"subscribers\": 3",
                "}"));
        assertThat(d).ranksFirst("service.analytics-streaming-stalled");
    }

    @Test
    void endpointsAnsweringInSecondsWithHotFunctionsAreASlowHotPath() {
        Diagnosis d = evidence("nautilus-integration.log", lines(
                        "2026-06-11 07:42:45,179 - nautilus_integration.api - INFO - GET /api/positions 200 response_time=2.913",
                        "2026-06-11 07:43:11,550 - nautilus_integration.api - INFO - GET /api/positions 200 response_time=3.402",
                        "2026-06-11 07:43:40,112 - nautilus_integration.api - INFO - GET /api/risk/metrics 200 response_time=2.118"),
                "profile.txt", lines(
                        "   ncalls  tottime  percall  cumtime  percall filename:lineno(function)",
                        "     1200    3.214    0.003    8.991    0.007 positions.py:88(compute_exposure)"));
        assertThat(d).ranksFirst("service.slow-api-hot-path");
    }

    @Test
    void severalServicesFailingWhileOneIsIsolatedIsACascadingFailure() {
        Diagnosis d = evidence("ports-check.txt", lines(
                        "$ ./scripts/check_ports.sh",
                        "❌ Frontend (port 3000): Not accessible",
                        "❌ Backend API (port 8001): Not accessible",
                        "❌ Grafana (port 3001): Not accessible",
                        "✅ PostgreSQL (port 5432): Available"),
                "isolate.txt", lines(
                        "$ ./scripts/isolate_service.sh analytics-worker",
                        "Isolating service: analytics-worker"));
        assertThat(d).ranksFirst("service.cascading-failure");
    }

    private static final String CASCADE_RULE = "Three or more services failing at once is one failure dragging the others down";

    @Test
    void threeDifferentServicesFailingAtOnceAreACascadeCitingEachOfThem() {
        Diagnosis d = evidence("ports-check.txt", lines(
                "$ ./scripts/check_ports.sh",
                "❌ Frontend (port 3000): Not accessible",
                "❌ Backend API (port 8001): Not accessible",
                "❌ Grafana (port 3001): Not accessible"));
        CauseHypothesis cascade = java.util.stream.Stream.concat(d.causes().stream(), d.candidates().stream()).filter(c -> c.id().equals("service.cascading-failure"))
                .findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(cascade.supportingRules()).extracting(CauseHypothesis.RuleContribution::rule)
                .contains(CASCADE_RULE);
        // the rule counts the services with an accumulate: its evidence is still the lines it counted
        org.assertj.core.api.Assertions.assertThat(cascade.evidence()).extracting(EvidenceItem::text)
                .anySatisfy(t -> org.assertj.core.api.Assertions.assertThat(t).contains("Frontend"))
                .anySatisfy(t -> org.assertj.core.api.Assertions.assertThat(t).contains("Backend API"))
                .anySatisfy(t -> org.assertj.core.api.Assertions.assertThat(t).contains("Grafana"));
    }

    @Test
    void twoFailingServicesAreNotYetACascade() {
        Diagnosis d = evidence("ports-check.txt", lines(
                "$ ./scripts/check_ports.sh",
                "❌ Frontend (port 3000): Not accessible",
                "❌ Backend API (port 8001): Not accessible",
                "✅ Grafana (port 3001): Available"));
        org.assertj.core.api.Assertions.assertThat(java.util.stream.Stream.concat(d.causes().stream(), d.candidates().stream()).toList())
                .flatExtracting(CauseHypothesis::supportingRules)
                .extracting(CauseHypothesis.RuleContribution::rule).doesNotContain(CASCADE_RULE);
    }

    @Test
    void aFullDiskExplainsTheServicesFailingDownstream() {
        Diagnosis d = evidence("df-h.txt", lines(
                        "$ df -h",
                        "Filesystem      Size  Used Avail Use% Mounted on",
                        "/dev/nvme0n1p2  915G  915G     0 100% /",
                        "$ du -sh /var/log",
                        "861G    /var/log"),
                "ports-check.txt", lines(
                        "❌ Frontend (port 3000): Not accessible",
                        "❌ Backend API (port 8001): Not accessible",
                        "❌ Grafana (port 3001): Not accessible",
                        "Isolating service: backend"));
        assertThat(d).ranksFirst("host.disk-full-logs").doesNotReport("service.cascading-failure");
    }

    // ------------------------------------------------------------------ memory breakdowns decide which structure
    @Test
    void aBreakdownDominatedByOrderHistoryIsHistoryBuildupNotOrderBooks() {
        Diagnosis d = evidence("memory.txt", lines(
                        "hft_user@hft-prod-02:~$ curl -s localhost:8080/api/v1/metrics | grep orderbook_memory_mb",
                        "orderbook_memory_mb{exchange=\"kraken\"} 3120",
                        "hft_user@hft-prod-02:~$ ./scripts/memory_breakdown.sh",
                        "component                 MB      share",
                        "order_history         118230     86.4%",
                        "order_books             3120      2.3%",
                        "allocator_overhead      9410      6.9%"));
        assertThat(d).ranksFirst("service.order-history-buildup")
                .firedRule("A breakdown with order history holding a large share of memory is history never archived")
                .ranksAbove("service.order-history-buildup", "service.orderbook-memory-accumulation");
    }

    // ------------------------------------------------------------------ blocking calls worded by a tracer, in microseconds
    @Test
    void synchronousAuditWritesInMicrosecondsWithSlowOrdersAreBlockingCalls() {
        Diagnosis d = evidence("orders.log", lines(
                        "[2026-12-04 11:02:01.114] [system] [info] db insert fills_audit fill 5512 sync=1 took 2870us thread=router_1",
                        "[2026-12-04 11:02:01.115] [orders] [info] order 9921 kraken XBT-USD LIMIT acked in venue latency_us: 3310 venue_rtt_us: 402",
                        "[2026-12-04 11:02:07.310] [system] [info] db insert fills_audit fill 5513 sync=1 took 3015us thread=router_1",
                        "[2026-12-04 11:02:07.311] [orders] [info] order 9922 kraken XBT-USD LIMIT acked in venue latency_us: 3522 venue_rtt_us: 398"),
                "blocking.txt", lines("WARN: 1 hot-path thread performs blocking I/O (fsync) on every order"));
        assertThat(d).ranksFirst("service.blocking-calls-on-critical-path")
                .firedRule("Slow orders while database writes are slow mean synchronous writes in the order path");
    }

    // ------------------------------------------------------------------ analytics task died (asyncio)
    @Test
    void anAnalyticsAsyncioTaskThatDiedWithAnExceptionIsAStalledStream() {
        Diagnosis d = evidence("backend.log", lines(
                "2026-08-30 09:12:44,010 - asyncio - ERROR - Task exception was never retrieved",
                "future: <Task finished name='Task-77' coro=<PortfolioAnalyticsStreamer.run() done, defined at /app/backend/analytics/streamer.py:58> exception=KeyError('PORTFOLIO_009')>"));
        assertThat(d).ranksFirst("service.analytics-streaming-stalled");
    }

    // ------------------------------------------------------------------ cascade: isolating one service
    @Test
    void isolatingOneServiceWhileHealthChecksAndTheDatabasePoolFailIsACascadingFailure() {
        Diagnosis d = evidence("compose.log", lines(
                        "backend-1  | INFO:     172.18.0.1:40112 - \"GET /health HTTP/1.1\" 503 Service Unavailable",
                        "backend-1  | 2026-07-30 14:02:11,301 - backend.db - ERROR - sqlalchemy.exc.TimeoutError: QueuePool limit of size 10 overflow 10 reached, connection timed out, timeout 30.00",
                        "backend-1  | INFO:     172.18.0.1:40120 - \"GET /health HTTP/1.1\" 503 Service Unavailable"),
                "isolate.txt", lines(
                        "ops@app-01:/opt/app$ ./scripts/isolate_service.sh report-worker",
                        "Isolating service: report-worker"));
        assertThat(d).ranksFirst("service.cascading-failure")
                .firedRule("Isolating one service while health checks fail and another layer fails too is a cascading failure")
                .doesNotReport("network.firewall-blocking");
    }
}
