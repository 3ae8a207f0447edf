package triage.api;

/**
 * Input that is not what the call expects: invalid JSON, JSON that is not an Alertmanager webhook
 * payload, or a request that holds no evidence. The message is one line, safe to show to the sender:
 * it names what was wrong and where (line and column for JSON), never the payload itself.
 */
public final class InvalidPayloadException extends IllegalArgumentException {

    /** What was wrong, for callers that answer differently (and for metrics). */
    public enum Kind {
        /** Not JSON at all, or broken JSON. */
        INVALID_JSON,
        /** JSON, but not the expected shape. */
        WRONG_SHAPE,
        /** An Alertmanager payload of another version than 4. */
        UNSUPPORTED_VERSION,
        /** Well formed, but nothing to diagnose: no alerts, no evidence files. */
        NO_EVIDENCE
    }

    private final Kind kind;

    public InvalidPayloadException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The one-line reason for broken JSON: where (line, column) and what the parser expected, without
     * the text it found (a piece of the payload could be a secret).
     */
    public static InvalidPayloadException invalidJson(com.fasterxml.jackson.core.JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String what = plainReason(e.getOriginalMessage());
        return new InvalidPayloadException(Kind.INVALID_JSON, "invalid JSON" + where + ": " + what);
    }

    /** The parser's reason in plain words, without its internals (character codes, class and method names, echoed tokens). */
    static String plainReason(String message) {
        String m = message == null ? "" : message;
        java.util.regex.Matcher c = java.util.regex.Pattern.compile("^Unexpected character \\('(.)' \\(code \\d+\\)\\)").matcher(m);
        if (m.contains("end-of-input")) {
            return "unexpected end of input";
        } else if (c.find()) {
            return "unexpected character '" + triage.evidence.ControlCharacters.escape(c.group(1)) + "'";
        } else if (m.startsWith("Unrecognized token")) {
            return "unrecognized token";
        } else if (m.contains("nesting depth")) {
            return "nested too deeply";
        } else if (m.contains("Invalid UTF-8") || m.contains("Invalid UTF-")) {
            return "not valid UTF-8";
        } else if (m.contains("Illegal unquoted character")) {
            return "control character inside a string";
        }
        return "syntax error";
    }
}
