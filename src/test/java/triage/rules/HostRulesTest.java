package triage.rules;

import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;

import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/host.drl: the machine itself (003 2.1, 2.2, 5.2, 5.3, 6.1-6.3; 001 High CPU / Slow Order Execution). */
class HostRulesTest {

    private static final String DF_ROOT_FULL = lines(
            "hft_user@hft-prod-01:~$ df -h",
            "Filesystem      Size  Used Avail Use% Mounted on",
            "tmpfs            26G  3.1M   26G   1% /run",
            "/dev/nvme0n1p2  915G  901G   14G  99% /",
            "/dev/nvme1n1    1.8T  731G 1006G  43% /var/lib/postgresql",
            "/dev/loop0       64M   64M     0 100% /snap/core20/2318");

    // ------------------------------------------------------------------ clock
    @Test
    void chronyReportingSecondsOfDriftRanksClockDriftFirst() {
        Diagnosis d = evidence("chronyc-tracking.txt", lines(
                "Reference ID    : 00000000 ()",
                "Stratum         : 0",
                "System time     : 4.213377 seconds fast of NTP time",
                "Leap status     : Not synchronised"));
        assertThat(d).ranksFirst("host.clock-drift").firedRule("A clock more than a second off NTP is clock drift");
    }

    @Test
    void recvWindowRejectionsPointAtTheClock() {
        Diagnosis d = evidence("exchanges.log", lines(
                "ccxt.base.errors.InvalidNonce: binance {\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}",
                "ccxt.base.errors.InvalidNonce: binance {\"code\":-1021,\"msg\":\"Timestamp for this request was 1000ms ahead of the server's time.\"}"));
        assertThat(d).ranksFirst("host.clock-drift");
    }

    @Test
    void aSynchronisedClockRulesOutDrift() {
        Diagnosis d = evidence("exchanges.log", lines(
                        "binance {\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}"),
                "timedatectl.txt", lines("System clock synchronized: yes", "              NTP service: active"));
        assertThat(d).doesNotReport("host.clock-drift");
    }

    // ------------------------------------------------------------------ disk
    @Test
    void aFullRootVolumeWhoseSpaceIsInVarLogIsFilledByLogs() {
        Diagnosis d = evidence("df-h.txt", DF_ROOT_FULL + lines(
                        "hft_user@hft-prod-01:~$ sudo du -xh --max-depth=1 /var 2>/dev/null | sort -rh | head -4",
                        "872G    /var",
                        "861G    /var/log",
                        "2.1G    /var/lib",
                        "0       /var/crash"),
                "journalctl-hft_system.txt", lines(
                        "Sep 03 04:12:55 hft-prod-01 hft_system[2214]: [*** LOG ERROR #0001 ***] [2026-09-03 04:12:55] [market_data] Failed writing to file /var/log/hft_system/market_data.log: No space left on device",
                        "Sep 03 04:14:02 hft-prod-01 hft_system[2214]: [2026-09-03 04:14:02.551] [system] [error] Failed to persist order state snapshot /opt/hft_system/state/orders.snap.tmp: write: No space left on device (errno 28)"));
        assertThat(d).ranksFirst("host.disk-full-logs")
                .firedRule("A full disk whose largest directories are logs is filled by logs")
                .recognises("host.disk-usage-high").recognises("host.log-dir-large")
                .doesNotReport("host.disk-full-core-dumps");
    }

    @Test
    void aFullDiskWithCoreDumpsAndNoBigLogsIsFilledByCoreDumps() {
        Diagnosis d = evidence("df-h.txt", DF_ROOT_FULL + lines(
                        "hft_user@hft-prod-01:~$ find /tmp /var/crash -name 'core*' 2>/dev/null",
                        "/tmp/core.hft_system.2214.1725330000",
                        "/tmp/core.hft_system.2290.1725333600",
                        "hft_user@hft-prod-01:~$ ls -lh /tmp/core.*",
                        "-rw------- 1 hft_user hft_group  48G Sep 03 01:00 /tmp/core.hft_system.2214.1725330000",
                        "-rw------- 1 hft_user hft_group  47G Sep 03 02:00 /tmp/core.hft_system.2290.1725333600",
                        "hft_user@hft-prod-01:~$ sudo du -sh /var/log",
                        "3.2G    /var/log"));
        assertThat(d).ranksFirst("host.disk-full-core-dumps").doesNotReport("host.disk-full-logs");
    }

