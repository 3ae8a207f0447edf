package triage.rules;

import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;
import triage.testing.RuleFiringRecorder;

import java.util.Set;

import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/cache.drl: Redis (000 health check and section 1, 002 Redis timeouts and risk cache, 004). */
class CacheRulesTest {

    @Test
    void refusedRedisConnectionsAndNoPongMeanRedisIsUnavailable() {
        Diagnosis d = evidence("nautilus-integration.log", lines(
                        "2026-06-11 07:42:45,179 - nautilus_integration.auth.token_cache - ERROR - session lookup failed, rejecting request: Error 111 connecting to localhost:6379. Connection refused.",
                        "2026-06-11 07:43:11,550 - nautilus_integration.realtime.publisher - WARNING - publish to channel ui:positions failed (attempt 1/3): Error 111 connecting to localhost:6379. Connection refused.",
                        "redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. Connection refused."),
                "health-check.txt", lines(
                        "ops@nautilus-prod-01:~$ redis-cli ping",
                        "Could not connect to Redis at 127.0.0.1:6379: Connection refused",
                        "ops@nautilus-prod-01:~$ pg_isready -h localhost -p 5432",
                        "localhost:5432 - accepting connections"));
        assertThat(d).ranksFirst("cache.redis-unavailable")
                .firedRule("redis-cli ping not answering PONG means Redis is unavailable")
                .doesNotReport("database.down");
    }

    @Test
    void aPingThatRedisRefusesFiresTheUnavailableRulesAndRulesOutThePoolAndNothingElse() {
        Set<String> fired = RuleFiringRecorder.firedBy(() -> evidence("health-check.txt", lines(
                "ops@nautilus-prod-01:~$ redis-cli ping",
                "Could not connect to Redis at 127.0.0.1:6379: Connection refused")));
        org.assertj.core.api.Assertions.assertThat(fired).containsExactlyInAnyOrder(
                "redis-cli ping not answering PONG means Redis is unavailable",
                "A refused Redis connection points at Redis being unavailable",
                "Redis not answering at all makes a client pool problem unlikely",
                "The exchange is reachable when no network-level failure is seen");
    }

    @Test
    void aStoppedRedisUnitExplainsTheClientTimeoutsDownstream() {
        Diagnosis d = evidence("journalctl.txt", lines(
                        "2026-10-07T10:40:49+00:00 nt-prod-02 redis-server[1187]: 1187:M 07 Oct 2026 10:40:49.412 * User requested shutdown...",
                        "2026-10-07T10:40:50+00:00 nt-prod-02 redis-server[1187]: 1187:M 07 Oct 2026 10:40:50.412 # Redis is now ready to exit, bye bye...",
                        "2026-10-07T10:40:50+00:00 nt-prod-02 systemd[1]: Stopped redis-server.service - Advanced key-value store."),
                "app.log", lines(
                        "2026-10-07 10:41:02,000 ERROR    TokenCache: token lookup failed: redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. Connection refused.",
                        "2026-10-07 10:41:12,000 ERROR    RiskGate: redis.exceptions.TimeoutError: Timeout connecting to server",
                        "2026-10-07 10:41:22,000 ERROR    RiskGate: redis.exceptions.TimeoutError: Timeout connecting to server",
                        "2026-10-07 10:41:32,000 ERROR    RiskGate: redis.exceptions.TimeoutError: Timeout connecting to server"),
                "status.txt", lines(
                        "ops@nt-prod-02:~$ systemctl status redis-server --no-pager | head -5",
                        "\u25cb redis-server.service - Advanced key-value store",
                        "     Active: inactive (dead) since Wed 2026-10-07 10:40:50 UTC; 16min ago"));
        assertThat(d).ranksFirst("cache.redis-unavailable")
                .firedRule("The redis-server unit or container not running means Redis is down")
                .doesNotReport("cache.redis-pool-misconfigured");
    }

    @Test
    void timeoutsWhileRedisAnswersPongAreAMisconfiguredClientPool() {
        Diagnosis d = evidence("docker-compose-logs-backend.txt", lines(
                        "backend-1  | 2026-07-08 13:21:29,929 - backend.cache - ERROR - redis.exceptions.TimeoutError: Timeout reading from socket",
                        "backend-1  | 2026-07-08 13:22:41,002 - backend.websocket.publisher - ERROR - redis.exceptions.TimeoutError: Timeout reading from socket",
                        "backend-1  | 2026-07-08 13:23:02,117 - backend.cache - ERROR - redis.exceptions.ConnectionError: Too many connections"),
                "redis-checks.txt", lines(
                        "$ docker exec nautilus-redis redis-cli ping",
                        "PONG",
                        "$ docker exec nautilus-redis redis-cli info clients",
                        "# Clients",
                        "connected_clients:9870",
                        "blocked_clients:0",
                        "maxclients:10000"));
        assertThat(d).ranksFirst("cache.redis-pool-misconfigured")
                .firedRule("Redis timeouts while ping answers PONG point at a client pool without limits and timeouts")
                .doesNotReport("cache.redis-unavailable");
    }

