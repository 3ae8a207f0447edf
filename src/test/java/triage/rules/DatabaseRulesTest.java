package triage.rules;

import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;

import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/database.drl: PostgreSQL / TimescaleDB (003 2.3, 6.2, 7.x; 000 section 3; 002; 004). */
class DatabaseRulesTest {

    @Test
    void refusedConnectionsAndNoServerMeanTheDatabaseIsDown() {
        Diagnosis d = evidence("system.log", lines(
                        "[2026-05-20 09:14:02.101] [system] [error] Database connection failed: could not connect to server: Connection refused",
                        "[2026-05-20 09:14:07.105] [system] [warning] db_pool: reconnect failed: connection to server at \"localhost\" (127.0.0.1), port 5432 failed: Connection refused",
                        "[2026-05-20 09:14:12.109] [system] [warning] db_pool: reconnect failed: connection to server at \"localhost\" (127.0.0.1), port 5432 failed: Connection refused"),
                "operator-shell.txt", lines(
                        "hft@hft-ld4-01:~$ pg_isready -h localhost -p 5432",
                        "localhost:5432 - no response",
                        "hft@hft-ld4-01:~$ sudo systemctl status timescaledb --no-pager",
                        "\u00d7 timescaledb.service - TimescaleDB (PostgreSQL 16)",
                        "     Active: failed (Result: exit-code) since Wed 2026-05-20 09:13:58 UTC; 2min ago"));
        assertThat(d).ranksFirst("database.down")
                .firedRule("Repeated connection refusals on port 5432 mean PostgreSQL is not running")
                .doesNotReport("database.wrong-credentials");
    }

    @Test
    void aPasswordErrorWhileTheServerAcceptsConnectionsIsWrongCredentials() {
        Diagnosis d = evidence("postgresql-16-main.log", lines(
                        "2026-05-20 09:14:02.101 UTC [4021] hft_user@hft_db FATAL:  password authentication failed for user \"hft_user\"",
                        "2026-05-20 09:14:02.101 UTC [4021] hft_user@hft_db DETAIL:  Connection matched pg_hba.conf line 99: \"host all all 127.0.0.1/32 scram-sha-256\"",
                        "2026-05-20 09:14:07.311 UTC [4025] hft_user@hft_db FATAL:  password authentication failed for user \"hft_user\""),
                "checks.txt", lines(
                        "$ pg_isready -h localhost -p 5432",
                        "localhost:5432 - accepting connections"));
        assertThat(d).ranksFirst("database.wrong-credentials")
                .firedRule("A server that accepts connections but refuses our login has the wrong credentials configured")
                .doesNotReport("database.down");
    }

    @Test
    void aRestartThatIsOverLeavesNoDatabaseDown() {
        Diagnosis d = evidence("errors.log", lines(
                        "[2026-05-20 11:02:19.311] [errors] [error] database error: connection to server at \"localhost\" (127.0.0.1), port 5432 failed: Connection refused",
                        "[2026-05-20 11:02:24.318] [errors] [error] database error: FATAL:  the database system is starting up"),
                "journal.txt", lines(
                        "May 20 11:02:27 hft-ld4-01 postgres[61240]: 2026-05-20 11:02:27.904 UTC [61240] LOG:  database system is ready to accept connections"),
                "operator-shell.txt", lines(
                        "hft@hft-ld4-01:/opt/hft_system$ pg_isready -h localhost -p 5432",
                        "localhost:5432 - accepting connections"));
        assertThat(d).doesNotReport("database.down");
    }

