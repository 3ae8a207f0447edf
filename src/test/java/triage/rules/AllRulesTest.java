package triage.rules;

import org.junit.jupiter.api.Test;
import triage.engine.RuleBase;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.KnowledgeBaseLoader;
import triage.knowledge.RuleReferenceCheck;
import triage.testing.TestTriage;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole rules/ folder compiles and speaks only the knowledge base's vocabulary. */
class AllRulesTest {

    @Test
    void theWholeRulesFolderCompilesAndRefersOnlyToKnownIds() {
        RuleBase rules = TestTriage.get().rules();
        KnowledgeBase kb = new KnowledgeBaseLoader().load(TestTriage.projectRoot());
        assertThat(kb.problems()).isEmpty();
        assertThat(rules.ruleFiles()).isNotEmpty();
        assertThat(RuleReferenceCheck.check(rules.sources(), kb)).isEmpty();
    }

    @Test
    void everyRuleFileHasATestClass() {
        for (String file : TestTriage.get().rules().sources().keySet()) {
            String area = file.substring(file.lastIndexOf('/') + 1, file.length() - 4);
            StringBuilder name = new StringBuilder();
            for (String part : area.split("-")) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
            String testClass = "triage.rules." + name + "RulesTest";
            assertThat(exists(testClass)).as("test class %s for %s", testClass, file).isTrue();
        }
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
