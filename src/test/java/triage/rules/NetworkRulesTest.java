package triage.rules;

import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;

import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/network.drl: 003 2.2 (network reachable? NO -> firewall, DNS, routing, MTU, TLS), 10.1, 10.2. */
class NetworkRulesTest {

    // ------------------------------------------------------------------ DNS / firewall / route / MTU / TLS
    @Test
    void nameResolutionFailuresRankDnsFirst() {
        Diagnosis d = evidence("market_data.log", lines(
                "2026-11-12 13:05:22,844 - tmt.market_data - ERROR - candle poll failed: HTTPSConnectionPool(host='api-fxtrade.oanda.com', port=443): Max retries exceeded (Caused by NameResolutionError(\"Failed to resolve 'api-fxtrade.oanda.com' ([Errno -3] Temporary failure in name resolution)\"))",
                "2026-11-12 13:05:59,098 - platforms.metatrader - ERROR - bridge reconnect failed: socket.gaierror: [Errno -3] Temporary failure in name resolution"));
        assertThat(d).ranksFirst("network.dns-resolution-failure")
                .firedRule("Name resolution failures mean DNS is failing");
    }

    @Test
    void nslookupTimingOutWhileTheAddressPingsIsDns() {
        Diagnosis d = evidence("nslookup.txt", lines(
                "deploy@pyrt-prod-01:~$ nslookup stream.data.alpaca.markets",
                ";; communications error to 127.0.0.53#53: timed out",
                ";; communications error to 127.0.0.53#53: timed out",
                ";; no servers could be reached",
                "deploy@pyrt-prod-01:~$ ping -c 3 35.186.245.97",
                "3 packets transmitted, 3 received, 0% packet loss, time 2003ms",
                "rtt min/avg/max/mdev = 8.740/8.816/8.910/0.070 ms"));
        assertThat(d).ranksFirst("network.dns-resolution-failure").doesNotReport("network.firewall-blocking");
    }

    @Test
    void connectTimeoutsWhileNamesResolvePointAtTheFirewall() {
        Diagnosis d = given(seen("network.connect-timeout", 6));
        assertThat(d).ranksFirst("network.firewall-blocking");
    }

    @Test
    void connectTimeoutsWithDnsFailuresAreDns() {
        Diagnosis d = given(seen("network.connect-timeout", 6), seen("network.dns-lookup-failed", 6));
        assertThat(d).ranksFirst("network.dns-resolution-failure").doesNotReport("network.firewall-blocking");
    }

    @Test
    void ufwBlockingOutgoing443WhileConnectsTimeOutIsTheFirewall() {
        Diagnosis d = evidence("ufw.log", lines(
                        "Mar 23 06:42:00 tmt-prod-01 kernel: [1225820.124027] [UFW BLOCK] IN= OUT=ens5 SRC=10.0.1.23 DST=172.64.148.33 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=8769 DF PROTO=TCP SPT=40132 DPT=443 WINDOW=62727 RES=0x00 SYN URGP=0",
                        "Mar 23 06:44:54 tmt-prod-01 kernel: [1225994.724810] [UFW BLOCK] IN= OUT=ens5 SRC=10.0.1.23 DST=104.18.22.161 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=45625 DF PROTO=TCP SPT=40166 DPT=443 WINDOW=62727 RES=0x00 SYN URGP=0"),
                "ufw-status.txt", lines(
                        "ops@tmt-prod-01:~$ sudo ufw status verbose",
                        "Status: active",
                        "Default: deny (incoming), deny (outgoing), disabled (routed)",
                        "ops@tmt-prod-01:~$ telnet api-fxtrade.oanda.com 443",
                        "Trying 104.18.22.161...",
                        "telnet: Unable to connect to remote host: Connection timed out",
                        "ops@tmt-prod-01:~$ ip route show default",
                        "default via 10.0.1.1 dev ens5 proto dhcp src 10.0.1.23 metric 100"));
        assertThat(d).ranksFirst("network.firewall-blocking")
                .firedRule("The kernel logging dropped outgoing packets means the host firewall blocks them")
                .doesNotReport("network.no-route");
    }

