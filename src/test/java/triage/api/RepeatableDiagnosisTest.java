package triage.api;

import org.junit.jupiter.api.Test;
import triage.output.JsonRenderer;
import triage.testing.TestTriage;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same evidence gives the same diagnosis, byte for byte, every time: the causes, the evidence cited for each
 * and the rules listed come in the order the rules concluded them, not in the order the rule session happens to
 * hold its facts (identity hashes, different in every run).
 */
class RepeatableDiagnosisTest {

    @Test
    void aSessionDroppedBundleWithSeveralSupportingRulesGivesTheSameJsonTwentyTimes() {
        // an abnormal close and a heartbeat time-out both support the dropped session, each citing its own lines
        Path bundle = TestTriage.projectRoot().resolve("src/test/resources/variants/exchange.session-dropped");
        Path evidence = firstBundle(bundle).resolve("evidence");
        Set<String> outputs = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            outputs.add(new JsonRenderer().render(TestTriage.get().diagnose(List.of(evidence)), true));
        }
        assertThat(outputs).hasSize(1);
        assertThat(outputs.iterator().next()).contains("exchange.session-dropped");
    }

    private static Path firstBundle(Path dir) {
        try (var s = java.nio.file.Files.list(dir)) {
            return s.filter(p -> java.nio.file.Files.isDirectory(p.resolve("evidence"))).sorted()
                    .filter(p -> {
                        String json = new JsonRenderer().render(TestTriage.get().diagnose(List.of(p.resolve("evidence"))), true);
                        return json.split("\"rule\"", -1).length > 3; // several rules, so that their order can differ
                    }).findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