    @Test
    void tooManyClientsWithSessionsAtMaxConnectionsIsPoolExhaustion() {
        Diagnosis d = evidence("postgresql-15-main.log", lines(
                        "2026-08-27 12:21:56.935 UTC [91227] tmt_user@tmt_production FATAL:  sorry, too many clients already",
                        "2026-08-27 12:23:22.735 UTC [91237] tmt_user@tmt_production FATAL:  remaining connection slots are reserved for non-replication superuser connections",
                        "2026-08-27 12:24:29.292 UTC [91273] tmt_user@tmt_production FATAL:  sorry, too many clients already"),
                "pg_stat_activity.txt", lines(
                        "postgres@tmt-prod-01:~$ psql -d tmt_production -c \"SELECT count(*) FROM pg_stat_activity;\"",
                        " count", "-------", "   100", "(1 row)", "",
                        "postgres@tmt-prod-01:~$ psql -d tmt_production -c \"SHOW max_connections;\"",
                        " max_connections", "-----------------", " 100", "(1 row)", "",
                        "postgres@tmt-prod-01:~$ psql -d tmt_production -c \"SELECT application_name, state, count(*), max(now() - state_change) AS longest_in_state FROM pg_stat_activity GROUP BY 1, 2 ORDER BY 3 DESC;\"",
                        "    application_name    | state  | count | longest_in_state",
                        "------------------------+--------+-------+------------------",
                        " tmt-execution-engine   | idle   |    84 | 03:24:51.118202",
                        " tmt-risk-management    | idle   |     4 | 00:01:12.550140"));
        assertThat(d).ranksFirst("database.connection-pool-exhausted")
                .firedRule("Many sessions idle for minutes while slots run out are a connection leak")
                .doesNotReport("database.down")
                .doesNotReport("database.long-running-query");
    }

    @Test
    void hikariAndSqlalchemyPoolTimeoutsAreAnExhaustedPool() {
        Diagnosis d = evidence("backend.log", lines(
                "2026-06-02 10:01:12,004 ERROR [http-nio-8080-exec-7] o.h.e.j.s.SqlExceptionHelper - HikariPool-1 - Connection is not available, request timed out after 30004ms.",
                "java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30002ms.",
                "sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)"));
        assertThat(d).ranksFirst("database.connection-pool-exhausted");
    }

    @Test
    void queriesActiveForMinutesAreLongRunningAndOutrankThePoolTheyHold() {
        Diagnosis d = evidence("pg-activity.txt", lines(
                        "hft@hft-ld4-01:~$ psql -h localhost -U hft_user -d hft_db -c \"SELECT pid, now() - query_start AS duration, query FROM pg_stat_activity WHERE state = 'active' ORDER BY duration DESC;\"",
                        "  pid  |    duration     |                 query",
                        "-------+-----------------+----------------------------------------",
                        " 48122 | 00:17:42.118330 | SELECT symbol, sum(qty) FROM fills f JOIN orders o ON o.id = f.order_id GROUP BY 1",
                        " 48190 | 00:09:12.004113 | UPDATE positions SET qty = qty + $1 WHERE symbol = $2",
                        " 50211 | 00:00:00.002101 | SELECT 1"),
                "system.log", lines(
                        "[2026-05-20 09:14:02.101] [system] [error] database error: ERROR:  canceling statement due to statement timeout",
                        "[2026-05-20 09:14:05.101] [system] [error] db_pool: QueuePool limit of size 20 overflow 30 reached, connection timed out, timeout 30.00"));
        assertThat(d).ranksFirst("database.long-running-query")
                .firedRule("A query running for more than five minutes is a runaway query")
                .ranksAbove("database.long-running-query", "database.connection-pool-exhausted");
    }

