package triage.diagnosis;

/**
 * A piece of evidence cited for a cause: where it was read and the (redacted) line.
 *
 * @param symptom the symptom id it was recognised as
 * @param source  where it was read: {@code file:line}, {@code file}, or {@code answer}
 * @param text    the line as read, with secrets masked
 */
public record EvidenceItem(String symptom, String source, String text) {
}
