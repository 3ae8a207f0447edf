package triage.engine;

import org.junit.jupiter.api.Test;
import triage.facts.Symptom;
import triage.knowledge.rules.UnrelatedJoinCheck;
import triage.testing.TestTriage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule's firings grow at most in proportion to the facts: with every symptom the knowledge base can
 * recognise with a subject reported about many subjects (the others once, as they are folded), doubling
 * the subjects at most doubles what any rule fires. A rule that
 * joins facts without relating them (or relates them only by {@code !=}) fires per pair or triple and
 * grows four or eight times.
 */
class RuleLinearityTest {

    private static final double[] VALUES = {0, 1, 5, 50, 99, 250, 5_000, 1e6};

    @Test
    void doublingTheSubjectsOfEverySymptomAtMostDoublesAnyRulesFirings() {
        Map<String, Integer> small = firingsByRule(50);
        Map<String, Integer> large = firingsByRule(100);
        Map<String, String> superLinear = new TreeMap<>();
        large.forEach((rule, fired) -> {
            int before = small.getOrDefault(rule, 0);
            if (fired > 2.5 * before + 10) { // linear with an offset doubles; a join of pairs quadruples
                superLinear.put(rule, before + " -> " + fired);
            }
        });
        assertThat(superLinear).isEmpty();
    }

    /** Every symptom id once without a subject, and about {@code subjects} subjects when it can have one, with values across the usual thresholds. */
    static List<Object> everySymptomAbout(int subjects) {
        List<Object> facts = new ArrayList<>();
        Set<String> withSubject = UnrelatedJoinCheck.symptomsWithSubject(TestTriage.get().knowledgeBase());
        int k = 0;
        for (String id : new TreeSet<>(TestTriage.get().knowledgeBase().symptoms().keySet())) {
            facts.add(new Symptom(id, "", 1, 1, 1, 0, 0, Map.of(), List.of()));
            k++;
            for (int i = 0; withSubject.contains(id) && i < subjects; i++) {
                if ((i + k) % 4 == 0) {
                    continue; // not every subject has every symptom: rules that look for one missing beside another match too
                }
                double v = VALUES[i % VALUES.length];
                facts.add(new Symptom(id, String.format("subject-%06d", i), 1 + i % 3, v, v, 0, 0, Map.of(), List.of()));
            }
        }
        return facts;
    }

    private static Map<String, Integer> firingsByRule(int subjects) {
        List<Object> facts = everySymptomAbout(subjects);
        try (SessionRunner runner = new SessionRunner(TestTriage.get().rules(), SessionRunner.DEFAULT_FIRING_LIMIT, 120_000)) {
            SessionResult result = runner.run(facts);
            assertThat(result.warnings()).as("%d subjects", subjects).isEmpty();
            return result.firingsByRule();
        }
    }
}
