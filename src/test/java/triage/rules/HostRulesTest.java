package triage.rules;

import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;

import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.*;

/** rules/host.drl: the host itself (clock, for the slice of 003 section 2.2). */
class HostRulesTest {

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
}
