package triage.cases;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import triage.diagnosis.CauseHypothesis;
import triage.diagnosis.Diagnosis;
import triage.testing.Bundles;
import triage.testing.TestTriage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public incident bundle of ../shared/cases: its files are read without a warning, the
 * expected cause ranks first (or, for a healthy bundle, no cause is reported), and the other faults
 * truly present are in the top three.
 */
class PublicCasesTest {

    static final Path CASES = TestTriage.projectRoot().resolve("../shared/cases").normalize();

    static Stream<String> cases() throws IOException {
        if (!Files.isDirectory(CASES)) {
            return Stream.of("(no ../shared/cases)");
        }
        try (Stream<Path> s = Files.list(CASES)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("expected.yaml"))).map(p -> p.getFileName().toString())
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theExpectedCauseRanksFirstAndEveryFileIsReadWithoutAWarning(String name) {
        triage.testing.SharedData.require(CASES);
        Bundles.assertDiagnosedAsExpected(CASES.resolve(name));
    }
}
