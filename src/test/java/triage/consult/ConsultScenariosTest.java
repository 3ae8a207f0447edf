package triage.consult;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import triage.knowledge.KnowledgeBaseLoader;
import triage.testing.TestTriage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's independent check: support scenarios written from the guides' situations
 * (src/test/resources/consult-scenarios/scenarios.yaml), apart from the evidence bundles the simulated-user
 * evaluation answers from and from the rules. Every scenario must end with its cause leading, and none may be
 * "established" on another cause.
 */
class ConsultScenariosTest {

    static final Path FILE = TestTriage.projectRoot().resolve("src/test/resources/consult-scenarios/scenarios.yaml");
    static final int CAP = 30;

    @Test
    void everyScenarioFromTheGuidesEndsOnItsCauseAndNoneIsEstablishedWrongly() throws IOException {
        JsonNode scenarios = KnowledgeBaseLoader.newYamlMapper().readTree(FILE.toFile());
        List<String> missed = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        List<Integer> questions = new ArrayList<>();
        for (JsonNode s : scenarios) {
            Map<String, String> yes = new HashMap<>();
            s.path("yes").fields().forEachRemaining(e -> yes.put(e.getKey(), e.getValue().asText()));
            Set<String> no = new HashSet<>();
            s.path("no").forEach(n -> no.add(n.asText()));
            String expect = s.path("expect").asText();
            int[] n = {0};
            Scripted.Run run = Scripted.person(Scripted.consultation(s.path("complaint").asText()), id -> {
                if (n[0]++ >= CAP) {
                    return "quit";
                }
                if (yes.containsKey(id)) {
                    return yes.get(id).equals("true") ? "yes" : yes.get(id);
                }
                if (no.contains(id)) {
                    return "no";
                }
                boolean seesAMember = Scripted.QUESTIONS.group(id).map(g -> g.members().stream().anyMatch(yes::containsKey)).orElse(false);
                return seesAMember ? "yes" : "unknown";
            });
            ConsultRunner.Outcome o = run.outcome();
            String top = o.top().map(h -> h.id()).orElse("none");
            if (!top.equals(expect)) {
                missed.add(s.path("id").asText() + ": " + o.reason() + " on " + top + " after " + o.asked());
                if (o.reason() == ConsultRunner.Reason.ESTABLISHED) {
                    wrong.add(s.path("id").asText() + " established as " + top);
                }
            } else {
                questions.add(o.questions());
                System.out.println("  " + s.path("id").asText() + " " + o.questions() + " " + o.asked());
            }
        }
        System.out.println("consultation scenarios: " + questions.size() + " of " + scenarios.size()
                + " reached, questions " + questions.stream().sorted().toList() + "; missed " + missed);
        assertThat(scenarios.size()).isGreaterThanOrEqualTo(14);
        assertThat(wrong).as("established on a wrong cause").isEmpty();
        assertThat(missed).as("scenarios not ending on their cause").isEmpty();
    }
}
