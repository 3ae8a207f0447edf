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
}
