package triage.evidence;

import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;

import static triage.testing.DiagnosisAssert.assertThat;
import static triage.testing.TestTriage.evidence;

/** Flattened JSON lines are matched with the file's base name as context, so `files:` patterns apply to JSON too. */
class JsonContextTest {

    @Test
    void filesPatternsSeeTheJsonFileName() {
        Diagnosis d = evidence("analytics-streaming-status.json", "{\n  \"streaming\": false,\n  \"subscribers\": 3\n}\n");
        assertThat(d).recognises("service.analytics-streaming-stopped");
    }

    @Test
    void theSameLinesInAnotherJsonFileAreNotTakenForIt() {
        Diagnosis d = evidence("feature-flags.json", "{\n  \"streaming\": false\n}\n");
        org.assertj.core.api.Assertions.assertThat(d.symptoms()).noneMatch(s -> s.id().equals("service.analytics-streaming-stopped"));
    }
}