    @Test
    void networkUnreachableWithAnOpenFirewallIsAMissingRoute() {
        Diagnosis d = evidence("exchanges.log", lines(
                        "2026-04-02 09:31:10,442 - exchanges.binance - ERROR - Failed to connect to binance: [Errno 101] Network is unreachable",
                        "2026-04-02 09:31:40,448 - exchanges.binance - ERROR - Failed to connect to binance: [Errno 101] Network is unreachable"),
                "operator-shell.txt", lines(
                        "hft_user@hft-prod-01:~$ ping -c 3 stream.binance.com",
                        "ping: connect: Network is unreachable",
                        "hft_user@hft-prod-01:~$ ip route show",
                        "10.0.1.0/24 dev ens5 proto kernel scope link src 10.0.1.23",
                        "hft_user@hft-prod-01:~$ sudo ufw status verbose",
                        "Default: deny (incoming), allow (outgoing), disabled (routed)"));
        assertThat(d).ranksFirst("network.no-route").doesNotReport("network.firewall-blocking");
    }

    @Test
    void fullSizePacketsFailingWhileSmallPingsAnswerIsAnMtuMismatch() {
        Diagnosis d = evidence("ping-mtu.txt", lines(
                "hft_user@hft-prod-01:~$ ping -c 3 stream.binance.com",
                "3 packets transmitted, 3 received, 0% packet loss, time 2003ms",
                "rtt min/avg/max/mdev = 1.912/2.004/2.110/0.081 ms",
                "hft_user@hft-prod-01:~$ ping -M do -s 1472 -c 3 stream.binance.com",
                "PING stream.binance.com (54.249.12.8) 1472(1500) bytes of data.",
                "ping: local error: message too long, mtu=1400",
                "ping: local error: message too long, mtu=1400",
                "--- stream.binance.com ping statistics ---",
                "3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 2041ms"));
        assertThat(d).ranksFirst("network.mtu-mismatch").doesNotReport("network.no-route");
    }

    @Test
    void certificateFailuresWithACorrectClockMeanOutdatedCaCertificates() {
        Diagnosis d = evidence("exchanges.log", lines(
                "requests.exceptions.SSLError: HTTPSConnectionPool(host='api.binance.com', port=443): Max retries exceeded (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1125)')))"),
                "chronyc-tracking.txt", lines("Reference ID    : A9FE A97B (169.254.169.123)", "System time     : 0.000012 seconds slow of NTP time"));
        assertThat(d).ranksFirst("network.tls-certificate-invalid");
    }

    @Test
    void certificateFailuresWithADriftingClockAreTheClocks() {
        Diagnosis d = given(seen("network.tls-handshake-failed", 3), valued("host.clock-offset", 45));
        assertThat(d).ranksFirst("host.clock-drift").ranksAbove("host.clock-drift", "network.tls-certificate-invalid");
    }

    // ------------------------------------------------------------------ latency, loss, NIC, bandwidth
    @Test
    void aConstantlyHighRoundTripWithoutLossIsStructuralLatency() {
        Diagnosis d = evidence("execution.log", lines(
                        "Apr 02 14:10:01 pyrt-prod-01 execution-engine[1971]: 2026-04-02T14:10:01.100Z  WARN execution_engine: API request took 5000ms (expected <1000ms)",
                        "Apr 02 14:11:09 pyrt-prod-01 execution-engine[1971]: 2026-04-02T14:11:09.310Z  WARN execution_engine: API request took 4210ms (expected <1000ms)"),
                "ping.txt", lines(
                        "$ ping -c 100 paper-api.alpaca.markets | tail -2",
                        "100 packets transmitted, 100 received, 0% packet loss, time 99142ms",
                        "rtt min/avg/max/mdev = 182.114/186.902/191.310/1.920 ms"));
        assertThat(d).ranksFirst("network.high-rtt-to-exchange").doesNotReport("network.route-degradation");
    }