    @Test
    void logsOrCoreDumpsFlipWithWhereTheSpaceIs() {
        Diagnosis logs = evidence("df-h.txt", DF_ROOT_FULL + lines(
                "hft_user@hft-prod-01:~$ du -sh /var/log /var/crash",
                "612G    /var/log",
                "0       /var/crash",
                "hft_user@hft-prod-01:~$ find /tmp /var/crash -name 'core*' | wc -l",
                "0"));
        assertThat(logs).ranksFirst("host.disk-full-logs").doesNotReport("host.disk-full-core-dumps");
        Diagnosis cores = evidence("df-h.txt", DF_ROOT_FULL + lines(
                "hft_user@hft-prod-01:~$ du -sh /var/log /var/crash",
                "2.4G    /var/log",
                "590G    /var/crash"));
        assertThat(cores).ranksFirst("host.disk-full-core-dumps").doesNotReport("host.disk-full-logs");
    }

    @Test
    void aFullDatabaseVolumeIsNotBlamedOnLogs() {
        Diagnosis d = evidence("df-h.txt", lines(
                "ops@db-01:~$ df -h",
                "Filesystem      Size  Used Avail Use% Mounted on",
                "/dev/nvme0n1p2  194G   61G  134G  32% /",
                "/dev/nvme1n1    492G  488G  4.0G  99% /var/lib/postgresql",
                "ops@db-01:~$ sudo du -sh /var/lib/postgresql/16/main",
                "486G    /var/lib/postgresql/16/main"));
        assertThat(d).doesNotReport("host.disk-full-logs").doesNotReport("host.disk-full-core-dumps");
    }

    @Test
    void volumesWellBelowEightyPercentAreNotADiskProblem() {
        Diagnosis d = evidence("df-h.txt", lines(
                "$ df -h",
                "Filesystem      Size  Used Avail Use% Mounted on",
                "/dev/nvme0n1p1  194G   61G  134G  32% /",
                "$ du -sh /var/log",
                "14G     /var/log"));
        assertThat(d).reportsNoCause();
    }

    // ------------------------------------------------------------------ memory
    @Test
    void oomKillsOfSeveralProcessesOnAFullHostMeanTooLittleMemory() {
        Diagnosis d = evidence("journalctl-kernel.txt", lines(
                        "Mar 12 14:02:11 pyrt-prod-01 kernel: market-data invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0",
                        "Mar 12 14:02:11 pyrt-prod-01 kernel: Out of memory: Killed process 1187 (market-data) total-vm:4608848kB, anon-rss:3184012kB, file-rss:0kB, shmem-rss:0kB, UID:1001 pgtables:6564kB oom_score_adj:0",
                        "Mar 12 14:09:40 pyrt-prod-01 kernel: Out of memory: Killed process 1944 (risk-manager) total-vm:3308848kB, anon-rss:2884012kB, file-rss:0kB, shmem-rss:0kB, UID:1001 pgtables:5564kB oom_score_adj:0"),
                "free-m.txt", lines(
                        "$ free -m",
                        "               total        used        free      shared  buff/cache   available",
                        "Mem:            7821        7412         101          12         307         188",
                        "Swap:              0           0           0"));
        assertThat(d).ranksFirst("host.memory-insufficient").doesNotReport("service.memory-leak");
    }

