package triage.facts;

/**
 * An answer to the question of a symptom: yes, no, unknown, or a value.
 * {@code NO} answers are how rules learn that a symptom is known to be absent
 * (from a person in a consultation, or from evidence that shows the healthy state).
 */
public record Answer(String symptom, Reply reply, double value, String source) {

    public static Answer no(String symptom, String source) {
        return new Answer(symptom, Reply.NO, Double.NaN, source);
    }

    public static Answer yes(String symptom, String source) {
        return new Answer(symptom, Reply.YES, Double.NaN, source);
    }

    public boolean isNo() {
        return reply == Reply.NO;
    }
}
