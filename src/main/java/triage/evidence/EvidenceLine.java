package triage.evidence;

/**
 * One line of evidence as read: where it came from, its text (already redacted), the time it
 * carries (epoch millis, 0 when none), and the context it was read in (the command whose output
 * it is, or the file name).
 */
public record EvidenceLine(String file, int line, String text, long timestamp, String context) {

    public String source() {
        return line > 0 ? file + ":" + line : file;
    }
}
