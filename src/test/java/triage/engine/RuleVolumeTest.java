package triage.engine;

import org.junit.jupiter.api.Test;
import triage.api.Triage;
import triage.diagnosis.Diagnosis;
import triage.evidence.Evidence;
import triage.testing.TestTriage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Ordinary volumes of evidence cost firings in proportion to the facts, never to pairs of them. */
class RuleVolumeTest {

    @Test
    void fiveThousandPerSymbolSeriesWithFiftySilentSymbolsAreDiagnosedInFewFirings() {
        StringBuilder scrape = new StringBuilder("# TYPE market_data_messages_by_symbol counter\n");
        for (int i = 0; i < 5_000; i++) {
            scrape.append("market_data_messages_by_symbol{symbol=\"SYM").append(i).append("USDT\"} ")
                    .append(i < 50 ? 0 : 1_200).append('\n');
        }
        Triage triage = TestTriage.get();
        Evidence evidence = triage.read(Map.of("metrics.prom", scrape.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(evidence.symptoms()).hasSize(5_000);

        SessionResult session;
        try (SessionRunner runner = runner()) {
            session = runner.run(new ArrayList<>(evidence.symptoms()));
        }
        // one firing per silent symbol and rule, not one per (silent, flowing) pair: 50 x 4,950 = 247,500
        assertThat(session.warnings()).isEmpty();
        assertThat(session.firings()).isLessThan(2 * evidence.symptoms().size());

        Diagnosis d = triage.diagnose(evidence);
        assertThat(d.warnings()).isEmpty();
        assertThat(d.causes()).extracting(c -> c.id()).contains("market-data.symbol-not-subscribed");
    }

    @Test
    void oneHundredThousandPerSubjectFactsWithAFewFaultsAreDiagnosedInAtMostThreeFiringsPerFact() {
        StringBuilder scrape = new StringBuilder("# TYPE market_data_messages_by_symbol counter\n");
        for (int i = 0; i < 65_000; i++) { // quotes flowing on every symbol but the first 20
            scrape.append("market_data_messages_by_symbol{symbol=\"S").append(i).append("USDT\"} ")
                    .append(i < 20 ? 0 : 900 + i % 300).append('\n');
        }
        scrape.append("# TYPE execution_slippage_bps gauge\n");
        for (int i = 0; i < 33_000; i++) { // tight fills on every symbol traded
            scrape.append("execution_slippage_bps{symbol=\"S").append(i).append("USDT\"} ").append(i % 3).append('\n');
        }
        scrape.append("# TYPE node_network_receive_errs_total counter\n");
        for (int i = 0; i < 2_000; i++) { // receive errors on the uplinks of a rack
            scrape.append("node_network_receive_errs_total{device=\"eth").append(i).append("\"} ").append(5_000 + i).append('\n');
        }
        StringBuilder ports = new StringBuilder("$ ./scripts/check_ports.sh\n");
        for (int i = 0; i < 3_000; i++) { // three services down among many up
            ports.append(i < 3 ? "❌ " : "✅ ").append("Service ").append(i).append(" (port ").append(20_000 + i)
                    .append(i < 3 ? "): Not accessible\n" : "): Accessible\n");
        }
        Triage triage = TestTriage.get();
        Evidence evidence = triage.read(Map.of(
                "metrics.prom", scrape.toString().getBytes(StandardCharsets.UTF_8),
                "ports-check.txt", ports.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(evidence.symptoms()).hasSizeGreaterThanOrEqualTo(100_000);

        SessionResult session;
        try (SessionRunner runner = runner()) {
            session = runner.run(new ArrayList<>(evidence.symptoms()));
        }
        assertThat(session.warnings()).isEmpty();
        assertThat(session.firings()).isLessThanOrEqualTo(3 * evidence.symptoms().size());

        Diagnosis d = triage.diagnose(evidence);
        assertThat(d.warnings()).isEmpty();
        assertThat(d.causes()).extracting(c -> c.id())
                .contains("market-data.symbol-not-subscribed", "network.interface-errors");
    }

    private static SessionRunner runner() {
        // the default firing limit (time is left to the benchmark: this machine's load is not the rules' cost)
        return new SessionRunner(TestTriage.get().rules(), SessionRunner.DEFAULT_FIRING_LIMIT, 60_000);
    }
}
