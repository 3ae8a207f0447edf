package triage.knowledge;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import triage.testing.Bundles;
import triage.testing.TestTriage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence variants of every cause, in the bundle format of ../shared/cases:
 * {@code src/test/resources/variants/<cause-id>/<variant>/expected.yaml} and {@code evidence/}.
 * Each is written from the wording of a real library, tool or venue on one of the five platforms, in
 * its own layout and kind (log line, metric, command output, health JSON, alert), and must be
 * diagnosed with its cause first.
 */
class CauseVariantsTest {

    static final Path VARIANTS = TestTriage.projectRoot().resolve("src/test/resources/variants");

    static Stream<String> variants() throws IOException {
        try (Stream<Path> s = Files.walk(VARIANTS, 2)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("expected.yaml")))
                    .map(p -> VARIANTS.relativize(p).toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theVariantIsDiagnosedWithItsCauseFirst(String variant) {
        Path dir = VARIANTS.resolve(variant);
        String cause = dir.getParent().getFileName().toString();
        assertThat(Bundles.expected(dir.resolve("expected.yaml")).get("expect"))
                .as("expected.yaml of %s names the cause of its folder", variant).containsExactly(cause);
        Bundles.assertDiagnosedAsExpected(dir);
    }
}