    @Test
    void oldRiskKeysWhileMonitoringRunsAreAStaleRiskCache() {
        Diagnosis d = evidence("risk-api-checks.txt", lines(
                        "$ curl -s http://localhost:8001/api/v1/sprint3/risk/monitoring/status | jq .",
                        "{",
                        "  \"running\": true,",
                        "  \"interval_seconds\": 60",
                        "}",
                        "$ docker exec nautilus-redis redis-cli object idletime risk:var:PORTFOLIO_001",
                        "(integer) 5412"),
                "backend.log", lines(
                        "2026-06-30 08:19:02,118 - backend.risk.dashboard - INFO - cache hit risk:var:PORTFOLIO_001 age=5400s, serving cached VaR"));
        assertThat(d).ranksFirst("cache.stale-risk-calculations")
                .firedRule("Risk results served from old risk keys mean the risk cache is stale");
    }

    private static final String UNCHANGED_VAR =
            "2026-06-30 08:19:02,118 - backend.risk.dashboard - WARNING - VaR for PORTFOLIO_001 unchanged since 07:42:09";

    private static String monitoringStatus(String running) {
        return lines(
                "$ curl -s http://localhost:8001/api/v1/sprint3/risk/monitoring/status | jq .",
                "{",
                "  \"running\": " + running + ",",
                "  \"task_state\": \"done\"",
                "}");
    }

    /** Unchanged VaR alone leaves the cache a candidate; the stopped monitor is what rules it out. */
    @Test
    void aStoppedRiskMonitorIsNotBlamedOnTheCache() {
        Diagnosis d = evidence("risk-api-checks.txt", monitoringStatus("false"), "backend.log", lines(UNCHANGED_VAR));
        assertThat(d).ranksFirst("risk.monitoring-stopped")
                .doesNotReport("cache.stale-risk-calculations")
                .hasNoCandidate("cache.stale-risk-calculations");
    }

    /** Twin of the above: the same unchanged VaR while the monitor reports running is the stale risk cache. */
    @Test
    void unchangedVarWhileTheRiskMonitorRunsIsBlamedOnTheCache() {
        Diagnosis d = evidence("risk-api-checks.txt", monitoringStatus("true"), "backend.log", lines(UNCHANGED_VAR));
        assertThat(d).ranksFirst("cache.stale-risk-calculations")
                .firedRule("Stale VaR while risk monitoring keeps running points at a stale risk cache");
    }

    @Test
    void routineBackgroundSavesAndPongReportNothing() {
        Diagnosis d = evidence("docker-compose-logs.txt", lines(
                        "nautilus-redis     | 1:M 15 Sep 2026 14:00:57.057 * 100 changes in 300 seconds. Saving...",
                        "nautilus-redis     | 1:M 15 Sep 2026 14:00:57.059 * Background saving started by pid 3838",
                        "nautilus-redis     | 3838:C 15 Sep 2026 14:00:57.243 * DB saved on disk",
                        "nautilus-redis     | 1:M 15 Sep 2026 14:00:57.307 * Background saving terminated with success"),
                "health.txt", lines("5. Redis Status:", "PONG"));
        assertThat(d).reportsNoCause();
    }

    @Test
    void riskWritesSkippedBecauseTheKeyExistsWhileMonitoringRunsAreAStaleRiskCache() {
        String status = lines("ops@app:~$ curl -s http://localhost:8001/api/v1/risk/monitoring/status",
                "{\"running\":true,\"interval_s\":60,\"cycles_completed\":912}");
        String skipped = lines(
                "backend-1  | 2026-03-17 10:00:04,711 - backend.risk.cache - WARNING - HSETNX risk:var:FUND_A skipped: fields already present, cached result kept",
                "backend-1  | 2026-03-17 10:01:04,702 - backend.risk.cache - WARNING - HSETNX risk:var:FUND_A skipped: fields already present, cached result kept");
        assertThat(evidence("status.txt", status, "backend.log", skipped)).ranksFirst("cache.stale-risk-calculations");
        assertThat(evidence("status.txt", status)).doesNotReport("cache.stale-risk-calculations");
    }

    @Test
    void oneRefusedRedisConnectionFollowedByAReconnectIsNotRedisDown() {
        String refused = "2026-03-02 09:14:07,221 - backend.cache - ERROR - redis.exceptions.ConnectionError: Error 111 connecting to redis:6379. Connection refused.";
        String back = "2026-03-02 09:14:12,880 - backend.cache - INFO - Redis connection restored after 2 attempts";
        assertThat(evidence("backend.log", lines(refused))).reports("cache.redis-unavailable");
        assertThat(evidence("backend.log", lines(refused, back))).doesNotReport("cache.redis-unavailable");
    }

    @Test
    void aRedisNameLookupFailureIsNotRedisRefusingConnections() {
        Diagnosis d = evidence("backend.log", lines(
                "2026-03-02 09:14:07,221 - backend.cache - ERROR - redis.exceptions.ConnectionError: Error -2 connecting to redis:6379. Name or service not known."));
        assertThat(d).doesNotReport("cache.redis-unavailable");
    }
}
