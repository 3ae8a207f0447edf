package triage.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every input the fuzzers kept (src/test/resources/triage/evidence/EvidenceFuzzTestInputs/TARGET/) is
 * replayed through its target in every plain test run, not only inside the short fuzzing executions.
 */
class FuzzSeedsReplayTest {

    private static final Path SEEDS = Path.of("src/test/resources/triage/evidence/EvidenceFuzzTestInputs");

    static List<Path> seeds() throws IOException {
        try (Stream<Path> s = Files.walk(SEEDS)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void theKeptCrashInputsAreThere() throws IOException {
        assertThat(seeds()).extracting(p -> p.getParent().getFileName().toString()).contains("archives", "textLogs");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void eachSeedReplaysThroughItsTargetWithoutAnUndocumentedException(Path seed) throws IOException {
        byte[] data = Files.readAllBytes(seed);
        EvidenceFuzzTest targets = new EvidenceFuzzTest();
        String target = seed.getParent().getFileName().toString();
        assertThatCode(() -> {
            switch (target) {
                case "textLogs" -> targets.textLogs(data);
                case "healthJson" -> targets.healthJson(data);
                case "alertmanagerWebhook" -> targets.alertmanagerWebhook(data);
                case "symptomFiles" -> targets.symptomFiles(data);
                case "archives" -> targets.archives(data);
                case "prometheusText" -> targets.prometheusText(data);
                default -> throw new AssertionError("no fuzz target named " + target);
            }
        }).doesNotThrowAnyException();
    }
}
