package triage.api;

import triage.knowledge.Problem;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

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

    /** Immutable and thread-safe: configuration only, no state. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build()).build();

    /**
     * Checks that the bytes are an Alertmanager webhook payload of version 4. Streams over the payload
     * once, without building a tree (the evidence reader reads it in full afterwards).
     *
     * @throws InvalidPayloadException for invalid JSON (with line and column), JSON that is not a webhook
     *                                 payload, another payload version, or a payload without alerts
     */
    public static AlertGroup parse(byte[] payload) {
        String version = null;
        String groupKey = null;
        String status = "";
        String receiver = null;
        int alerts = -1;
        int firing = 0;
        try (JsonParser p = JSON.createParser(payload)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new InvalidPayloadException(InvalidPayloadException.Kind.NO_EVIDENCE,
                        "empty payload: an Alertmanager webhook payload (version 4) is expected");
            }
            if (first != JsonToken.START_OBJECT) {
                throw wrongShape();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "version" -> version = value.isScalarValue() ? p.getText() : "?";
                    case "groupKey" -> groupKey = value == JsonToken.VALUE_STRING ? p.getText() : "";
                    case "status" -> status = value == JsonToken.VALUE_STRING ? p.getText() : "";
                    case "receiver" -> receiver = value == JsonToken.VALUE_STRING ? p.getText() : "";
                    case "alerts" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw wrongShape();
                        }
                        alerts = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            alerts++;
                            if (alert(p)) {
                                firing++;
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw wrongShape();
            }
            if (p.nextToken() != null) {
                throw new InvalidPayloadException(InvalidPayloadException.Kind.INVALID_JSON,
                        "invalid JSON at line " + p.currentLocation().getLineNr() + ", column "
                                + p.currentLocation().getColumnNr() + ": more after the end of the payload");
            }
        } catch (JsonProcessingException e) {
            throw InvalidPayloadException.invalidJson(e);
        } catch (IOException e) {
            throw new InvalidPayloadException(InvalidPayloadException.Kind.INVALID_JSON, "unreadable payload: "
                    + firstLine(e.getMessage()));
        }
        if (alerts < 0) {
            throw wrongShape();
        }
        if (version != null && !VERSION.equals(version)) {
            throw new InvalidPayloadException(InvalidPayloadException.Kind.UNSUPPORTED_VERSION,
                    "unsupported webhook payload version \"" + clip(version) + "\": Alertmanager's version 4 is expected");
        }
        if (version == null && groupKey == null && receiver == null) {
            throw new InvalidPayloadException(InvalidPayloadException.Kind.WRONG_SHAPE,
                    "not an Alertmanager webhook payload: \"version\", \"groupKey\" or \"receiver\" missing");
        }
        if (alerts == 0) {
            throw new InvalidPayloadException(InvalidPayloadException.Kind.NO_EVIDENCE, "no evidence: the payload holds no alerts");
        }
        return new AlertGroup(groupKey == null ? "" : groupKey, status, receiver == null ? "" : receiver, alerts, firing, payload);
    }

    /** Reads one alert object; it must have a labels object. @return whether it is firing */
    private static boolean alert(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw everyAlertNeedsLabels();
        }
        boolean labels = false;
        boolean resolved = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("labels")) {
                labels = value == JsonToken.START_OBJECT;
            } else if (field.equals("status") && value == JsonToken.VALUE_STRING) {
                resolved = "resolved".equalsIgnoreCase(p.getText());
            }
            p.skipChildren();
        }
        if (!labels) {
            throw everyAlertNeedsLabels();
        }
        return !resolved;
    }

    private static InvalidPayloadException wrongShape() {
        return new InvalidPayloadException(InvalidPayloadException.Kind.WRONG_SHAPE,
                "not an Alertmanager webhook payload: a JSON object with \"version\": \"4\" and an \"alerts\" array is expected");
    }

    private static InvalidPayloadException everyAlertNeedsLabels() {
        return new InvalidPayloadException(InvalidPayloadException.Kind.WRONG_SHAPE,
                "not an Alertmanager webhook payload: every alert needs a \"labels\" object");
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String firstLine(String m) {
        String line = Problem.firstLine(m, "");
        return (line.length() > 160 ? line.substring(0, 160) + "..." : line).replace('\r', ' ');
    }
}
