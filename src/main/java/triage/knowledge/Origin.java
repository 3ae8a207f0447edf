package triage.knowledge;

/** Where an entry of the knowledge base was written: its file and the line the entry starts on. */
public record Origin(String file, int line) {

    /** A problem of the entry, reported at its file and line. */
    public Problem problem(String message) {
        return new Problem(file, line, message);
    }
}
