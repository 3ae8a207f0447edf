package triage.evidence;

import org.junit.jupiter.api.Test;
import triage.knowledge.PatternDef;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static triage.evidence.RecognitionFixture.pattern;
import static triage.evidence.RecognitionFixture.reader;

/** Symptom files under the reader's size limit are read whole; one bad value loses one entry, not the file. */
class SymptomFileLimitsTest {

    private final EvidenceReader reader = reader(pattern("x.refused", "Connection refused", "connection refused"),
            pattern("x.latency", "latency (?<value>\\d+)", "latency"));

    @Test
    void aFiveMegabyteSymptomFileIsReadWhole() {
        StringBuilder yaml = new StringBuilder("symptoms:\n");
        int entries = 0;
        while (yaml.length() < 5 * 1024 * 1024) {
            yaml.append("  - id: x.refused\n    subject: host-").append(entries++).append("\n    text: connection refused\n");
        }
        Evidence e = reader.read("symptoms.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(e.warnings()).isEmpty();
        assertThat(e.symptoms()).hasSize(entries);
    }

    @Test
    void nanAndInfiniteYamlValuesAreOneWarningEachAndTheRestIsRead() {
        String yaml = "symptoms:\n"
                + "  - id: x.latency\n    subject: a\n    value: .nan\n"
                + "  - id: x.latency\n    subject: b\n    value: .inf\n"
                + "  - id: x.latency\n    subject: c\n    value: 120\n";
        Evidence e = reader.read("symptoms.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(e.warnings()).containsExactly(
                "symptoms.yaml:2: value of x.latency must be a finite number, not .nan; skipped",
                "symptoms.yaml:5: value of x.latency must be a finite number, not .inf; skipped");
        assertThat(e.symptoms()).singleElement().satisfies(s -> assertThat(s.subject()).isEqualTo("c"));
    }

    @Test
    void nanInAJsonSymptomFileIsOneWarningAndTheRestIsRead() {
        String json = "{\"symptoms\": [{\"id\": \"x.latency\", \"value\": NaN}, {\"id\": \"x.refused\"}]}";
        Evidence e = reader.read("symptoms.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(e.warnings()).singleElement().asString().contains("must be a finite number");
        assertThat(e.symptoms()).extracting(s -> s.id()).containsExactly("x.refused");
    }
}
