package triage.diagnosis;

import triage.facts.Symptom;

import java.util.List;

/**
 * The outcome of a diagnosis: immutable, safe to hand to other threads. Render it with
 * {@code triage.output.JsonRenderer} for the contract's JSON.
 *
 * @param causes     reported causes, most likely first; empty when no known cause was recognised
 * @param candidates causes the evidence hints at but does not establish, with checks that would decide
 * @param symptoms   every symptom recognised in the evidence
 * @param warnings   evidence that could not be read, one line each, naming the file
 */
public record Diagnosis(List<CauseHypothesis> causes, List<CauseHypothesis> candidates, List<Symptom> symptoms,
                        List<String> warnings) {

    /** No cause reported, but some candidates: more evidence (their checks) would decide. */
    public boolean insufficientEvidence() {
        return causes.isEmpty() && !candidates.isEmpty();
    }
}
