package triage.evidence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON evidence: Alertmanager webhook payloads (version 4, every alert of the group), Alertmanager
 * API v2 alert lists, and health or status JSON. Health JSON is flattened to {@code path.key: value}
 * lines (with the line each value sits on) and recognised like any text line.
 */
final class JsonEvidenceReader {

    private final Recognizer recognizer;
    private final JsonFactory json = new JsonFactory();

    JsonEvidenceReader(Recognizer recognizer) {
        this.recognizer = recognizer;
    }

    static boolean isAlertmanagerWebhook(JsonNode root) {
        return root.isObject() && root.path("alerts").isArray()
                && (root.has("version") || root.has("groupKey") || root.has("receiver") || root.has("commonLabels"));
    }

    static boolean isAlertList(JsonNode root) {
        return root.isArray() && !root.isEmpty() && root.get(0).isObject() && root.get(0).has("labels")
                && (root.get(0).has("annotations") || root.get(0).has("fingerprint") || root.get(0).has("startsAt"));
    }

    /** Reads the alerts of a webhook payload or an API alert list; resolved alerts are skipped. */
    void readAlerts(String file, String text, JsonNode root, SymptomAggregator sink) {
        JsonNode alerts = root.isArray() ? root : root.path("alerts");
        List<Integer> alertLines = alertStartLines(text);
        int index = 0;
        for (JsonNode alert : alerts) {
            int line = index < alertLines.size() ? alertLines.get(index) : 0;
            index++;
            if (!alert.isObject() || !isFiring(alert)) {
                continue;
            }
            Map<String, String> labels = strings(alert.path("labels"));
            if (root.isObject()) {
                strings(root.path("commonLabels")).forEach(labels::putIfAbsent);
            }
            Map<String, String> annotations = strings(alert.path("annotations"));
            long ts = Timestamps.parse(alert.path("startsAt").asText(""), 2026);
            StringBuilder summary = new StringBuilder("alert ").append(labels.getOrDefault("alertname", "?"));
            labels.forEach((k, v) -> {
                if (!k.equals("alertname")) {
                    summary.append(' ').append(k).append('=').append(v);
                }
            });
            String description = annotations.getOrDefault("description", annotations.getOrDefault("summary", ""));
            if (!description.isEmpty()) {
                summary.append(": ").append(description);
            }
            EvidenceLine alertLine = new EvidenceLine(file, line, Redactor.redact(summary.toString()), ts, "alert");
            List<Observation> found = new ArrayList<>();
            recognizer.recogniseAlert(labels, alertLine, found);
            recognizer.recognise(alertLine, found);
            for (String annotation : annotations.values()) {
                recognizer.recognise(new EvidenceLine(file, line, Redactor.redact(annotation), ts, "alert"), found);
            }
            // one alert is one sighting of each symptom: its summary line and its annotations often say the same
            Set<String> once = new HashSet<>();
            for (Observation o : found) {
                if (once.add(o.symptom() + '\u0000' + o.absent())) {
                    sink.add(o);
                }
            }
        }
    }

    private static boolean isFiring(JsonNode alert) {
        JsonNode status = alert.path("status");
        if (status.isTextual()) {
            return !status.asText().equalsIgnoreCase("resolved");
        }
        String state = status.path("state").asText("active");
        return !state.equalsIgnoreCase("resolved") && !state.equalsIgnoreCase("unprocessed");
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        if (object.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = object.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
            }
        }
        return out;
    }

    /** The line on which each alert object of the payload starts, in order. */
    private List<Integer> alertStartLines(String text) {
        List<Integer> lines = new ArrayList<>();
        try (JsonParser p = json.createParser(text)) {
            int depth = 0;
            boolean inAlerts = false;
            int alertsDepth = -1;
            JsonToken t;
            String lastField = null;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    lastField = p.currentName();
                } else if (t == JsonToken.START_ARRAY) {
                    depth++;
                    if (!inAlerts && (depth == 1 && p.getParsingContext().getParent().inRoot() || "alerts".equals(lastField))) {
                        inAlerts = true;
                        alertsDepth = depth;
                    }
                } else if (t == JsonToken.END_ARRAY) {
                    if (depth == alertsDepth) {
                        inAlerts = false;
                    }
                    depth--;
                } else if (t == JsonToken.START_OBJECT) {
                    if (inAlerts && depth == alertsDepth && p.getParsingContext().getParent().inArray()) {
                        lines.add(p.currentLocation().getLineNr());
                    }
                    depth++;
                } else if (t == JsonToken.END_OBJECT) {
                    depth--;
                }
            }
        } catch (IOException e) {
            // the payload parsed once already; lines are only a nicety
        }
        return lines;
    }

    /** Flattens health/status JSON into {@code path.key: value} lines and recognises them. */
    void readHealth(String file, String text, SymptomAggregator sink) throws IOException {
        String[] rawLines = text.split("\n", -1);
        List<Observation> found = new ArrayList<>();
        // the context `files:` patterns match: the file's base name, as for text files
        String context = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        try (JsonParser p = json.createParser(text)) {
            Deque<String> path = new ArrayDeque<>();
            Deque<Integer> indexes = new ArrayDeque<>();
            String field = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case FIELD_NAME -> field = p.currentName();
                    case START_OBJECT, START_ARRAY -> {
                        path.addLast(segment(field, indexes));
                        indexes.push(t == JsonToken.START_ARRAY ? 0 : -1);
                        field = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        path.pollLast();
                        indexes.pop();
                        field = null;
                    }
                    default -> {
                        String key = segment(field, indexes);
                        StringBuilder flat = new StringBuilder();
                        for (String s : path) {
                            if (!s.isEmpty()) {
                                flat.append(s).append('.');
                            }
                        }
                        flat.append(key);
                        String jsonPath = flat.toString();
                        flat.append(": ").append(p.getValueAsString(p.getText()));
                        int line = p.currentLocation().getLineNr();
                        String raw = line > 0 && line <= rawLines.length && rawLines.length > 1 ? rawLines[line - 1].trim() : flat.toString();
                        String flatText = Redactor.redact(flat.toString());
                        found.clear();
                        recognizer.recognise(new EvidenceLine(file, line, flatText, Timestamps.parse(p.getText(), 2026), context), jsonPath, found);
                        for (Observation o : found) {
                            sink.add(new Observation(o.symptom(), o.subject(), o.value(), o.timestamp(), o.source(),
                                    Redactor.redact(raw), o.attributes(), o.absent()));
                        }
                        field = null;
                    }
                }
            }
        }
    }

    /** The name of the next value: its field, or its index in the enclosing array. */
    private static String segment(String field, Deque<Integer> indexes) {
        if (field != null) {
            return field;
        }
        if (indexes.isEmpty()) {
            return "";
        }
        int i = indexes.pop();
        if (i >= 0) {
            indexes.push(i + 1);
            return Integer.toString(i);
        }
        indexes.push(i);
        return "";
    }
}
