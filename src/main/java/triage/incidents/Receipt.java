package triage.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What the service received and concluded, as the store records it: the group's key and metadata, its
 * alerts (fingerprints, labels, status, times) and the diagnosis JSON it answered.
 *
 * @param status firing or resolved (for an upload: firing)
 */
public record Receipt(String groupKey, String source, String receiver, String status, Map<String, String> labels,
                      List<String> fingerprints, JsonNode alerts, ObjectNode diagnosis) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A validated Alertmanager webhook payload (version 4) and the diagnosis made of it. */
    public static Receipt fromAlertmanager(byte[] payload, ObjectNode diagnosis) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + triage.knowledge.Problem.firstLine(e.getMessage(), "unreadable"));
        }
        ArrayNode alerts = JsonNodeFactory.instance.arrayNode();
        Set<String> fingerprints = new TreeSet<>();
        for (JsonNode a : root.path("alerts")) {
            ObjectNode kept = alerts.addObject();
            String fp = a.path("fingerprint").asText("");
            if (fp.isEmpty()) {
                // Alertmanager always sends one; other senders may not: the labels identify the alert
                fp = "labels:" + Integer.toHexString(a.path("labels").toString().hashCode());
            }
            fingerprints.add(fp);
            kept.put("fingerprint", fp);
            kept.put("status", a.path("status").asText("firing"));
            kept.set("labels", a.path("labels"));
            kept.put("startsAt", a.path("startsAt").asText(""));
            kept.put("endsAt", a.path("endsAt").asText(""));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        root.path("commonLabels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return new Receipt(root.path("groupKey").asText(""), "alertmanager", root.path("receiver").asText(""),
                root.path("status").asText(Incident.FIRING).equals(Incident.RESOLVED) ? Incident.RESOLVED : Incident.FIRING,
                Map.copyOf(labels), List.copyOf(fingerprints), alerts, diagnosis);
    }

    /** Evidence uploaded for diagnosis: an incident of its own. */
    public static Receipt fromUpload(ObjectNode diagnosis) {
        return new Receipt("upload:" + UUID.randomUUID(), "upload", "", Incident.FIRING, Map.of(), List.of(),
                JsonNodeFactory.instance.arrayNode(), diagnosis);
    }

    /** The id of the leading reported cause, or null. */
    public String leadingCause() {
        JsonNode first = diagnosis.path("causes").path(0);
        return first.isMissingNode() ? null : first.path("id").asText(null);
    }

    public String severity() {
        return diagnosis.path("causes").path(0).path("severity").asText(null);
    }

    public double confidence() {
        return diagnosis.path("causes").path(0).path("confidence").asDouble(0);
    }

    /** The evidence lines the diagnosis cites (already redacted by the renderer), each once, in order. */
    public List<String> excerpts() {
        Set<String> out = new LinkedHashSet<>();
        for (String list : List.of("causes", "candidates")) {
            for (JsonNode c : diagnosis.path(list)) {
                for (JsonNode e : c.path("evidence")) {
                    out.add(e.path("source").asText("") + ": " + e.path("text").asText(""));
                }
            }
        }
        return new ArrayList<>(out);
    }
}
