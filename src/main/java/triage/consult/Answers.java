package triage.consult;

import triage.facts.Reply;
import triage.knowledge.SymptomDef;

import java.util.Locale;
import java.util.Optional;

/**
 * What a typed answer means for a question: yes, no, unknown, a value in the question's unit (compared
 * with the symptom's threshold in {@code questions.yaml}, or kept as a reading), or a count where the
 * question asks how many.
 */
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
            Double[] bounds = bounds(consultation, q);
            if ((bounds[0] != null && number < bounds[0]) || (bounds[1] != null && number > bounds[1])) {
                return Optional.empty();
            }
            // a measurement below zero is a typo, except for money (a P&L can be negative)
            if (bounds[0] == null && number < 0 && !q.unit().equals("USD")) {
                return Optional.empty();
            }
            Optional<Boolean> present = consultation.questions().value(q.id()).flatMap(v -> v.present(number));
            if (present.isPresent() && !present.get()) {
                return Optional.of(new Consultation.Given(q.id(), Reply.NO, number, 1));
            }
            return Optional.of(consultation.yesGiven(q.id(), number));
        }
        // a yes/no question takes a number only where it asks how many times
        if (!consultation.questions().asksCount(q.id())
                || number != Math.rint(number) || number < 0 || number > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        if (number == 0) {
            return Optional.of(new Consultation.Given(q.id(), Reply.NO, Double.NaN, 1));
        }
        return Optional.of(new Consultation.Given(q.id(), Reply.YES, Double.NaN, (int) (double) number));
    }

    /**
     * The values a question takes, {min, max} (null for open): the symptom's range, except a bound that lies
     * on the "no" side of the question's threshold. Such a bound is the symptom's own threshold ("3000 ms or
     * more"), not a limit of the measurement: a page that loads in 1500 ms is an answer, and a "no".
     */
    public static Double[] bounds(Consultation consultation, SymptomDef q) {
        Double min = q.min();
        Double max = q.max();
        Optional<Questions.Value> threshold = consultation.questions().value(q.id()).filter(v -> !v.reading());
        if (threshold.isPresent()) {
            Questions.Value t = threshold.get();
            if (t.above() != null && min != null && min > 0 && min >= t.above()) {
                min = null;
            }
            if (t.below() != null && max != null && max <= t.below()) {
                max = null;
            }
        }
        return new Double[] {min, max};
    }

    /** An answer as it was recorded, in words: "network.rtt-high 24 ms -> below 100 ms: no". */
    public static String recorded(Consultation consultation, SymptomDef q, Consultation.Given g) {
        String reply = g.reply().name().toLowerCase(Locale.ROOT);
        if (Double.isNaN(g.value())) {
            return q.id() + (g.yes() && g.count() > 1 && consultation.questions().asksCount(q.id())
                    ? " seen " + g.count() + " times" : "") + ": " + reply;
        }
        String value = Consultation.fmt(g.value()) + (q.takesValue() ? " " + q.unit() : "");
        return consultation.questions().value(q.id())
                .filter(v -> !v.reading())
                .map(v -> q.id() + " " + value + " -> " + v.side(g.value()) + ": " + reply)
                .orElse(q.id() + " " + value + " (a reading): " + reply);
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
