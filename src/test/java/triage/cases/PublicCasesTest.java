package triage.cases;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import triage.diagnosis.CauseHypothesis;
import triage.diagnosis.Diagnosis;
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

    /** expected.yaml is flat: scalars and one-line lists. */
    static Map<String, List<String>> expected(Path file) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String key = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (!line.startsWith(" ") && !line.startsWith("-") && line.contains(":")) {
                key = line.substring(0, line.indexOf(':')).strip();
                String value = line.substring(line.indexOf(':') + 1).split(" #")[0].strip();
                List<String> values = new ArrayList<>();
                if (value.startsWith("[") && value.endsWith("]")) {
                    for (String v : value.substring(1, value.length() - 1).split(",")) {
                        if (!v.isBlank()) {
                            values.add(v.strip().replaceAll("^['\"]|['\"]$", ""));
                        }
                    }
                } else if (!value.isEmpty() && !value.equals(">") && !value.equals("|")) {
                    values.add(value.replaceAll("^['\"]|['\"]$", ""));
                }
                out.put(key, values);
            } else if (line.stripLeading().startsWith("- ") && key != null) {
                out.get(key).add(line.stripLeading().substring(2).split(" #")[0].strip());
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theExpectedCauseRanksFirstAndEveryFileIsReadWithoutAWarning(String name) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CASES), "../shared/cases is not beside the project");
        Path dir = CASES.resolve(name);
        Map<String, List<String>> exp = expected(dir.resolve("expected.yaml"));
        Diagnosis d = TestTriage.get().diagnose(List.of(dir.resolve("evidence")));
        List<String> ids = d.causes().stream().map(CauseHypothesis::id).toList();
        assertThat(d.warnings()).as("warnings reading %s", name).isEmpty();
        String want = exp.get("expect").get(0);
        if (want.equals("none")) {
            assertThat(ids).as("a healthy bundle reports no cause").isEmpty();
            return;
        }
        Set<String> good = new HashSet<>(exp.getOrDefault("acceptable", List.of()));
        good.add(want);
        assertThat(ids).as("causes of %s", name).isNotEmpty();
        assertThat(good).as("%s ranks first in %s (got %s)", want, name, ids).contains(ids.get(0));
        List<String> top3 = ids.subList(0, Math.min(3, ids.size()));
        for (String also : exp.getOrDefault("also", List.of())) {
            assertThat(top3).as("second fault %s in the top three of %s", also, name).contains(also);
        }
    }
}
