package triage.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * One Alertmanager webhook notification (payload {@code "version": "4"}): a group of alerts that
 * Alertmanager routed together. {@link #parse(byte[])} checks the shape; {@link Triage#diagnose(AlertGroup)}
 * turns every alert of the group (labels and annotations) into evidence for one diagnosis.
 *
 * @param groupKey the group's key, as Alertmanager sent it (empty when missing)
 * @param status   {@code firing} or {@code resolved}, for the group
 * @param receiver the receiver name in the Alertmanager configuration
 * @param alerts   how many alerts the payload holds
 * @param firing   how many of them are firing (resolved ones are not evidence)
 * @param payload  the payload as received, which is what the evidence reader reads
 */
public record AlertGroup(String groupKey, String status, String receiver, int alerts, int firing, byte[] payload) {

    /** The version of the webhook payload this accepts. */
    public static final String VERSION = "4";

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build()).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Checks that the bytes are an Alertmanager webhook payload of version 4.
     *
     * @throws InvalidPayloadException for invalid JSON (with line and column), JSON that is not a webhook
     *                                 payload, another payload version, or a payload without alerts
     */
    public static AlertGroup parse(byte[] payload) {
        JsonNode root;
        try {
            root = MAPPER.readTree(payload);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidPayloadException(InvalidPayloadException.Kind.INVALID_JSON, "invalid JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidPayloadException(InvalidPayloadException.Kind.INVALID_JSON, "unreadable payload: " + firstLine(e.getMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidPayloadException(InvalidPayloadException.Kind.NO_EVIDENCE, "empty payload: an Alertmanager webhook payload (version 4) is expected");
        }
        if (!root.isObject() || !root.path("alerts").isArray()) {
            throw new InvalidPayloadException(InvalidPayloadException.Kind.WRONG_SHAPE, "not an Alertmanager webhook payload: a JSON object with \"version\": \"4\" "
                    + "and an \"alerts\" array is expected");
        }
        JsonNode version = root.path("version");
        if (!version.isMissingNode() && !VERSION.equals(version.asText())) {
            throw new InvalidPayloadException(InvalidPayloadException.Kind.UNSUPPORTED_VERSION, "unsupported webhook payload version \"" + clip(version.asText())
                    + "\": Alertmanager's version 4 is expected");
        }
        if (version.isMissingNode() && !root.has("groupKey") && !root.has("receiver")) {
            throw new InvalidPayloadException(InvalidPayloadException.Kind.WRONG_SHAPE, "not an Alertmanager webhook payload: \"version\", \"groupKey\" "
                    + "or \"receiver\" missing");
        }
        JsonNode alerts = root.path("alerts");
        if (alerts.isEmpty()) {
            throw new InvalidPayloadException(InvalidPayloadException.Kind.NO_EVIDENCE, "no evidence: the payload holds no alerts");
        }
        int firing = 0;
        for (JsonNode alert : alerts) {
            if (!alert.isObject() || !alert.path("labels").isObject()) {
                throw new InvalidPayloadException(InvalidPayloadException.Kind.WRONG_SHAPE, "not an Alertmanager webhook payload: every alert needs a \"labels\" object");
            }
            if (!"resolved".equalsIgnoreCase(alert.path("status").asText("firing"))) {
                firing++;
            }
        }
        return new AlertGroup(root.path("groupKey").asText(""), root.path("status").asText(""),
                root.path("receiver").asText(""), alerts.size(), firing, payload);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        return clip(nl < 0 ? m : m.substring(0, nl)).replace('\r', ' ');
    }
}