    @Test
    void aSequentialScanDiscardingMillionsOfRowsIsAMissingIndex() {
        Diagnosis d = evidence("postgres.log", lines(
                        "2026-08-19 10:05:01.950 UTC [4439] LOG:  duration: 4329.548 ms  execute <unnamed>: SELECT var_95 FROM risk_metrics WHERE portfolio_id = $1 AND timestamp >= $2",
                        "2026-08-19 10:06:31.850 UTC [4445] LOG:  duration: 6906.749 ms  execute <unnamed>: SELECT var_95 FROM risk_metrics WHERE portfolio_id = $1 AND timestamp >= $2",
                        "2026-08-19 10:07:08.641 UTC [4417] LOG:  duration: 7588.118 ms  execute <unnamed>: SELECT var_95 FROM risk_metrics WHERE portfolio_id = $1 AND timestamp >= $2"),
                "explain.txt", lines(
                        "nautilus=# EXPLAIN ANALYZE SELECT var_95 FROM risk_metrics WHERE portfolio_id = 'PORTFOLIO_001' AND timestamp >= now() - interval '1 day';",
                        "                                QUERY PLAN",
                        "--------------------------------------------------------------------------",
                        " Seq Scan on risk_metrics  (cost=0.00..611425.86 rows=21737 width=14) (actual time=4102.337..5359.870 rows=28833 loops=1)",
                        "   Filter: (((portfolio_id)::text = 'PORTFOLIO_001'::text) AND (\"timestamp\" >= (now() - '1 day'::interval)))",
                        "   Rows Removed by Filter: 18442110",
                        " Execution Time: 5392.044 ms"),
                "tables.txt", lines(
                        "nautilus=# SELECT relname, n_live_tup, n_dead_tup FROM pg_stat_user_tables ORDER BY n_dead_tup DESC;",
                        "    relname     | n_live_tup | n_dead_tup",
                        "----------------+------------+------------",
                        " risk_metrics   |   18471338 |      21877"));
        assertThat(d).ranksFirst("database.missing-index")
                .firedRule("A sequential scan discarding many rows by filter is a missing index")
                .doesNotReport("database.table-bloat");
    }

    @Test
    void manyDeadTuplesWithIndexScansMakeBloatTheCause() {
        Diagnosis d = evidence("postgres.log", lines(
                        "2026-08-19 10:05:01.950 UTC [4439] LOG:  duration: 2329.548 ms  statement: SELECT * FROM market_data_ticks WHERE symbol = 'BTC-USDT' AND ts > now() - interval '5 minutes'",
                        "2026-08-19 10:06:31.850 UTC [4445] LOG:  duration: 2906.749 ms  statement: SELECT * FROM market_data_ticks WHERE symbol = 'ETH-USDT' AND ts > now() - interval '5 minutes'",
                        "2026-08-19 10:07:08.641 UTC [4417] LOG:  duration: 3588.118 ms  statement: SELECT * FROM market_data_ticks WHERE symbol = 'SOL-USDT' AND ts > now() - interval '5 minutes'"),
                "explain.txt", lines(
                        "hft_db=# EXPLAIN ANALYZE SELECT * FROM market_data_ticks WHERE symbol = 'BTC-USDT' AND ts > now() - interval '5 minutes';",
                        " Index Scan using idx_ticks_symbol_ts on market_data_ticks  (cost=0.57..9120.44 rows=2810 width=64) (actual time=0.081..2301.112 rows=2911 loops=1)",
                        " Execution Time: 2303.900 ms"),
                "tables.txt", lines(
                        "hft_db=# SELECT relname, n_live_tup, n_dead_tup, last_autovacuum FROM pg_stat_user_tables ORDER BY n_dead_tup DESC;",
                        "      relname       | n_live_tup | n_dead_tup |        last_autovacuum",
                        "--------------------+------------+------------+-------------------------------",
                        " market_data_ticks  |   41200331 |   38822019 | 2026-08-01 03:12:40.118331+00"));
        assertThat(d).ranksFirst("database.table-bloat")
                .firedRule("A table with many dead tuples relative to live ones is bloated")
                .ranksAbove("database.table-bloat", "database.missing-index");
    }

    @Test
    void badRowEstimatesWithAutovacuumOffAreOutdatedStatistics() {
        Diagnosis d = evidence("explain.txt", lines(
                "hft_db=# EXPLAIN ANALYZE SELECT * FROM market_data_ticks t JOIN orders o ON o.symbol = t.symbol WHERE t.ts > now() - interval '1 hour';",
                " Nested Loop  (cost=0.86..16.91 rows=1 width=128) (actual time=0.051..9120.331 rows=482113 loops=1)",
                "   ->  Index Scan using idx_ticks_ts on market_data_ticks t  (cost=0.43..8.45 rows=1 width=64) (actual time=0.021..812.220 rows=612204 loops=1)",
                " Execution Time: 9301.447 ms",
                "hft_db=# \\d+ market_data_ticks",
                "Options: autovacuum_enabled=false"));
        assertThat(d).ranksFirst("database.outdated-statistics")
                .firedRule("A planner estimate far below the actual rows means statistics are outdated")
                .doesNotReport("database.missing-index");
    }