    // ------------------------------------------------------------------ CPU
    @Test
    void aBusyCpuWithAnalyticsAtTheTopIsContention() {
        Diagnosis d = evidence("top.txt", lines(
                        "oncall@tmt-prod-01:~$ top -bn1 | head -12",
                        "top - 14:31:02 up 12 days,  3:11,  1 user,  load average: 7.92, 7.40, 6.88",
                        "Tasks: 231 total,   6 running, 225 sleeping,   0 stopped,   0 zombie",
                        "%Cpu(s): 88.1 us,  8.2 sy,  0.0 ni,  2.9 id,  0.0 wa,  0.0 hi,  0.8 si,  0.0 st",
                        "    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND",
                        "   4410 tmt       20   0 2342120 912312  21232 R 291.0   5.6  88:12.31 tmt-analytics",
                        "   2302 tmt       20   0 1098844 280112  11220 S  41.2   1.7 102:44.02 python3"),
                "execution.log", lines(
                        "2026-05-07 14:30:55,112 - tmt.execution - WARNING - trade executed in 412ms (target 100ms)"));
        assertThat(d).ranksFirst("host.cpu-contention").doesNotReport("service.busy-loop");
    }

    @Test
    void aPowersaveGovernorWithSlowOrdersIsFrequencyThrottling() {
        Diagnosis d = evidence("cpupower.txt", lines(
                        "$ cpupower frequency-info | grep -i governor",
                        "  available cpufreq governors: performance powersave",
                        "                  The governor \"powersave\" may decide which speed to use"),
                "ping.txt", lines(
                        "$ ping -c 20 paper-api.alpaca.markets | tail -1",
                        "rtt min/avg/max/mdev = 1.702/1.811/2.034/0.082 ms"),
                "metrics.txt", lines(
                        "# TYPE execution_latency_seconds summary",
                        "execution_latency_seconds{quantile=\"0.5\"} 0.82",
                        "execution_latency_seconds{quantile=\"0.99\"} 1.64"));
        assertThat(d).ranksFirst("host.cpu-frequency-throttling").doesNotReport("network.high-rtt-to-exchange");
    }

    @Test
    void pidstatAboveTenThousandSwitchesIsExcessiveContextSwitching() {
        Diagnosis d = evidence("pidstat-w.txt", lines(
                "hft_user@hft-prod-01:~$ pidstat -w -p $(cat /var/run/hft_system.pid) 1 3",
                "Linux 5.15.0-105-generic (hft-prod-01)  09/03/2026  _x86_64_  (32 CPU)",
                "",
                "14:20:01      UID       PID   cswch/s nvcswch/s  Command",
                "14:20:02     1001      2214  48211.00  12480.00  hft_system",
                "14:20:03     1001      2214  51022.00  13122.00  hft_system",
                "14:20:04     1001      2214  49876.00  12901.00  hft_system",
                "Average:     1001      2214  49703.00  12834.33  hft_system"));
        assertThat(d).ranksFirst("host.context-switching-excessive");
    }

    // ------------------------------------------------------------------ file descriptors
    @Test
    void tooManyOpenFilesUnderALimitOf1024IsALimitTooLow() {
        Diagnosis d = evidence("journalctl.txt", lines(
                        "Mar 14 09:48:14 pyrt-prod-01 market-data[1187]: 2026-03-14T09:48:14.886018Z ERROR market_data: Accept error: Too many open files (os error 24)",
                        "Mar 14 09:48:15 pyrt-prod-01 market-data[1187]: 2026-03-14T09:48:15.101311Z ERROR market_data: Accept error: Too many open files (os error 24)"),
                "ulimit-a.txt", lines(
                        "trader@pyrt-prod-01:~$ ulimit -a | grep open",
                        "open files                          (-n) 1024"));
        assertThat(d).ranksFirst("host.fd-limit-too-low").ranksAbove("host.fd-limit-too-low", "service.fd-leak");
    }

