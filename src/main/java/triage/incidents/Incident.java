package triage.incidents;

import java.time.Instant;
import java.util.Map;

/**
 * One incident: an Alertmanager group (its repeats and changes are revisions of it) or one upload.
 *
 * @param groupKey     Alertmanager's group key, or {@code upload:<uuid>} for an upload
 * @param source       {@code alertmanager} or {@code upload}
 * @param state        {@code firing} or {@code resolved}
 * @param leadingCause the leading cause of the latest revision, or null when none was concluded
 * @param receipts     how many webhooks were received for the group, repeats included
 * @param revisions    how many revisions it has
 */
public record Incident(long id, String groupKey, String source, String receiver, String state, String leadingCause,
                       String severity, double confidence, Map<String, String> labels, Instant createdAt,
                       Instant updatedAt, Instant resolvedAt, int receipts, int revisions) {

    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";
}