    @Test
    void lossAtIntermediateHopsIsARouteProblemNotDistance() {
        Diagnosis d = evidence("mtr.txt", lines(
                "hft_user@hft-prod-01:~$ mtr --report --report-cycles=100 stream.binance.com",
                "HOST: hft-prod-01                 Loss%   Snt   Last   Avg  Best  Wrst StDev",
                "  1.|-- 10.0.1.1                   0.0%   100    0.4   0.4   0.3   0.9   0.1",
                "  4.|-- 72.14.215.85              14.0%   100   61.2  88.3  40.1 410.4  70.2",
                "  5.|-- 108.170.252.1             13.0%   100   63.8  91.0  41.2 402.9  72.8",
                "  8.|-- 54.249.12.8               12.0%   100   64.0  92.2  42.0 398.1  69.9",
                "hft_user@hft-prod-01:~$ ping -c 100 stream.binance.com | tail -2",
                "100 packets transmitted, 88 received, 12% packet loss, time 99142ms",
                "rtt min/avg/max/mdev = 41.114/112.902/401.310/71.920 ms",
                "hft_user@hft-prod-01:~$ netstat -i",
                "Kernel Interface table",
                "Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg",
                "ens5      9001 98231233      0      0      0 77123311      0      0      0 BMRU"));
        assertThat(d).ranksFirst("network.route-degradation")
                .ranksAbove("network.route-degradation", "network.high-rtt-to-exchange")
                .doesNotReport("network.interface-errors");
    }

    @Test
    void errorsCountedOnTheLocalInterfaceAreNicErrors() {
        Diagnosis d = evidence("netstat-i.txt", lines(
                "hft_user@hft-prod-01:~$ netstat -i",
                "Kernel Interface table",
                "Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg",
                "eth0      1500 98231233  18523    870      0 77123311      0      0      0 BMRU",
                "lo       65536  1202331      0      0      0  1202331      0      0      0 LRU",
                "hft_user@hft-prod-01:~$ ping -c 100 stream.binance.com | tail -2",
                "100 packets transmitted, 96 received, 4% packet loss, time 99142ms",
                "rtt min/avg/max/mdev = 1.914/9.902/88.310/14.920 ms"));
        assertThat(d).ranksFirst("network.interface-errors").ranksAbove("network.interface-errors", "network.route-degradation");
    }

    @Test
    void aSaturatedLinkWithSlowApiRequestsIsBandwidthCongestion() {
        Diagnosis d = evidence("sar-n-dev.txt", lines(
                        "$ sar -n DEV 1 3 | grep eth0",
                        "14:02:01         eth0  81234.00  79110.00 118231.20 120023.11      0.00      0.00      0.00     98.32",
                        "14:02:02         eth0  80112.00  78810.00 117201.90 119872.40      0.00      0.00      0.00     98.19",
                        "Average:         eth0  80673.00  78960.00 117716.55 119947.75      0.00      0.00      0.00     98.25"),
                "execution.log", lines(
                        "2026-04-02T14:02:03.100Z  WARN execution_engine: API request took 5000ms (expected <1000ms)",
                        "2026-04-02T14:02:09.310Z  WARN execution_engine: API request took 3120ms (expected <1000ms)"));
        assertThat(d).ranksFirst("network.bandwidth-congestion");
    }

    // ------------------------------------------------------------------ connection drops (003 10.2)
    private static final String RECURRING_DROPS = lines(
            "[2026-02-17 08:10:02.114] [exchanges] [warning] kraken: WebSocket connection closed code: 1006 reason: \"\" clean: false",
            "[2026-02-17 08:10:03.020] [exchanges] [info] kraken: reconnected, resubscribed 12 channels",
            "[2026-02-17 09:20:02.331] [exchanges] [warning] kraken: WebSocket connection closed code: 1006 reason: \"\" clean: false",
            "[2026-02-17 09:20:03.118] [exchanges] [info] kraken: reconnected, resubscribed 12 channels",
            "[2026-02-17 10:30:02.520] [exchanges] [warning] kraken: WebSocket connection closed code: 1006 reason: \"\" clean: false",
            "[2026-02-17 10:30:03.401] [exchanges] [info] kraken: reconnected, resubscribed 12 channels",
            "[2026-02-17 11:40:02.601] [exchanges] [warning] kraken: WebSocket connection closed code: 1006 reason: \"\" clean: false");

