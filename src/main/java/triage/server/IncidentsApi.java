package triage.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import triage.incidents.Delivery;
import triage.incidents.Incident;
import triage.incidents.IncidentStore;
import triage.incidents.Revision;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * {@code GET /v1/incidents} (filters: state, cause, source, since; paging: limit, offset) and
 * {@code GET /v1/incidents/{id}} (with revisions and deliveries), as described in {@code openapi.yaml}.
 */
final class IncidentsApi {

    static final int MAX_LIMIT = 500;

    private final IncidentStore store;

    IncidentsApi(IncidentStore store) {
        this.store = store;
    }

    ObjectNode list(Map<String, String> params) {
        int limit = integer(params, "limit", 50, 1, MAX_LIMIT);
        int offset = integer(params, "offset", 0, 0, Integer.MAX_VALUE);
        String state = params.get("state");
        if (state != null && !state.equals(Incident.FIRING) && !state.equals(Incident.RESOLVED)) {
            throw new HttpProblem(400, "bad_parameter", "state must be firing or resolved");
        }
        Instant since = null;
        if (params.get("since") != null) {
            try {
                since = Instant.parse(params.get("since"));
            } catch (DateTimeParseException e) {
                throw new HttpProblem(400, "bad_parameter", "since must be an ISO-8601 instant such as 2026-12-03T09:00:00Z");
            }
        }
        IncidentStore.Page page = store.list(new IncidentStore.Query(state, params.get("cause"), params.get("source"),
                since, limit, offset));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        var items = out.putArray("incidents");
        page.incidents().forEach(i -> items.add(incident(i)));
        out.put("total", page.total());
        out.put("limit", page.limit());
        out.put("offset", page.offset());
        return out;
    }

    ObjectNode get(String idText) {
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            throw new HttpProblem(404, "not_found", "no such incident");
        }
        IncidentStore.Detail d = store.get(id).orElseThrow(() -> new HttpProblem(404, "not_found", "no such incident"));
        ObjectNode out = incident(d.incident());
        var revisions = out.putArray("revisions");
        for (Revision r : d.revisions()) {
            ObjectNode n = revisions.addObject();
            n.put("number", r.number());
            n.put("created_at", r.createdAt().toString());
            n.put("status", r.status());
            n.put("leading_cause", r.leadingCause());
            var fps = n.putArray("fingerprints");
            r.fingerprints().forEach(fps::add);
            n.set("alerts", r.alerts());
            var ex = n.putArray("excerpts");
            r.excerpts().forEach(ex::add);
            n.set("diagnosis", r.diagnosis());
        }
        var deliveries = out.putArray("deliveries");
        for (Delivery dl : d.deliveries()) {
            ObjectNode n = deliveries.addObject();
            n.put("revision", dl.revision());
            n.put("route", dl.route());
            n.put("status", dl.status());
            n.put("attempts", dl.attempts());
            n.put("last_error", dl.lastError());
            n.put("updated_at", dl.updatedAt().toString());
        }
        return out;
    }

    static ObjectNode incident(Incident i) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", i.id());
        n.put("group_key", i.groupKey());
        n.put("source", i.source());
        n.put("receiver", i.receiver());
        n.put("state", i.state());
        n.put("leading_cause", i.leadingCause());
        n.put("severity", i.severity());
        n.put("confidence", i.confidence());
        ObjectNode labels = n.putObject("labels");
        i.labels().forEach(labels::put);
        n.put("created_at", i.createdAt().toString());
        n.put("updated_at", i.updatedAt().toString());
        n.put("resolved_at", i.resolvedAt() == null ? null : i.resolvedAt().toString());
        n.put("receipts", i.receipts());
        n.put("revision_count", i.revisions());
        return n;
    }

    /** What the webhook and diagnose answers say about the incident they were recorded in. */
    static JsonNode recorded(IncidentStore.Recorded rec) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", rec.incident().id());
        n.put("change", rec.change().name().toLowerCase(java.util.Locale.ROOT));
        n.put("revision", rec.revision() == null ? rec.incident().revisions() : rec.revision().number());
        n.put("state", rec.incident().state());
        return n;
    }

    private static int integer(Map<String, String> params, String name, int dflt, int min, int max) {
        String v = params.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new HttpProblem(400, "bad_parameter", name + " must be a whole number from " + min + " to " + max);
        }
    }
}
