package triage.consult;

import triage.api.Triage;
import triage.evidence.Evidence;
import triage.facts.Answer;
import triage.facts.Symptom;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What a person typed to start a consultation: first evidence (a pasted error line is recognised as the
 * diagnosis would recognise it), then the complaints its words match. Shared by {@code triage consult}
 * and the web console.
 */
public final class TypedText {

    /** What the text means: the symptoms recognised in it, and the complaints it matches, best first. */
    public record Reading(List<Symptom> symptoms, List<Answer> answers, List<Complaint> complaints) {
        public boolean recognised() {
            return !symptoms.isEmpty();
        }
    }

    private TypedText() {
    }

    public static Reading read(Triage triage, Complaints complaints, String text) {
        Evidence ev = triage.read(Map.of("typed.log", (text.strip() + "\n").getBytes(StandardCharsets.UTF_8)));
        return new Reading(ev.symptoms(), ev.answers(), complaints.matching(text));
    }
}
