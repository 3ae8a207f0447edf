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
        try (SessionRunner runner = new SessionRunner(rules, Integer.MAX_VALUE, 300)) {
            SessionResult result = runner.run(List.of(Symptom.of("demo.seen")));
            assertThat(result.warnings()).singleElement().asString()
                    .contains("\"A rule that feeds itself forever\"")
                    .contains("more than 300 ms");
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

    @Test
    void aRunawayWarningCountsTheBusiestRulesFiringsAmongAllAndTheResultCountsEachRule() {
        RuleBase rules = RuleBase.compile(RUNAWAY);
        try (SessionRunner runner = new SessionRunner(rules, 500, 60_000)) {
            SessionResult result = runner.run(List.of(Symptom.of("demo.seen")));
            assertThat(result.firingsByRule()).isEqualTo(java.util.Map.of(
                    "The demo symptom means the demo fault", 1, "A rule that feeds itself forever", 500));
            assertThat(result.warnings()).singleElement().asString().contains("(500 firings of " + result.firings() + ")");
        }
    }

    @Test
    void theTimeLimitGrowsWithTheFactsHalfAMillisecondEach() {
        RuleBase rules = RuleBase.compile(RUNAWAY);
        List<Symptom> facts = java.util.stream.IntStream.range(0, 400).mapToObj(i -> Symptom.of("demo.seen")).toList();
        try (SessionRunner runner = new SessionRunner(rules, Integer.MAX_VALUE, 10)) {
            SessionResult result = runner.run(facts);
            assertThat(result.warnings()).singleElement().asString().contains("more than 200 ms");
        }
        // a bundle that concludes quickly stays well within the limit its size gives, even with no time of its own
        List<Symptom> many = java.util.stream.IntStream.range(0, 4000).mapToObj(i -> Symptom.of("demo.seen")).toList();
        try (SessionRunner runner = new SessionRunner(RuleBase.compile(Path.of("src/test/resources/fixtures/minimal")),
                Integer.MAX_VALUE, 0)) {
            assertThat(runner.run(many).warnings()).isEmpty();
        }
    }

    @Test
    void anObserverHearsEveryFiringOfEverySessionUntilSwitchedOff() {
        RuleBase rules = RuleBase.compile(RuleBaseTest.FIXTURE);
        List<String> heard = new java.util.ArrayList<>();
        // the suite's own recorder (RuleFiringRecorder) may be listening: it is put back afterwards
        java.util.function.Consumer<String> suites = SessionRunner.observeFirings(null);
        try (SessionRunner runner = new SessionRunner(rules)) {
            try {
                SessionRunner.observeFirings(heard::add);
                runner.run(List.of(Symptom.of("disk.full")));
                assertThat(heard).containsExactlyInAnyOrder("A full disk means the disk is full", "full_disk_finding");
                runner.run(List.of(Symptom.of("net.unreachable")));
                assertThat(heard).hasSize(3).endsWith("An unreachable host means the network is down");
            } finally {
                SessionRunner.observeFirings(null);
            }
            // the sessions go back to the pool: none of them may keep telling the observer
            for (int i = 0; i < 4; i++) {
                runner.run(List.of(Symptom.of("disk.full"), Symptom.of("net.unreachable")));
            }
            assertThat(heard).hasSize(3);
        } finally {
            SessionRunner.observeFirings(suites);
        }
    }

    @Test
    void theWatchdogThreadNeverKeepsTheProcessAlive() throws InterruptedException {
        RuleBase rules = RuleBase.compile(RuleBaseTest.FIXTURE);
        List<Thread> watchdogs = new java.util.concurrent.CopyOnWriteArrayList<>();
        // a thread made by a user thread is a user thread unless told otherwise: the session runs on one
        Thread caller = new Thread(() -> {
            try (SessionRunner runner = new SessionRunner(rules)) {
                runner.run(List.of(Symptom.of("disk.full")));
                Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().equals("triage-rule-watchdog") && t.isAlive()).forEach(watchdogs::add);
            }
        });
        caller.setDaemon(false);
        caller.start();
        caller.join();
        assertThat(watchdogs).isNotEmpty().allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
    }

    /** Shorter name for the contribution record in assertions. */
    private interface CauseHypothesisRule {
        static String rule(triage.diagnosis.CauseHypothesis.RuleContribution r) {
            return r.rule();
        }
    }
}
