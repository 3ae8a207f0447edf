package triage.incidents;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * A revision of an incident: its first diagnosis, or a later one whose alert set or leading cause changed.
 *
 * @param fingerprints the alerts' fingerprints, sorted
 * @param alerts       the alerts' labels, status and times, as received
 * @param diagnosis    the diagnosis as the service answered it (JSON)
 * @param excerpts     the evidence lines the diagnosis cites, already redacted
 */
public record Revision(long incidentId, int number, Instant createdAt, String status, List<String> fingerprints,
                       JsonNode alerts, String leadingCause, JsonNode diagnosis, List<String> excerpts) {
}
