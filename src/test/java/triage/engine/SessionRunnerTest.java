package triage.engine;

import org.junit.jupiter.api.Test;
import triage.api.Triage;
import triage.facts.Symptom;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.KnowledgeBaseLoader;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The session runner stops runaway rules, keeps what they concluded, and names the rule and its file. */
class SessionRunnerTest {

    private static final Path RUNAWAY = Path.of("src/test/resources/fixtures/runaway");

    @Test
    void aRuleThatFeedsItselfIsStoppedByTheFiringLimitWithAWarningNamingRuleAndFile() {
        RuleBase rules = RuleBase.compile(RUNAWAY);
        try (SessionRunner runner = new SessionRunner(rules, 500, 10_000)) {
            SessionResult result = runner.run(List.of(Symptom.of("demo.seen")));
            assertThat(result.firings()).isGreaterThanOrEqualTo(500);
            assertThat(result.warnings()).singleElement().asString()
                    .contains("rules/demo.drl")
                    .contains("\"A rule that feeds itself forever\"")
                    .contains("limit of 500");
        }
    }

    @Test
    void aRuleThatRunsTooLongIsStoppedByTheTimeLimitWithAWarning() {
        RuleBase rules = RuleBase.compile(RUNAWAY);
        try (SessionRunner runner = new SessionRunner(rules, Integer.MAX_VALUE, 1_000)) {
            SessionResult result = runner.run(List.of(Symptom.of("demo.seen")));
            assertThat(result.warnings()).singleElement().asString()
                    .contains("\"A rule that feeds itself forever\"")
                    .contains("more than 1000 ms");
        }
    }

    @Test
    void aStoppedSessionStillReportsWhatTheRulesConcluded() {
        RuleBase rules = RuleBase.compile(RUNAWAY);
        KnowledgeBase kb = new KnowledgeBaseLoader().load(RUNAWAY);
        try (Triage triage = Triage.of(kb, rules)) {
            var d = triage.diagnose(List.of(Symptom.of("demo.seen")), List.of(), List.of());
            assertThat(d.causes()).extracting(c -> c.cause().id()).containsExactly("demo.fault");
            assertThat(d.warnings()).singleElement().asString().contains("\"A rule that feeds itself forever\"");
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

    @Test
    void theFiringLimitGrowsWithTheFactsTwentyFiringsEach() {
        RuleBase rules = RuleBase.compile(RUNAWAY);
        List<Symptom> facts = java.util.stream.IntStream.range(0, 100).mapToObj(i -> Symptom.of("demo.seen")).toList();
        try (SessionRunner runner = new SessionRunner(rules, 50, 60_000)) {
            SessionResult result = runner.run(facts);
            assertThat(result.firings()).isGreaterThanOrEqualTo(2000);
            assertThat(result.warnings()).singleElement().asString().contains("limit of 2000 rule firings");
        }
    }

    @Test
    void aSessionWithinItsLimitsHasNoWarningAndTracesEachConclusionToItsRuleAndFacts() {
        RuleBase rules = RuleBase.compile(Path.of("src/test/resources/fixtures/minimal"));
        Symptom seen = Symptom.of("demo.seen");
        try (SessionRunner runner = new SessionRunner(rules, 1, 60_000)) {
            SessionResult result = runner.run(List.of(seen));
            assertThat(result.warnings()).isEmpty();
            assertThat(result.firings()).isEqualTo(1);
            assertThat(result.findings()).isEmpty();
            assertThat(result.against()).isEmpty();
            assertThat(result.supports()).singleElement().satisfies(s -> {
                assertThat(s.cause()).isEqualTo("demo.fault");
                assertThat(result.trace(s).rule()).isEqualTo("The demo symptom means the demo fault");
                assertThat(result.trace(s).facts()).singleElement().isSameAs(seen);
            });
        }
    }

    @Test
    void aStoppedSessionKeepsItsFindingsAndTheRunnerRunsTheNextSessionAfresh() {
        RuleBase rules = RuleBase.compile(RUNAWAY);
        try (SessionRunner runner = new SessionRunner(rules, Integer.MAX_VALUE, 200)) {
            SessionResult first = runner.run(List.of(Symptom.of("demo.seen")));
            assertThat(first.findings()).isNotEmpty();
            SessionResult second = runner.run(List.of());
            assertThat(second.warnings()).isEmpty();
            assertThat(second.findings()).as("nothing left over from the stopped session").isEmpty();
            assertThat(second.supports()).isEmpty();
        }
    }

    /** Shorter name for the contribution record in assertions. */
    private interface CauseHypothesisRule {
        static String rule(triage.diagnosis.CauseHypothesis.RuleContribution r) {
            return r.rule();
        }
    }
}
