package triage.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import triage.diagnosis.Diagnosis;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static triage.testing.TestTriage.evidence;
import static triage.testing.TestTriage.lines;

/**
 * Evidence that points at a family of causes without deciding between them reports no cause: it
 * lists the candidates with the checks that would settle it, in text and in JSON.
 */
class InsufficientEvidenceTest {

    /** "Failed to load configuration" names no reason: the file may be missing or invalid (003 12.1). */
    private static Diagnosis configurationFailureWithoutReason() {
        return evidence("system.log", lines(
                "2026-03-02 07:00:01.114 [main] ERROR hft::main - Failed to load configuration",
                "2026-03-02 07:00:06.201 [main] ERROR hft::main - Failed to load configuration"));
    }

    @Test
    void aFamilyWithoutADiscriminatorYieldsCandidatesNotACause() {
        Diagnosis d = configurationFailureWithoutReason();
        assertThat(d.causes()).isEmpty();
        assertThat(d.insufficientEvidence()).isTrue();
        assertThat(d.candidates()).extracting(c -> c.id()).contains("config.file-missing", "config.parse-error");
    }

    @Test
    void theTextListsTheCandidatesWithTheirCheckCommands() {
        String text = new TextRenderer().render(configurationFailureWithoutReason(), false);
        assertThat(text).contains("Insufficient evidence")
                .contains("config.file-missing").contains("config.parse-error")
                .contains("ls -l /opt/hft_system/config/production.json")
                .contains("jq . config/system.json");
    }

    @Test
    void theJsonMarksInsufficientEvidenceAndCarriesTheChecks() {
        ObjectNode json = new JsonRenderer().tree(configurationFailureWithoutReason());
        assertThat(json.get("insufficient_evidence").asBoolean()).isTrue();
        assertThat(json.get("causes")).isEmpty();
        List<String> ids = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (JsonNode c : json.get("candidates")) {
            ids.add(c.get("id").asText());
            c.get("checks").forEach(ch -> commands.add(ch.get("command").asText()));
        }
        assertThat(ids).contains("config.file-missing", "config.parse-error");
        assertThat(commands).contains("ls -l /opt/hft_system/config/production.json", "jq . config/system.json");
    }
}