    @Test
    void tooManyOpenFilesUnderAGenerousLimitWithPiledUpSocketsIsALeak() {
        Diagnosis d = evidence("journalctl.txt", lines(
                        "Mar 14 09:48:14 pyrt-prod-01 market-data[1187]: 2026-03-14T09:48:14.886018Z ERROR market_data: Accept error: Too many open files (os error 24)",
                        "Mar 14 09:48:15 pyrt-prod-01 market-data[1187]: 2026-03-14T09:48:15.101311Z ERROR market_data: Accept error: Too many open files (os error 24)"),
                "ulimit-a.txt", lines(
                        "trader@pyrt-prod-01:~$ ulimit -n",
                        "65536",
                        "trader@pyrt-prod-01:~$ lsof -p 1187 | grep ESTABLISHED | awk '{print $9}' | sed 's/.*->//' | sort | uniq -c | sort -rn | head -3",
                        "  64211 34.86.103.214:443",
                        "      2 127.0.0.1:5556"));
        assertThat(d).ranksFirst("service.fd-leak").ranksAbove("service.fd-leak", "host.fd-limit-too-low");
    }

    // ------------------------------------------------------------------ ports, permissions, libraries
    @Test
    void addressAlreadyInUseOnEveryStartIsAPortTakenByAnotherProcess() {
        Diagnosis d = evidence("journalctl.txt", lines(
                        "Mar 10 09:24:06 pyrt-prod-01 market-data[52210]: 2026-03-10T09:24:06.649000Z ERROR common: Failed to bind ZeroMQ socket: Address already in use",
                        "Mar 10 09:24:06 pyrt-prod-01 systemd[1]: trading-market-data.service: Main process exited, code=exited, status=1/FAILURE",
                        "Mar 10 09:24:12 pyrt-prod-01 systemd[1]: trading-market-data.service: Scheduled restart job, restart counter is at 1.",
                        "Mar 10 09:24:12 pyrt-prod-01 market-data[52215]: 2026-03-10T09:24:12.350000Z ERROR common: Failed to bind ZeroMQ socket: Address already in use"),
                "ss-tanp.txt", lines(
                        "$ sudo ss -tanp | grep 5555",
                        "LISTEN 0      100          127.0.0.1:5555          0.0.0.0:*      users:((\"python3\",pid=51120,fd=9))"));
        assertThat(d).ranksFirst("host.port-in-use")
                .firedRule("Repeated Address already in use means another process holds the port")
                .doesNotReport("service.not-running");
    }

    @Test
    void aBindDeniedOnAPrivilegedPortIsTheMissingCapabilityNotAPortConflict() {
        Diagnosis d = evidence("journalctl.txt", lines(
                "Mar 10 09:24:06 pyrt-prod-01 market-data[52210]: 2026-03-10T09:24:06.649000Z ERROR common: Failed to bind ZeroMQ socket: Permission denied",
                "Mar 10 09:24:06 pyrt-prod-01 market-data[52210]: 2026-03-10T09:24:06.652000Z ERROR market_data: fatal: zmq PUB bind tcp://0.0.0.0:555 failed: Permission denied",
                "Mar 10 09:24:06 pyrt-prod-01 systemd[1]: trading-market-data.service: Main process exited, code=exited, status=1/FAILURE"));
        assertThat(d).ranksFirst("host.privileged-port-bind-denied")
                .doesNotReport("host.port-in-use").doesNotReport("host.file-permission-denied");
    }

    @Test
    void permissionDeniedOnLogAndInstallPathsIsFileOwnership() {
        Diagnosis d = evidence("system.log", lines(
                        "[2026-09-03 06:00:01.114] [system] [critical] cannot open log file /var/log/hft_system/system.log: Permission denied",
                        "[2026-09-03 06:00:01.118] [system] [critical] Failed to load configuration from /opt/hft_system/config/production.json: Permission denied"),
                "ls-ld.txt", lines(
                        "hft_user@hft-prod-01:~$ ls -ld /opt/hft_system /var/log/hft_system",
                        "drwxr-x--- 9 root root 4096 Sep  2 23:10 /opt/hft_system",
                        "drwxr-x--- 2 root root 4096 Sep  2 23:10 /var/log/hft_system"));
        assertThat(d).ranksFirst("host.file-permission-denied").doesNotReport("host.privileged-port-bind-denied");
    }

