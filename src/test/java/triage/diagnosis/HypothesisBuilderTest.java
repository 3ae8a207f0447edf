package triage.diagnosis;

import org.junit.jupiter.api.Test;
import triage.engine.SessionResult;
import triage.facts.Against;
import triage.facts.Answer;
import triage.facts.Citation;
import triage.facts.Finding;
import triage.facts.Support;
import triage.facts.Symptom;
import triage.knowledge.CauseDef;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.Severity;
import triage.testing.TestTriage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** From what a session concluded to ranked hypotheses: factors, thresholds, evidence traced to the symptoms. */
class HypothesisBuilderTest {

    private static final List<String> IDS = List.of("a.one", "b.two", "c.three", "d.four", "e.five", "f.six", "g.seven");

    private final Map<Object, SessionResult.Trace> traces = new IdentityHashMap<>();
    private final List<Support> supports = new ArrayList<>();
    private final List<Against> against = new ArrayList<>();

    private static HypothesisBuilder builder() {
        Map<String, CauseDef> causes = new LinkedHashMap<>();
        for (String id : IDS) {
            causes.put(id, new CauseDef(id, id, "x", Severity.HIGH, "", "", List.of(), List.of(), List.of(), List.of(), false));
        }
        KnowledgeBase kb = new KnowledgeBase(Path.of("."), causes, Map.of(), List.of(), List.of(), List.of(), Map.of(), List.of());
        return new HypothesisBuilder(kb, TestTriage.get().rules());
    }

    private Support support(String cause, double cf, String rule, Object... facts) {
        Support s = new Support(cause, cf, rule);
        supports.add(s);
        traces.put(s, new SessionResult.Trace(rule, List.of(facts)));
        return s;
    }

    private void against(String cause, double cf, String rule) {
        against.add(new Against(cause, cf, rule));
    }

    private Diagnosis build(List<String> warnings, String... sessionWarnings) {
        SessionResult result = new SessionResult(supports, against, List.of(), traces::get, 0, List.of(sessionWarnings), java.util.Map.of());
        return builder().build(result, List.of(), warnings);
    }

    private Diagnosis build() {
        return build(List.of());
    }

    private static double confidence(Diagnosis d, String id) {
        return java.util.stream.Stream.concat(d.causes().stream(), d.candidates().stream())
                .filter(h -> h.id().equals(id)).findFirst().orElseThrow().confidence();
    }

    private static Symptom cited(String id, String... sources) {
        List<Citation> citations = new ArrayList<>();
        for (String s : sources) {
            citations.add(new Citation(s, id + " at " + s));
        }
        return new Symptom(id, "", sources.length, Double.NaN, Double.NaN, 0, 0, Map.of(), citations);
    }

    @Test
    void aRuleMatchingSeveralTimesCountsOnceWithItsStrongestFactor() {
        support("a.one", 0.55, "r1");
        support("a.one", 0.6, "r1");
        support("a.one", 0.4, "r1");
        Diagnosis d = build();
        assertThat(confidence(d, "a.one")).isEqualTo(0.6);
        assertThat(d.causes().get(0).supportingRules()).extracting(CauseHypothesis.RuleContribution::cf).containsExactly(0.6);
    }

    @Test
    void factorsOfDifferentRulesCombineAndAreListedStrongestFirst() {
        support("a.one", 0.5, "weaker");
        support("a.one", 0.6, "stronger");
        Diagnosis d = build();
        assertThat(confidence(d, "a.one")).isCloseTo(0.8, within(1e-9));
        assertThat(d.causes().get(0).supportingRules()).extracting(CauseHypothesis.RuleContribution::rule)
                .containsExactly("stronger", "weaker");
    }

    @Test
    void evidenceAgainstLowersTheConfidenceAndIsListedWithItsRules() {
        support("a.one", 0.8, "for");
        against("a.one", 0.3, "against weak");
        against("a.one", 0.5, "against");
        against("a.one", 0.4, "against");
        against("b.two", 0.9, "against another cause");
        Diagnosis d = build();
        // belief 0.8, disbelief 0.5 + 0.3 * 0.5 = 0.65: (0.8 - 0.65) / (1 - 0.65)
        assertThat(confidence(d, "a.one")).isEqualTo(0.429);
        assertThat(d.causes()).isEmpty();
        assertThat(d.candidates().get(0).againstRules()).extracting(CauseHypothesis.RuleContribution::rule)
                .containsExactly("against", "against weak");
    }

