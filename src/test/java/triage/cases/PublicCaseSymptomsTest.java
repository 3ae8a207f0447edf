package triage.cases;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import triage.evidence.Evidence;
import triage.testing.TestTriage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading each public case recognises the symptoms a careful engineer would pick out of it
 * (src/test/resources/case-symptoms.yaml), each cited with the file and line it was read from.
 */
class PublicCaseSymptomsTest {

    static final Path LIST = Path.of("src/test/resources/case-symptoms.yaml");

    static Stream<String> cases() throws IOException {
        return triage.testing.Bundles.expected(LIST).keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theTellingSymptomsAreRecognisedWithFileAndLine(String name) throws IOException {
        Path evidence = PublicCasesTest.CASES.resolve(name).resolve("evidence");
        triage.testing.SharedData.require(evidence);
        Map<String, List<String>> expected = triage.testing.Bundles.expected(LIST);
        Evidence read = TestTriage.get().read(List.of(evidence));
        assertThat(read.warnings()).isEmpty();
        for (String id : expected.get(name)) {
            List<String> sources = Stream.concat(
                    read.symptoms().stream().filter(s -> s.id().equals(id)).flatMap(s -> s.citations().stream().map(c -> c.source())),
                    read.answers().stream().filter(a -> a.symptom().equals(id)).map(a -> a.source())).toList();
            // a symptom seen, or a healthy state seen (the symptom known absent): both are recognition
            assertThat(sources).as("symptom %s in %s", id, name).isNotEmpty()
                    .allSatisfy(source -> assertThat(source).matches(".*/evidence/[^:]+:\\d+"));
        }
    }
}
