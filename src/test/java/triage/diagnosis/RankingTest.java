package triage.diagnosis;

import org.junit.jupiter.api.Test;
import triage.knowledge.CauseDef;
import triage.knowledge.Severity;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How reported causes are ordered: confidence, then specificity, then severity, then id; never an exact tie. */
class RankingTest {

    private static CauseHypothesis hypothesis(String id, Severity severity, double confidence, int rules, String... symptoms) {
        CauseDef cause = new CauseDef(id, id, id.substring(0, id.indexOf('.')), severity, "", "", List.of(), List.of(),
                List.of(), List.of(), false);
        List<CauseHypothesis.RuleContribution> support = new ArrayList<>();
        for (int i = 0; i < rules; i++) {
            support.add(new CauseHypothesis.RuleContribution("rule " + i, "x.drl", 0.6));
        }
        List<EvidenceItem> evidence = new ArrayList<>();
        for (String s : symptoms) {
            evidence.add(new EvidenceItem(s, "app.log:1", s + " seen"));
            evidence.add(new EvidenceItem(s, "app.log:2", s + " seen again"));
        }
        return new CauseHypothesis(cause, confidence, support, List.of(), evidence, List.of(), List.of(), List.of());
    }

    private static List<String> ranked(CauseHypothesis... hypotheses) {
        List<CauseHypothesis> list = new ArrayList<>(List.of(hypotheses));
        list.sort(HypothesisBuilder.RANKING);
        return list.stream().map(CauseHypothesis::id).toList();
    }

    @Test
    void onEqualConfidenceTheCauseWithMoreDistinctSupportingSymptomsRanksFirstEvenIfLessSevere() {
        CauseHypothesis broad = hypothesis("service.api-down", Severity.CRITICAL, 0.8, 1, "service.health-failed");
        CauseHypothesis specific = hypothesis("database.pool-exhausted", Severity.MEDIUM, 0.8, 1,
                "service.health-failed", "database.pool-timeout");
        assertThat(ranked(broad, specific)).containsExactly("database.pool-exhausted", "service.api-down");
    }

    @Test
    void thenTheOneMoreRulesConcluded() {
        CauseHypothesis one = hypothesis("a.one-rule", Severity.CRITICAL, 0.8, 1, "x.seen");
        CauseHypothesis two = hypothesis("b.two-rules", Severity.LOW, 0.8, 2, "x.seen");
        assertThat(ranked(one, two)).containsExactly("b.two-rules", "a.one-rule");
    }

    @Test
    void confidenceStillComesFirstAndSeverityThenIdSettleWhatIsLeft() {
        CauseHypothesis likelier = hypothesis("z.likelier", Severity.LOW, 0.9, 1, "x.seen");
        CauseHypothesis specific = hypothesis("a.specific", Severity.CRITICAL, 0.8, 3, "x.seen", "y.seen", "z.seen");
        assertThat(ranked(specific, likelier)).containsExactly("z.likelier", "a.specific");
        assertThat(ranked(hypothesis("b.low", Severity.LOW, 0.8, 1, "x.seen"), hypothesis("c.high", Severity.HIGH, 0.8, 1, "x.seen"),
                hypothesis("a.low", Severity.LOW, 0.8, 1, "x.seen"))).containsExactly("c.high", "a.low", "b.low");
    }
}
