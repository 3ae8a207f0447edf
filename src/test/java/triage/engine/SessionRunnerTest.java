package triage.engine;

import org.junit.jupiter.api.Test;
import triage.api.Triage;
import triage.facts.Symptom;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The session runner stops runaway rules and names the rule and its file. */
class SessionRunnerTest {

    private static final Path RUNAWAY = Path.of("src/test/resources/fixtures/runaway");

    @Test
    void aRuleThatFeedsItselfIsStoppedByTheFiringLimitNamingRuleAndFile() {
        RuleBase rules = RuleBase.compile(RUNAWAY);
        try (SessionRunner runner = new SessionRunner(rules, 500, 10_000)) {
            assertThatThrownBy(() -> runner.run(List.of(Symptom.of("demo.seen"))))
                    .isInstanceOf(RunawayRulesException.class)
                    .hasMessageContaining("rules/demo.drl")
                    .hasMessageContaining("\"A rule that feeds itself forever\"")
                    .hasMessageContaining("limit of 500");
        }
    }

    @Test
    void aRuleThatRunsTooLongIsStoppedByTheTimeLimit() {
        RuleBase rules = RuleBase.compile(RUNAWAY);
        try (SessionRunner runner = new SessionRunner(rules, Integer.MAX_VALUE, 200)) {
            assertThatThrownBy(() -> runner.run(List.of(Symptom.of("demo.seen"))))
                    .isInstanceOf(RunawayRulesException.class)
                    .hasMessageContaining("\"A rule that feeds itself forever\"")
                    .hasMessageContaining("more than 200 ms");
        }
    }

    @Test
    void aNormalSessionReportsItsSupportsWithTheirJustification() {
        try (Triage triage = Triage.load(Path.of("src/test/resources/fixtures/minimal"))) {
            var d = triage.diagnose(List.of(Symptom.of("demo.seen")), List.of(), List.of());
            assertThat(d.causes()).singleElement().satisfies(c -> {
                assertThat(c.id()).isEqualTo("demo.fault");
                assertThat(c.confidence()).isEqualTo(0.9);
                assertThat(c.supportingRules()).extracting(CauseHypothesisRule::rule).containsExactly("The demo symptom means the demo fault");
                assertThat(c.evidence()).extracting(e -> e.symptom()).containsExactly("demo.seen");
            });
        }
    }

    /** Shorter name for the contribution record in assertions. */
    private interface CauseHypothesisRule {
        static String rule(triage.diagnosis.CauseHypothesis.RuleContribution r) {
            return r.rule();
        }
    }
}
