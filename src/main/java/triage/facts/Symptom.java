package triage.facts;

import java.util.List;
import java.util.Map;

/**
 * An observed symptom: what was seen, about what, how often and where it was read.
 * Observations of the same symptom id about the same subject are folded into one fact,
 * so rules can reason on counts, first and last occurrence and the observed values.
 *
 * @param id        symptom id from the knowledge base vocabulary (e.g. {@code exchange.http-429})
 * @param subject   the component, service, exchange or symbol it concerns; empty when not known
 * @param count     how many times it was observed
 * @param value     the last observed value (latency, percentage, count...), or NaN when none
 * @param maxValue  the largest observed value, or NaN
 * @param firstSeen epoch millis of the first occurrence, or 0 when the evidence had no time
 * @param lastSeen  epoch millis of the last occurrence, or 0
 * @param attributes named captures of the last occurrence (exchange, code, symbol, port, ...)
 * @param citations where it was read, at most a few, in reading order
 */
public record Symptom(String id, String subject, int count, double value, double maxValue,
                      long firstSeen, long lastSeen, Map<String, String> attributes,
                      List<Citation> citations) {

    public Symptom {
        subject = subject == null ? "" : subject;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        citations = citations == null ? List.of() : List.copyOf(citations);
    }

    public static Symptom of(String id) {
        return new Symptom(id, "", 1, Double.NaN, Double.NaN, 0, 0, Map.of(), List.of());
    }

    public static Symptom of(String id, double value) {
        return new Symptom(id, "", 1, value, value, 0, 0, Map.of(), List.of());
    }

    public boolean hasValue() {
        return !Double.isNaN(value);
    }

    /** Seconds between first and last occurrence; 0 when unknown or seen once. */
    public long spanSeconds() {
        return firstSeen > 0 && lastSeen > firstSeen ? (lastSeen - firstSeen) / 1000 : 0;
    }

    public String attribute(String name) {
        return attributes.getOrDefault(name, "");
    }
}
