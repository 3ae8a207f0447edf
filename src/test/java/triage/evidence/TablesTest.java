package triage.evidence;

import org.junit.jupiter.api.Test;
import triage.facts.Symptom;
import triage.knowledge.PatternDef;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static triage.evidence.RecognitionFixture.pattern;
import static triage.evidence.RecognitionFixture.reader;

/** Command-output tables are read by their header: a column's value is found whatever the column order. */
class TablesTest {

    private static List<Symptom> read(PatternDef p, String file, String text) {
        return reader(p).read(file, text.getBytes(StandardCharsets.UTF_8)).symptoms();
    }

    private final PatternDef idleInTransaction = pattern("db.idle-in-transaction", "(?i)^state: idle in transaction$", "idle in transaction");

    @Test
    void psqlExpandedRecordsKeepTheirKeyInsteadOfLosingItAsAComposePrefix() {
        String out = String.join("\n",
                "postgres@db-01:~$ psql -x -c \"SELECT pid, state, query FROM pg_stat_activity\"",
                "-[ RECORD 1 ]----+---------------------------",
                "pid              | 88412",
                "state            | idle in transaction",
                "query            | UPDATE positions SET qty = qty + 1", "");
        List<Symptom> found = read(idleInTransaction, "pg_stat_activity.txt", out);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).citations().get(0).source()).isEqualTo("pg_stat_activity.txt:4");
        assertThat(found.get(0).citations().get(0).text()).isEqualTo("state            | idle in transaction");
    }

    @Test
    void psqlAlignedTablesAreReadByHeaderWhateverTheColumnOrder() {
        String usual = String.join("\n",
                "  pid  |        state        | wait_event",
                "-------+---------------------+------------",
                " 88412 | idle in transaction | ClientRead",
                " 88413 | active              |",
                "(2 rows)", "");
        String reordered = String.join("\n",
                "        state        | backend_type   |  pid  | usename",
                "---------------------+----------------+-------+---------",
                " active              | client backend | 88413 | tmt",
                " idle in transaction | client backend | 88412 | tmt",
                "(2 rows)", "");
        assertThat(read(idleInTransaction, "psql.txt", usual)).extracting(Symptom::count).containsExactly(1);
        assertThat(read(idleInTransaction, "psql.txt", reordered)).extracting(Symptom::count).containsExactly(1);
    }

    @Test
    void aSingleColumnPsqlResultIsAColumnValueRecord() {
        PatternDef max = pattern("db.max-connections", "^max_connections: (?<value>\\d+)$", "max_connections");
        String out = " max_connections \n-----------------\n 100\n(1 row)\n";
        assertThat(read(max, "psql.txt", out)).extracting(Symptom::value).containsExactly(100.0);
    }

    @Test
    void processListingsAreJudgedByTheScriptNotTheInterpreter() {
        PatternDef job = pattern("strategy.job-running", "^program: reconcile\\.py$", "program");
        String psAux = String.join("\n",
                "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND",
                "trader      4121 98.7  1.2 912344 99812 ?        Rs   09:12  41:07 /opt/venv/bin/python3 -u /opt/jobs/reconcile.py --loop",
                "trader      4188  0.1  0.4 412344 29812 ?        S    09:12   0:02 /opt/venv/bin/python3 /opt/jobs/heartbeat.py", "");
        String psEo = String.join("\n",
                "    PID     ELAPSED %CPU COMMAND",
                "   4121    02:41:07 98.7 python3 /opt/jobs/reconcile.py --loop", "");
        assertThat(read(job, "ps-aux.txt", psAux)).extracting(Symptom::count).containsExactly(1);
        assertThat(read(job, "ps.txt", psEo)).extracting(Symptom::count).containsExactly(1);
        assertThat(read(job, "ps-aux.txt", psAux.replace("reconcile.py", "backfill.py"))).isEmpty();
    }

    @Test
    void topRowsCarryTheirColumnNames() {
        PatternDef hot = new PatternDef("host.process-cpu", "^%CPU: (?<value>[\\d.]+)$", List.of("%cpu"), 90.0, null, null, null);
        String top = String.join("\n",
                "top - 09:14:02 up 12 days,  3:01,  1 user,  load average: 4.12, 3.98, 3.50",
                "    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND",
                "   4121 trader    20   0  912344  99812  10240 R  99.3   1.2  41:07.12 python3",
                "   1022 root      20   0   12344   2812   1024 S   0.3   0.0   0:12.02 sshd", "");
        assertThat(read(hot, "top.txt", top)).extracting(Symptom::value).containsExactly(99.3);
    }

    @Test
    void dockerStatsCellsHoldSpacesAndAreReadUnderTheirHeader() {
        PatternDef mem = new PatternDef("host.container-memory", "^MEM %: (?<value>[\\d.]+)%$", List.of("mem %"), 90.0, null, null, null);
        String stats = String.join("\n",
                "CONTAINER ID   NAME                 CPU %     MEM USAGE / LIMIT     MEM %     NET I/O           BLOCK I/O     PIDS",
                "3f1c2a9e0b11   nautilus-redis       0.41%     1.98GiB / 2GiB        99.02%    1.2GB / 980MB     0B / 4.1GB    6",
                "8be41d0c7a22   backend-1            12.3%     412MiB / 4GiB         10.06%    3.4GB / 2.9GB     0B / 0B       31", "");
        assertThat(read(mem, "docker-stats.txt", stats)).extracting(Symptom::value).containsExactly(99.02);
    }

    @Test
    void dfAndSsRowsAreColumnValueRecords() {
        PatternDef full = new PatternDef("host.disk-full", "^Use%: (?<value>\\d+)%$", List.of("use%"), 95.0, null, null, null);
        String df = "Filesystem      Size  Used Avail Use% Mounted on\n/dev/nvme0n1p2  915G  912G  3.0G 100% /\ntmpfs           7.8G     0  7.8G   0% /dev/shm\n";
        assertThat(read(full, "df-h.txt", df)).extracting(Symptom::value).containsExactly(100.0);

        PatternDef listening = pattern("net.listener", "^Local Address:Port: \\S+:(?<port>5555)$", "local address");
        String ss = "State    Recv-Q   Send-Q     Local Address:Port     Peer Address:Port  Process\n"
                + "LISTEN   0        4096           127.0.0.1:5555          0.0.0.0:*\n"
                + "ESTAB    0        0              10.0.0.4:41022      10.0.0.9:5432\n";
        assertThat(read(listening, "ss-tan.txt", ss)).extracting(s -> s.attribute("port")).containsExactly("5555");
    }

    @Test
    void whatACommandLineRuns() {
        assertThat(Tables.program("/opt/venv/bin/python3 -u /opt/x/job.py --flag")).isEqualTo("job.py");
        assertThat(Tables.program("python -m nautilus_integration.main")).isEqualTo("nautilus_integration.main");
        assertThat(Tables.program("java -Xmx2g -jar /opt/triage/triage.jar serve")).isEqualTo("triage.jar");
        assertThat(Tables.program("/usr/bin/env python3 scripts/backfill.py")).isEqualTo("backfill.py");
        assertThat(Tables.program("/usr/bin/redis-server *:6379")).isEqualTo("redis-server");
        assertThat(Tables.program("./hft_system --config /etc/hft_system/config.yaml")).isEqualTo("hft_system");
    }
}
