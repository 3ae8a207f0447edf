package triage.rules;

import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;

import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/network.drl: 003 section 2.2, network reachable? NO -> firewall, DNS, routing; TLS. */
class NetworkRulesTest {

    @Test
    void nameResolutionFailuresRankDnsFirst() {
        Diagnosis d = evidence("market_data.log", lines(
                "2026-11-12 13:05:22,844 - tmt.market_data - ERROR - candle poll failed: HTTPSConnectionPool(host='api-fxtrade.oanda.com', port=443): Max retries exceeded (Caused by NameResolutionError(\"Failed to resolve 'api-fxtrade.oanda.com' ([Errno -3] Temporary failure in name resolution)\"))",
                "2026-11-12 13:05:59,098 - platforms.metatrader - ERROR - bridge reconnect failed: socket.gaierror: [Errno -3] Temporary failure in name resolution"));
        assertThat(d).ranksFirst("network.dns-resolution-failure")
                .firedRule("Name resolution failures mean DNS is failing");
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
}
