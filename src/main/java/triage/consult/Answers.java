package triage.consult;

import triage.facts.Reply;
import triage.knowledge.SymptomDef;

import java.util.Locale;
import java.util.Optional;

/** What a typed answer means for a question: yes, no, unknown, a value in the question's unit, or a count. */
public final class Answers {

    private Answers() {
    }

    /** The answer a word means for this question, if it is one. */
    public static Optional<Consultation.Given> parse(Consultation consultation, SymptomDef q, String word) {
        switch (word) {
            case "y", "yes", "true", "yep", "present" -> {
                return Optional.of(consultation.yesGiven(q.id(), Double.NaN));
            }
            case "n", "no", "false", "nope", "absent" -> {
                return Optional.of(new Consultation.Given(q.id(), Reply.NO, Double.NaN, 1));
            }
            case "u", "unknown", "skip", "?", "dunno", "idk", "don't know", "dont know", "n/a" -> {
                return Optional.of(new Consultation.Given(q.id(), Reply.UNKNOWN, Double.NaN, 1));
            }
            default -> {
            }
        }
        Double number = number(q, word);
        if (number == null) {
            return Optional.empty();
        }
        if (q.takesValue()) {
            if ((q.min() != null && number < q.min()) || (q.max() != null && number > q.max())) {
                return Optional.empty();
            }
            return Optional.of(consultation.yesGiven(q.id(), number));
        }
        // a count for a yes/no symptom: how many times it was seen (0 = no)
        if (number != Math.rint(number) || number < 0 || number > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        if (number == 0) {
            return Optional.of(new Consultation.Given(q.id(), Reply.NO, Double.NaN, 1));
        }
        return Optional.of(new Consultation.Given(q.id(), Reply.YES, Double.NaN, (int) (double) number));
    }

    static Double number(SymptomDef q, String word) {
        String w = word.replace(",", "").strip();
        if (q.takesValue()) {
            String unit = q.unit().toLowerCase(Locale.ROOT);
            if (w.endsWith(unit)) {
                w = w.substring(0, w.length() - unit.length()).strip();
            }
        }
        if (!w.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) {
            return null;
        }
        try {
            return Double.parseDouble(w);
        } catch (NumberFormatException e) {
            return null;
        }
    }

}
