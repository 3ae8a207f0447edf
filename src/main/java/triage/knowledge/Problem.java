package triage.knowledge;

/** A problem found in the knowledge base or the rules, with where it is. */
public record Problem(String file, int line, String message) {

    /** The first line of a message, or {@code ifNone} when there is no message. */
    public static String firstLine(String message, String ifNone) {
        if (message == null) {
            return ifNone;
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The first line of an exception's message, or its class name when it has none. */
    public static String firstLine(Throwable e) {
        return firstLine(e.getMessage(), e.getClass().getSimpleName());
    }

    /** One line, {@code file:line: message}, the form every error of the tool takes. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
