package triage.evidence;

import org.junit.jupiter.api.Test;
import triage.facts.Symptom;
import triage.knowledge.PatternDef;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static triage.evidence.RecognitionFixture.pattern;
import static triage.evidence.RecognitionFixture.reader;

/** Plain logs in the common layouts, command outputs and transcripts. */
class TextReaderTest {

    private final PatternDef refused = pattern("x.refused", "(?i)connection refused.*:(?<port>\\d+)", "connection refused");

    private static Symptom only(Evidence e) {
        assertThat(e.symptoms()).hasSize(1);
        return e.symptoms().get(0);
    }

    @Test
    void journalctlShortLinesKeepFileLineAndTimeAndFoldIntoOneSymptomWithCounts() {
        String log = String.join("\n",
                "Nov 12 12:50:01 tmt-prod-01 tmt-exec[1877]: INFO all good",
                "Nov 12 13:05:22 tmt-prod-01 tmt-exec[1877]: ERROR Connection refused to 10.0.0.5:5432",
                "Nov 12 13:07:22 tmt-prod-01 tmt-exec[1877]: ERROR Connection refused to 10.0.0.5:5432", "");
        Symptom s = only(reader(refused).read("journal.txt", log.getBytes(StandardCharsets.UTF_8)));
        assertThat(s.id()).isEqualTo("x.refused");
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.spanSeconds()).isEqualTo(120);
        assertThat(s.attribute("port")).isEqualTo("5432");
        assertThat(s.citations().get(0).source()).isEqualTo("journal.txt:2");
        assertThat(Instant.ofEpochMilli(s.firstSeen()).toString()).endsWith("-11-12T13:05:22Z");
    }

    @Test
    void dockerComposePrefixesAreStrippedAndIsoTimesRead() {
        String log = "sprint3-backend-1  | 2026-09-15 14:00:08,639 - backend - ERROR - Connection refused :6379\n";
        Symptom s = only(reader(refused).read("compose.txt", log.getBytes(StandardCharsets.UTF_8)));
        assertThat(Instant.ofEpochMilli(s.firstSeen())).isEqualTo(Instant.parse("2026-09-15T14:00:08.639Z"));
        assertThat(s.citations().get(0).text()).startsWith("2026-09-15 14:00:08,639");
    }

    @Test
    void logbackRustTracingAndBracketedLayoutsCarryTheirTimes() {
        assertThat(Timestamps.parse("2026-05-06T09:10:02.123456Z  WARN engine: Connection refused", 2026))
                .isEqualTo(Instant.parse("2026-05-06T09:10:02.123Z").toEpochMilli());
        assertThat(Timestamps.parse("[2026-05-06 09:10:02.000] [errors] [error] binance: ...", 2026))
                .isEqualTo(Instant.parse("2026-05-06T09:10:02Z").toEpochMilli());
        assertThat(Timestamps.parse("1:M 15 Sep 2026 14:00:57.057 * DB saved on disk", 2026))
                .isEqualTo(Instant.parse("2026-09-15T14:00:57.057Z").toEpochMilli());
        assertThat(Timestamps.parse("2026-09-15 14:01:35.043 UTC [63] LOG:  checkpoint starting: time", 2026))
                .isEqualTo(Instant.parse("2026-09-15T14:01:35.043Z").toEpochMilli());
        assertThat(Timestamps.parse("no time here", 2026)).isZero();
    }

    @Test
    void commandOutputPatternsApplyOnlyToTheirCommandInATranscript() {
        PatternDef diskFull = new PatternDef("host.disk-used", "^\\S+\\s+\\S+\\s+\\S+\\s+\\S+\\s+(?<value>\\d+)%\\s+(?<mount>/\\S*)$",
                List.of("%"), 90.0, null, null, "(?:^|\\W)df\\b");
        String transcript = String.join("\n",
                "oncall@hft-01:~$ cat report.txt",
                "/dev/sda1  50G  48G  2G  96% /",
                "oncall@hft-01:~$ df -h",
                "Filesystem Size Used Avail Use% Mounted on",
                "/dev/sda1  50G  48G  2G  96% /",
                "tmpfs      1G   0    1G   0%  /run", "");
        Symptom s = only(reader(diskFull).read("operator-shell.txt", transcript.getBytes(StandardCharsets.UTF_8)));
        assertThat(s.value()).isEqualTo(96.0);
        assertThat(s.count()).isEqualTo(1);
        assertThat(s.citations().get(0).source()).isEqualTo("operator-shell.txt:5");
    }

    @Test
    void aPromptThatSearchesForASymptomsWordsIsNotEvidenceButWhatItPrintsIs() {
        PatternDef mismatch = pattern("x.mismatch", "(?i)position (?:mismatch|discrepancy)", "position mismatch", "position discrepancy");
        String transcript = String.join("\n",
                "oncall@nautilus-prod-01:/opt/app$ grep -i 'position mismatch' logs/position_sync.log",
                "root@nautilus-prod-01:/# grep -c 'position discrepancy' logs/position_sync.log",
                "0",
                "oncall@nautilus-prod-01:/opt/app$ tail -1 logs/position_sync.log",
                "2026-07-21 10:04:12,108 - position_sync - WARNING - position mismatch EURUSD.SIM local=500000 venue=450000", "");
        Symptom s = only(reader(mismatch).read("operator-shell.txt", transcript.getBytes(StandardCharsets.UTF_8)));
        assertThat(s.count()).isEqualTo(1);
        assertThat(s.citations().get(0).source()).isEqualTo("operator-shell.txt:5");
    }

    @Test
    void healthyLinesBecomeKnownAbsences() {
        PatternDef ok = new PatternDef("x.loss", "\\b0% packet loss", List.of("packet loss"), null, null, true, null);
        Evidence e = reader(ok).read("ping.txt", "3 packets transmitted, 3 received, 0% packet loss, time 2003ms\n".getBytes());
        assertThat(e.symptoms()).isEmpty();
        assertThat(e.answers()).singleElement().satisfies(a -> {
            assertThat(a.symptom()).isEqualTo("x.loss");
            assertThat(a.isNo()).isTrue();
            assertThat(a.source()).isEqualTo("ping.txt:1");
        });
    }

    @Test
    void anOverLongLineIsCutWithOneWarningAndTheRestIsRead() {
        String log = "x".repeat(10 * 1024 * 1024) + "\nERROR Connection refused to db:5432\n";
        Evidence e = reader(refused).read("big.log", log.getBytes(StandardCharsets.UTF_8));
        assertThat(e.warnings()).singleElement().asString().startsWith("big.log:1: line longer than");
        assertThat(only(e).citations().get(0).source()).isEqualTo("big.log:2");
    }

    @Test
    void invalidUtf8IsAWarningAndTheRestIsRead() {
        byte[] bad = "ERROR Connection refused to db:5432 \u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Evidence e = reader(refused).read("latin1.log", bad);
        assertThat(e.warnings()).singleElement().asString().contains("latin1.log:1: not valid UTF-8");
        assertThat(e.symptoms()).hasSize(1);
    }

    @Test
    void aMetricsHelpTextIsNotEvidenceButItsSamplesAre() {
        PatternDef halted = pattern("x.halted", "(?i)trading (?:is )?halted", "halted");
        String scrape = String.join("\n",
                "# HELP risk_trading_halted 1 while trading is halted by the circuit breaker.",
                "# TYPE risk_trading_halted gauge",
                "risk_trading_halted 0",
                "risk_events_total{reason=\"trading halted\"} 3", "");
        Symptom s = only(reader(halted).read("metrics.prom", scrape.getBytes(StandardCharsets.UTF_8)));
        assertThat(s.citations().get(0).source()).isEqualTo("metrics.prom:4");
    }
}
