package triage.diagnosis;

import triage.engine.Certainty;
import triage.engine.RuleBase;
import triage.engine.SessionResult;
import triage.facts.Against;
import triage.facts.Answer;
import triage.facts.Citation;
import triage.facts.Finding;
import triage.facts.Support;
import triage.facts.Symptom;
import triage.knowledge.CauseDef;
import triage.knowledge.KnowledgeBase;
import triage.plan.RemediationPlanner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a session concluded into ranked cause hypotheses: combines the certainty factors
 * (see {@link Certainty}), traces each conclusion back to its symptoms, plans the remediation,
 * and lets upstream causes explain their downstream ones.
 */
public final class HypothesisBuilder {

    private static final int MAX_EVIDENCE = 12;

    private final KnowledgeBase kb;
    private final RuleBase rules;
    private final RemediationPlanner planner = new RemediationPlanner();
    private final CascadeResolver cascades;

    public HypothesisBuilder(KnowledgeBase kb, RuleBase rules) {
        this.kb = kb;
        this.rules = rules;
        this.cascades = new CascadeResolver(kb);
    }

    public Diagnosis build(SessionResult result, List<Symptom> symptoms, List<String> warnings) {
        Map<String, Map<String, Double>> belief = new LinkedHashMap<>();
        Map<String, Map<String, Double>> disbelief = new LinkedHashMap<>();
        Map<String, List<Object>> supportFacts = new LinkedHashMap<>();
        Map<String, List<Object>> againstFacts = new LinkedHashMap<>();
        for (Support s : result.supports()) {
            belief.computeIfAbsent(s.cause(), k -> new LinkedHashMap<>()).merge(s.rule(), s.cf(), Math::max);
            supportFacts.computeIfAbsent(s.cause(), k -> new ArrayList<>()).add(s);
        }
        for (Against a : result.against()) {
            disbelief.computeIfAbsent(a.cause(), k -> new LinkedHashMap<>()).merge(a.rule(), a.cf(), Math::max);
            againstFacts.computeIfAbsent(a.cause(), k -> new ArrayList<>()).add(a);
        }
        List<CauseHypothesis> all = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> e : belief.entrySet()) {
            CauseDef cause = kb.causes().get(e.getKey());
            if (cause == null) {
                continue; // kb check reports rules that name unknown causes
            }
            Map<String, Double> against = disbelief.getOrDefault(e.getKey(), Map.of());
            double confidence = Certainty.confidence(Certainty.combine(e.getValue().values()),
                    Certainty.combine(against.values()));
            all.add(new CauseHypothesis(cause, round(confidence), contributions(e.getValue()), contributions(against),
                    evidence(result, supportFacts.get(e.getKey())),
                    evidence(result, againstFacts.getOrDefault(e.getKey(), List.of())),
                    planner.plan(cause), List.of()));
        }
        all.sort(RANKING);
        List<CauseHypothesis> reported = cascades.resolve(
                all.stream().filter(h -> h.confidence() >= Certainty.REPORT).toList());
        List<CauseHypothesis> candidates = all.stream()
                .filter(h -> h.confidence() >= Certainty.CANDIDATE && h.confidence() < Certainty.REPORT)
                .limit(5).toList();
        List<String> allWarnings = warnings;
        if (!result.warnings().isEmpty()) {
            allWarnings = new ArrayList<>(warnings);
            allWarnings.addAll(result.warnings());
        }
        return new Diagnosis(reported, candidates, symptoms, allWarnings);
    }

    /**
     * Most likely first; ties go to the more specific cause (more distinct symptoms, then more rules, support
     * it), then to the more severe one, then to the id for a stable order.
     */
    public static final Comparator<CauseHypothesis> RANKING = Comparator
            .comparingDouble(CauseHypothesis::confidence).reversed()
            .thenComparing(Comparator.comparingLong(CauseHypothesis::supportingSymptoms).reversed())
            .thenComparing(Comparator.comparingInt((CauseHypothesis h) -> h.supportingRules().size()).reversed())
            .thenComparing(h -> -h.cause().severity().weight())
            .thenComparing(CauseHypothesis::id);

    private List<CauseHypothesis.RuleContribution> contributions(Map<String, Double> byRule) {
        List<CauseHypothesis.RuleContribution> list = new ArrayList<>();
        byRule.forEach((rule, cf) -> list.add(new CauseHypothesis.RuleContribution(rule, rules.fileOf(rule), cf)));
        list.sort(Comparator.comparingDouble(CauseHypothesis.RuleContribution::cf).reversed());
        return List.copyOf(list);
    }

    /** Follows the justification of each conclusion down to the symptoms and answers it rests on. */
    private List<EvidenceItem> evidence(SessionResult result, List<Object> conclusions) {
        Set<EvidenceItem> items = new LinkedHashSet<>();
        Set<Object> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Object> frontier = new ArrayList<>(conclusions);
        while (!frontier.isEmpty() && items.size() < MAX_EVIDENCE) {
            Object fact = frontier.remove(0);
            if (!seen.add(fact)) {
                continue;
            }
            if (fact instanceof Symptom s) {
                for (Citation c : s.citations()) {
                    items.add(new EvidenceItem(s.id(), c.source(), c.text()));
                }
                if (s.citations().isEmpty()) {
                    items.add(new EvidenceItem(s.id(), "symptom", s.id() + (s.hasValue() ? " = " + s.value() : "")));
                }
            } else if (fact instanceof Answer a) {
                items.add(new EvidenceItem(a.symptom(), a.source() == null ? "answer" : a.source(),
                        a.symptom() + ": " + a.reply().name().toLowerCase()));
            } else if (fact instanceof Support || fact instanceof Against || fact instanceof Finding) {
                SessionResult.Trace trace = result.trace(fact);
                if (trace != null) {
                    frontier.addAll(trace.facts());
                }
            } else if (fact instanceof Collection<?> collected) {
                frontier.addAll(collected); // what an accumulate collected (collectList of the symptoms it counted)
            } else if (fact instanceof Object[] results) {
                frontier.addAll(Arrays.asList(results)); // an accumulate with several functions matches their results as one array
            }
        }
        return items.stream().limit(MAX_EVIDENCE).toList();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

}
