package triage.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON document printed on one line of a text file: {@code curl -s .../health | jq -c .}, a
 * structured log line, a health check in a transcript. Flattened like JSON files are, to
 * {@code path.key -> value}, so that {@code json_path:} patterns apply to it too.
 */
final class JsonLine {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_LENGTH = 65_536;

    private JsonLine() {
    }

    /** @return the line's values by flattened path, or an empty map when the line is no JSON object or array */
    static Map<String, String> flatten(String line) {
        String t = line.strip();
        if (t.length() < 2 || t.length() > MAX_LENGTH
                || !(t.charAt(0) == '{' && t.charAt(t.length() - 1) == '}' || t.charAt(0) == '[' && t.charAt(t.length() - 1) == ']')) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(t);
        } catch (JsonProcessingException | RuntimeException e) {
            return Map.of(); // braces that are not JSON: a Python repr, a log template
        }
        Map<String, String> out = new LinkedHashMap<>();
        flatten(root, "", out);
        return out;
    }

    private static void flatten(JsonNode node, String path, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path.isEmpty() ? Integer.toString(i) : path + "." + i, out);
            }
        } else if (!path.isEmpty()) {
            out.put(path, node.isNull() ? "null" : node.asText());
        }
    }
}