    @Test
    void recurringDropsWithALowConntrackTimeoutAreConntrackExpiry() {
        Diagnosis d = evidence("exchanges.log", RECURRING_DROPS,
                "sysctl.txt", lines(
                        "hft_user@hft-prod-01:~$ cat /proc/sys/net/netfilter/nf_conntrack_tcp_timeout_established",
                        "600",
                        "hft_user@hft-prod-01:~$ sysctl net.ipv4.tcp_keepalive_time",
                        "net.ipv4.tcp_keepalive_time = 60"));
        assertThat(d).ranksFirst("network.conntrack-timeout")
                .ranksAbove("network.conntrack-timeout", "network.tcp-keepalive-disabled");
    }

    @Test
    void recurringDropsWithNoHeartbeatAndAnAdequateConntrackTimeoutAreMissingKeepAlive() {
        Diagnosis d = evidence("exchanges.log", RECURRING_DROPS,
                "sysctl.txt", lines(
                        "hft_user@hft-prod-01:~$ cat /proc/sys/net/netfilter/nf_conntrack_tcp_timeout_established",
                        "432000",
                        "hft_user@hft-prod-01:~$ sysctl net.ipv4.tcp_keepalive_time",
                        "net.ipv4.tcp_keepalive_time = 7200",
                        "hft_user@hft-prod-01:~$ grep heartbeat config/production.json",
                        "      \"heartbeat_interval_ms\": 0,"));
        assertThat(d).ranksFirst("network.tcp-keepalive-disabled")
                .ranksAbove("network.tcp-keepalive-disabled", "network.conntrack-timeout")
                .doesNotReport("network.conntrack-timeout");
    }

    @Test
    void idleDropsBehindANatGatewayAreNatTimeouts() {
        Diagnosis d = evidence("exchanges.log", lines(
                        "2026-02-17T08:15:52.114Z  WARN market_data: alpaca stream reset by peer after 350 s of inactivity, reconnecting",
                        "2026-02-17T09:03:12.331Z  WARN market_data: alpaca stream reset by peer after 350 s of inactivity, reconnecting",
                        "2026-02-17T10:41:40.520Z  WARN market_data: alpaca stream reset by peer after 350 s of inactivity, reconnecting"),
                "operator-shell.txt", lines(
                        "deploy@pyrt-prod-01:~$ cat /proc/sys/net/netfilter/nf_conntrack_tcp_timeout_established",
                        "432000",
                        "deploy@pyrt-prod-01:~$ aws ec2 describe-route-tables --query 'RouteTables[].Routes[?NatGatewayId]' --output text",
                        "0.0.0.0/0  nat-0a1b2c3d4e5f67890  active"));
        assertThat(d).ranksFirst("network.nat-timeout").doesNotReport("network.conntrack-timeout");
    }

    @Test
    void aSingleDropThatReconnectsIsNotReported() {
        Diagnosis d = evidence("exchanges.log", lines(
                "[2026-02-17 08:00:11.114] [exchanges] [warning] binance: WebSocket connection closed code: 1006 reason: \"\" clean: false",
                "[2026-02-17 08:00:11.920] [exchanges] [info] binance: reconnected, resubscribed 24 streams"));
        assertThat(d).reportsNoCause();
    }

    // ------------------------------------------------------------------ NAT device with a short connection timeout
    @Test
    void recurringIdleDropsThroughAnAsaWithATwoMinuteConnTimeoutAreNatExpiry() {
        StringBuilder drops = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            drops.append(String.format("2026-12-02 %02d:%02d:10,221 WARNING  ws: BINANCE user-data stream closed: code=1006 (abnormal closure) after 300s without traffic%n", 9 + i / 2, (i % 2) * 30));
        }
        Diagnosis d = evidence("main.log", drops.toString(),
                "fw.txt", lines(
                        "ops@nt-01:~$ ssh netadmin@10.20.0.1 'show run timeout; show run nat'",
                        "timeout conn 0:03:00 half-closed 0:10:00 udp 0:02:00",
                        "nat (inside,outside) source dynamic obj-10.20.0.0 interface"));
        assertThat(d).ranksFirst("network.nat-timeout")
                .firedRule("Recurring drops through a NAT device that forgets idle connections within the hour are NAT expiry");
    }
}