    @Test
    void errorWhileLoadingSharedLibrariesIsAMissingLibrary() {
        Diagnosis d = evidence("journalctl.txt", lines(
                        "Sep 03 06:00:01 hft-prod-01 hft_system[3012]: /opt/hft_system/bin/hft_system: error while loading shared libraries: libzmq.so.5: cannot open shared object file: No such file or directory",
                        "Sep 03 06:00:01 hft-prod-01 systemd[1]: hft_system.service: Main process exited, code=exited, status=127/n/a"),
                "ldd.txt", lines(
                        "$ ldd /opt/hft_system/bin/hft_system | grep 'not found'",
                        "\tlibzmq.so.5 => not found"));
        assertThat(d).ranksFirst("host.missing-shared-libraries");
    }

    // ------------------------------------------------------------------ disk: the largest consumer decides
    @Test
    void crashFilesFarLargerThanTheLogsFillTheDiskEvenWhenOneCoreIsSmallerThanTheLogs() {
        Diagnosis d = evidence("df-h.txt", DF_ROOT_FULL + lines(
                        "hft_user@hft-prod-01:~$ sudo du -xh --max-depth=1 /var 2>/dev/null | sort -rh | head -4",
                        "402G    /var",
                        "371G    /var/crash",
                        "24G     /var/log",
                        "hft_user@hft-prod-01:~$ ls -lh /var/crash",
                        "-rw-r----- 1 hft_user whoopsie 3.1G Sep 02 11:20 _opt_hft_system_bin_md_recorder.1001.crash"));
        assertThat(d).ranksFirst("host.disk-full-core-dumps");
    }

    // ------------------------------------------------------------------ memory: level RSS is not a leak
    @Test
    void oomKillsWhileTheServicesLoggedRssStaysLevelMeanTheHostIsTooSmall() {
        StringBuilder samples = new StringBuilder();
        int[] rss = {1402210, 1421877, 1398760, 1433002, 1410556, 1428731, 1405119, 1398211};
        for (int h = 0; h < rss.length; h++) {
            samples.append(String.format("2026-11-12 %02d:00:00,118 INFO perf_monitor: rss_kb=%d threads=23%n", 6 + h, rss[h]));
        }
        Diagnosis d = evidence("journalctl-kernel.txt", lines(
                        "Nov 12 09:14:02 tmt-prod-02 kernel: Out of memory: Killed process 5121 (python3) total-vm:2612200kB, anon-rss:1422004kB, file-rss:1100kB, shmem-rss:0kB, UID:1001 pgtables:3900kB oom_score_adj:0",
                        "Nov 12 12:40:51 tmt-prod-02 kernel: Out of memory: Killed process 6630 (python3) total-vm:2609812kB, anon-rss:1419876kB, file-rss:1096kB, shmem-rss:0kB, UID:1001 pgtables:3896kB oom_score_adj:0"),
                "performance.log", samples.toString(),
                "free-m.txt", lines(
                        "               total        used        free      shared  buff/cache   available",
                        "Mem:            3911        3522          97         812         291         188"));
        assertThat(d).ranksFirst("host.memory-insufficient")
                .firedRule("OOM kills while the process's own memory stays level mean the host is too small for its load")
                .doesNotReport("service.memory-leak");
    }

    // ------------------------------------------------------------------ CPU: ps -eo with custom columns
    @Test
    void aReportingJobBurningSeveralCoresInPsEoOutputIsContention() {
        Diagnosis d = evidence("processes.txt", lines(
                        "ops@tmt-prod-01:~$ ps -eo pid,ni,pcpu,pmem,etime,args --sort=-pcpu | head -4",
                        "    PID  NI %CPU %MEM     ELAPSED COMMAND",
                        " 771201   0  352 14.2       21:04 /opt/tmt/venv/bin/python3 -m reporting.quarterly --all-accounts",
                        "   2214   0 28.0  1.2 12-01:10:55 /opt/tmt/venv/bin/python3 -m execution_engine.main"),
                "top.txt", lines(
                        "%Cpu(s): 95.2 us,  3.1 sy,  0.0 ni,  1.2 id,  0.3 wa,  0.0 hi,  0.2 si,  0.0 st"));
        assertThat(d).ranksFirst("host.cpu-contention").doesNotReport("service.busy-loop");
    }
}