    @Test
    void fromHalfACauseIsReportedFromAFifthACandidateAndBelowThatNeither() {
        support("a.one", 0.5, "r");
        support("b.two", 0.49, "r");
        support("c.three", 0.2, "r");
        support("d.four", 0.199, "r");
        Diagnosis d = build();
        assertThat(d.causes()).extracting(CauseHypothesis::id).containsExactly("a.one");
        assertThat(d.candidates()).extracting(CauseHypothesis::id).containsExactly("b.two", "c.three");
    }

    @Test
    void atMostFiveCandidatesMostLikelyFirst() {
        for (int i = 0; i < IDS.size(); i++) {
            support(IDS.get(i), 0.21 + 0.01 * i, "r");
        }
        assertThat(build().candidates()).extracting(CauseHypothesis::id)
                .containsExactly("g.seven", "f.six", "e.five", "d.four", "c.three");
    }

    @Test
    void aConclusionAboutACauseTheKnowledgeBaseDoesNotHoldIsDropped() {
        support("z.unknown", 0.9, "r");
        support("a.one", 0.7, "r");
        assertThat(build().causes()).extracting(CauseHypothesis::id).containsExactly("a.one");
    }

    @Test
    void confidenceIsRoundedToThreeDecimals() {
        support("a.one", 0.6666666, "r");
        assertThat(confidence(build(), "a.one")).isEqualTo(0.667);
    }

    @Test
    void theSessionsWarningsFollowTheReadersOnes() {
        support("a.one", 0.7, "r");
        assertThat(build(List.of("app.log: binary file"), "rule limit reached").warnings())
                .containsExactly("app.log: binary file", "rule limit reached");
        assertThat(build(List.of("app.log: binary file")).warnings()).containsExactly("app.log: binary file");
    }

    @Test
    void evidenceIsTracedThroughFindingsToTheCitedLinesAnswersAndValues() {
        Symptom refused = cited("cache.redis-refused", "app.log:3", "app.log:9");
        Symptom latency = Symptom.of("cache.latency", 250);
        Symptom bare = Symptom.of("cache.flag");
        Finding finding = new Finding("cache.unreachable");
        traces.put(finding, new SessionResult.Trace("finding rule", List.of(refused, latency)));
        support("a.one", 0.8, "r", finding, Answer.no("cache.ping-ok", "operator"), new Answer("cache.flag",
                triage.facts.Reply.YES, Double.NaN, null), bare, refused);
        CauseHypothesis h = build().causes().get(0);
        assertThat(h.evidence()).containsExactly(
                new EvidenceItem("cache.ping-ok", "operator", "cache.ping-ok: no"),
                new EvidenceItem("cache.flag", "answer", "cache.flag: yes"),
                new EvidenceItem("cache.flag", "symptom", "cache.flag"),
                new EvidenceItem("cache.redis-refused", "app.log:3", "cache.redis-refused at app.log:3"),
                new EvidenceItem("cache.redis-refused", "app.log:9", "cache.redis-refused at app.log:9"),
                new EvidenceItem("cache.latency", "symptom", "cache.latency = 250.0"));
        assertThat(h.supportingSymptoms()).isEqualTo(4);
    }

    @Test
    void evidenceAgainstACauseIsTracedToo() {
        support("a.one", 0.9, "r");
        Against a = new Against("a.one", 0.2, "healthy ping");
        against.add(a);
        traces.put(a, new SessionResult.Trace("healthy ping", List.of(cited("cache.pong", "ping.txt:2"))));
        assertThat(build().causes().get(0).evidenceAgainst())
                .containsExactly(new EvidenceItem("cache.pong", "ping.txt:2", "cache.pong at ping.txt:2"));
    }

    @Test
    void atMostTwelvePiecesOfEvidenceAreCited() {
        String[] sources = new String[15];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = "app.log:" + (i + 1);
        }
        support("a.one", 0.8, "r", cited("cache.redis-refused", sources));
        List<EvidenceItem> evidence = build().causes().get(0).evidence();
        assertThat(evidence).hasSize(12);
        assertThat(evidence.get(11).source()).isEqualTo("app.log:12");
    }

    @Test
    void aConclusionWithoutATraceCitesNothing() {
        supports.add(new Support("a.one", 0.8, "r"));
        assertThat(build().causes().get(0).evidence()).isEmpty();
    }
}
