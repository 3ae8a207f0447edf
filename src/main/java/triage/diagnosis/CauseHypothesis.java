package triage.diagnosis;

import triage.knowledge.CauseDef;
import triage.plan.RemediationStep;

import java.util.List;

/**
 * A cause the engine concluded (or a candidate it could not confirm), with what supports it.
 * Immutable, like every result of a diagnosis.
 *
 * @param cause           the cause's definition in the knowledge base (id, title, severity, checks...)
 * @param confidence      in [0, 1]: belief minus disbelief, MYCIN-style (see {@code triage.engine.Certainty});
 *                        causes are reported from 0.5, candidates from 0.2
 * @param supportingRules the rules that concluded it, with their certainty factors
 * @param againstRules    the rules whose facts speak against it
 * @param evidence        the symptom facts (with file:line) that led to it
 * @param evidenceAgainst the symptom facts that speak against it
 * @param remediation     what to do, in order, safest step first (stop the damage, diagnose, repair, escalate)
 * @param explains        downstream causes whose symptoms this one explains (cascades)
 */
public record CauseHypothesis(CauseDef cause, double confidence, List<RuleContribution> supportingRules,
                              List<RuleContribution> againstRules, List<EvidenceItem> evidence,
                              List<EvidenceItem> evidenceAgainst, List<RemediationStep> remediation,
                              List<String> explains) {

    public String id() {
        return cause.id();
    }

    /** How many distinct symptoms the evidence for it shows: how specific the diagnosis is. */
    public long supportingSymptoms() {
        return evidence.stream().map(EvidenceItem::symptom).distinct().count();
    }

    public CauseHypothesis withExplains(List<String> downstream) {
        return new CauseHypothesis(cause, confidence, supportingRules, againstRules, evidence, evidenceAgainst,
                remediation, List.copyOf(downstream));
    }

    /** A rule's contribution: its name, its file, and the certainty factor it gave. */
    public record RuleContribution(String rule, String file, double cf) {
    }
}