    @Test
    void hypertablesWithoutPoliciesAreMissingTimescaleTuning() {
        Diagnosis d = evidence("timescale.txt", lines(
                        "$ docker exec nautilus-postgres psql -U nautilus -d nautilus -c \"SELECT hypertable_name, proc_name, schedule_interval FROM timescaledb_information.jobs WHERE proc_name IN ('policy_compression','policy_retention');\"",
                        " hypertable_name | proc_name | schedule_interval",
                        "-----------------+-----------+-------------------",
                        "(0 rows)",
                        "$ docker exec nautilus-postgres psql -U nautilus -d nautilus -c \"SELECT hypertable_name, num_chunks, compression_enabled FROM timescaledb_information.hypertables;\"",
                        "  hypertable_name  | num_chunks | compression_enabled",
                        "-------------------+------------+---------------------",
                        " analytics_metrics |       4312 | f",
                        " risk_events       |       2211 | f"),
                "postgres.log", lines(
                        "2026-08-19 10:05:01.950 UTC [4439] LOG:  duration: 5329.548 ms  statement: SELECT avg(value) FROM analytics_metrics WHERE portfolio_id = 'PORTFOLIO_001' AND timestamp > now() - interval '90 days'",
                        "2026-08-19 10:06:31.850 UTC [4445] LOG:  duration: 5906.749 ms  statement: SELECT avg(value) FROM analytics_metrics WHERE portfolio_id = 'PORTFOLIO_002' AND timestamp > now() - interval '90 days'",
                        "2026-08-19 10:07:08.641 UTC [4417] LOG:  duration: 6588.118 ms  statement: SELECT avg(value) FROM analytics_metrics WHERE portfolio_id = 'PORTFOLIO_003' AND timestamp > now() - interval '90 days'"));
        assertThat(d).ranksFirst("database.timescale-policies-missing")
                .firedRule("Hypertables without compression or retention policy jobs grow unbounded");
    }

    @Test
    void postgresUnableToExtendFilesOnAFullVolumeIsADatabaseDiskFull() {
        Diagnosis d = evidence("postgresql-16-main.log", lines(
                        "2026-04-21 01:38:58.138 UTC [7790] ERROR:  could not extend file \"base/25546/25595_vm\": No space left on device",
                        "2026-04-21 01:38:58.138 UTC [7790] HINT:  Check free disk space.",
                        "2026-04-21 01:38:58.351 UTC [1629] LOG:  could not write temporary statistics file \"pg_stat_tmp/db_25546.tmp\": No space left on device"),
                "df-h.txt", lines(
                        "hft_user@hft-prod-01:~$ df -h /var/lib/postgresql",
                        "Filesystem      Size  Used Avail Use% Mounted on",
                        "/dev/nvme1n1    1.8T  1.8T     0 100% /var/lib/postgresql"));
        assertThat(d).ranksFirst("database.disk-full")
                .firedRule("PostgreSQL failing to extend its files for lack of space means the database volume is full");
    }

    @Test
    void aRootDiskFullOfLogsWithThePostgresVolumeAtFortyPercentIsNotADatabaseDiskFull() {
        Diagnosis d = evidence("df-h.txt", lines(
                        "hft_user@hft-prod-01:~$ df -h",
                        "Filesystem      Size  Used Avail Use% Mounted on",
                        "/dev/nvme0n1p2  915G  915G     0 100% /",
                        "/dev/nvme1n1    1.8T  731G 1006G  43% /var/lib/postgresql"),
                "journal.txt", lines(
                        "Sep 03 04:12:09 hft-prod-01 hft_system[2231]: [error] failed to write /var/log/hft_system/market_data.log: No space left on device"));
        assertThat(d).doesNotReport("database.disk-full");
    }

