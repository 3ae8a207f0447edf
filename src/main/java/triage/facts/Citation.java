package triage.facts;

/** Where a piece of evidence was read: {@code source} is "file:line" (or "file" / "answer"). */
public record Citation(String source, String text) {
}
