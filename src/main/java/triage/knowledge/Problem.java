package triage.knowledge;

/** A problem found in the knowledge base or the rules, with where it is. */
public record Problem(String file, int line, String message) {

    /** One line, {@code file:line: message}, the form every error of the tool takes. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