    @Test
    void aStandbyMinutesBehindIsReplicationLag() {
        Diagnosis d = evidence("replication.txt", lines(
                "$ ./scripts/check_replication_lag.sh",
                "primary pg_current_wal_lsn: 3A/DDC0D518",
                "standby pg_last_wal_replay_lsn: 3A/1C2F0040",
                "Replication lag: 412 seconds (3.1 GB behind)"),
                "standby.log", lines(
                "2026-08-19 10:05:01.950 UTC [4439] ERROR:  canceling statement due to conflict with recovery"));
        assertThat(d).ranksFirst("database.replication-lag");
    }

    @Test
    void oneSlowStatementAndAHealthyServerReportNothing() {
        Diagnosis d = evidence("docker-compose-logs.txt", lines(
                        "nautilus-postgres  | 2026-09-15 14:27:03.661 UTC [412] LOG:  duration: 121.877 ms  statement: SELECT portfolio_id, var_95 FROM risk_metrics WHERE portfolio_id = 'PORTFOLIO_001'",
                        "nautilus-postgres  | 2026-09-15 14:11:17.813 UTC [63] LOG:  checkpoint starting: time"),
                "health.txt", lines("/var/run/postgresql:5432 - accepting connections"));
        assertThat(d).reportsNoCause();
    }

    @Test
    void slowAppQueriesAndDeadTuplesInAStatsTableWithExtraColumnsAreBloat() {
        String slow = lines(
                "[2026-10-21 13:00:25.791] [system] [warn] Slow database query: 1472ms > 100ms (UPDATE fills_state SET qty = $1 WHERE id = $2)",
                "[2026-10-21 13:01:25.791] [system] [warn] Slow database query: 1655ms > 100ms (UPDATE fills_state SET qty = $1 WHERE id = $2)",
                "[2026-10-21 13:02:25.791] [system] [warn] Slow database query: 1993ms > 100ms (SELECT * FROM fills_state WHERE open)");
        String bloated = lines(
                "hft@db:~$ psql -c \"SELECT relname, n_live_tup, n_dead_tup, round(100.0*n_dead_tup/nullif(n_live_tup+n_dead_tup,0),1) AS dead_pct, last_autovacuum FROM pg_stat_user_tables;\"",
                " fills_state |     91220 |  48190211 |     99.8 | 2026-07-01 03:12:40+00");
        String clean = lines(
                "hft@db:~$ psql -c \"SELECT relname, n_live_tup, n_dead_tup, round(100.0*n_dead_tup/nullif(n_live_tup+n_dead_tup,0),1) AS dead_pct, last_autovacuum FROM pg_stat_user_tables;\"",
                " fills_state |   9122000 |      4190 |      0.0 | 2026-10-21 03:12:40+00");
        assertThat(evidence("system.log", slow, "psql.txt", bloated)).recognises("database.slow-statement").ranksFirst("database.table-bloat");
        assertThat(evidence("system.log", slow, "psql.txt", clean)).doesNotReport("database.table-bloat");
    }

    @Test
    void aTimescaleJobListWithOnlyTheBuiltInJobsMeansThePoliciesAreMissing() {
        String header = "ops@db:~$ psql -c \"SELECT job_id, application_name, hypertable_name FROM timescaledb_information.jobs;\"";
        String builtIn = "      1 | Telemetry Reporter [1]    |";
        assertThat(evidence("jobs.txt", lines(header, builtIn, "      2 | Job History Log Retention Policy [2] |")))
                .ranksFirst("database.timescale-policies-missing");
        assertThat(evidence("jobs.txt", lines(header, builtIn, "   1000 | Compression Policy [1000] | ticks")))
                .doesNotReport("database.timescale-policies-missing");
    }
}
