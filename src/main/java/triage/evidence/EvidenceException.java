package triage.evidence;

/** Evidence that cannot be read at all; the message is one line naming the file (and line). */
public class EvidenceException extends RuntimeException {
    public EvidenceException(String message) {
        super(message);
    }
}
