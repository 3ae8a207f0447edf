package triage.evidence;

import java.util.Map;

/**
 * One sighting of a symptom in the evidence, before sightings are folded into symptom facts.
 *
 * @param absent the evidence shows the healthy state: the symptom is known not to hold
 */
public record Observation(String symptom, String subject, double value, long timestamp, String source,
                          String text, Map<String, String> attributes, boolean absent) {
}
