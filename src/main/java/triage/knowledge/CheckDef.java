package triage.knowledge;

/** A check that would confirm or rule out a cause when the evidence is not conclusive. */
public record CheckDef(String question, String command) {
}
