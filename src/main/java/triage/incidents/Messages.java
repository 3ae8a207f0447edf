package triage.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * The messages a revision is announced with: Slack Block Kit (which Mattermost and Rocket.Chat incoming
 * webhooks also take) and a generic JSON document. Evidence lines in them are the diagnosis's, already
 * redacted.
 */
final class Messages {

    static final int EVIDENCE_LINES = 3;
    static final int STEPS = 3;

    private Messages() {
    }

    /** Block Kit: a header, the leading cause and its confidence, evidence lines, the first steps, a link. */
    static ObjectNode slack(Incident incident, Revision revision, String publicUrl) {
        ObjectNode msg = JsonNodeFactory.instance.objectNode();
        JsonNode cause = revision.diagnosis().path("causes").path(0);
        String title = cause.isMissingNode() ? "No cause concluded" : cause.path("title").asText(cause.path("id").asText());
        String headline = (revision.number() == 1 ? "New incident" : "Incident revised") + " #" + incident.id()
                + (revision.number() == 1 ? "" : " (revision " + revision.number() + ")") + ": " + title;
        msg.put("text", headline);
        ArrayNode blocks = msg.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", clip(headline, 150));
        StringBuilder summary = new StringBuilder();
        if (cause.isMissingNode()) {
            summary.append("No cause reached the reporting threshold");
        } else {
            summary.append("*Leading cause:* `").append(cause.path("id").asText()).append("` ")
                    .append(String.format(Locale.ROOT, "(confidence %.2f, %s)", cause.path("confidence").asDouble(),
                            cause.path("severity").asText("?")));
        }
        summary.append("\n*Group:* ").append(escape(incident.groupKey().startsWith("upload:") ? "evidence upload" : incident.groupKey()));
        section(blocks, summary.toString());
        StringBuilder evidence = new StringBuilder();
        int n = 0;
        for (JsonNode e : cause.path("evidence")) {
            if (n++ == EVIDENCE_LINES) {
                break;
            }
            evidence.append("> ").append(escape(clip(e.path("text").asText(), 280))).append('\n');
        }
        if (!evidence.isEmpty()) {
            section(blocks, "*Evidence*\n" + evidence);
        }
        StringBuilder steps = new StringBuilder();
        n = 0;
        for (JsonNode s : cause.path("remediation")) {
            if (n++ == STEPS) {
                break;
            }
            steps.append(s.path("order").asInt()).append(". ").append(escape(s.path("action").asText()));
            if (s.path("requires_confirmation").asBoolean()) {
                steps.append(" _(confirm first)_");
            }
            if (!s.path("command").asText().isBlank()) {
                steps.append("\n`").append(escape(clip(s.path("command").asText(), 200))).append('`');
            }
            steps.append('\n');
        }
        if (!steps.isEmpty()) {
            section(blocks, "*First steps*\n" + steps);
        }
        if (!publicUrl.isEmpty()) {
            section(blocks, "<" + publicUrl + "/v1/incidents/" + incident.id() + "|Open incident #" + incident.id() + ">");
        }
        return msg;
    }

    /** The generic webhook: the incident, the revision number and the diagnosis as the service answered it. */
    static ObjectNode webhook(Incident incident, Revision revision, String publicUrl) {
        ObjectNode msg = JsonNodeFactory.instance.objectNode();
        msg.put("event", revision.number() == 1 ? "incident.created" : "incident.revised");
        ObjectNode i = msg.putObject("incident");
        i.put("id", incident.id());
        i.put("group_key", incident.groupKey());
        i.put("state", incident.state());
        i.put("leading_cause", incident.leadingCause());
        i.put("severity", incident.severity());
        i.put("confidence", incident.confidence());
        if (!publicUrl.isEmpty()) {
            i.put("url", publicUrl + "/v1/incidents/" + incident.id());
        }
        msg.put("revision", revision.number());
        msg.set("diagnosis", revision.diagnosis());
        return msg;
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        ObjectNode s = blocks.addObject().put("type", "section");
        s.putObject("text").put("type", "mrkdwn").put("text", clip(mrkdwn, 3000));
    }

    /** Slack's three control characters in mrkdwn. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
