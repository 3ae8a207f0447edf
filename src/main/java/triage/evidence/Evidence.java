package triage.evidence;

import triage.facts.Answer;
import triage.facts.Symptom;

import java.util.List;

/**
 * Everything read from the evidence: symptom facts (folded from observations, or given in symptom
 * files), answers (from symptom files, or evidence showing a healthy state), one-line warnings about
 * what could not be read, and how many inputs were readable.
 */
public record Evidence(List<Symptom> symptoms, List<Answer> answers, List<String> warnings, int readable, int inputs) {

    /** True when no input could be read and nothing was recognised (a file that broke half-way still counts). */
    public boolean nothingReadable() {
        return inputs > 0 && readable == 0 && symptoms.isEmpty() && answers.isEmpty();
    }
}
