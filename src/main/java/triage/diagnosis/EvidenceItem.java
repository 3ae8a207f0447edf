package triage.diagnosis;

/** A piece of evidence cited for a cause: where it was read and the (redacted) line. */
public record EvidenceItem(String symptom, String source, String text) {
}
