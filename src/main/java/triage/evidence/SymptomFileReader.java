package triage.evidence;

import triage.knowledge.Problem;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import triage.facts.Answer;
import triage.facts.Citation;
import triage.facts.Reply;
import triage.facts.Symptom;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.SymptomDef;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads symptom files (YAML or JSON), the project's own format:
 * <pre>
 * symptoms:
 *   - id: exchange.http-429          # a symptom id of the knowledge base
 *     subject: binance               # optional: component, exchange, symbol
 *     value: 12                      # optional number
 *     count: 5                       # optional, default 1
 *     first_seen: 2026-05-06T09:10:00Z   # optional
 *     last_seen: 2026-05-06T09:12:00Z    # optional
 * answers:
 *   - symptom: network.exchange-unreachable
 *     answer: no                     # yes | no | unknown
 *     value: 250                     # optional, for symptoms that take a value
 * </pre>
 * A malformed file is an {@link EvidenceException} naming file and line; an entry with an unknown
 * id or a wrong type is a warning naming file and line, and is skipped.
 */
final class SymptomFileReader {

    private static final Set<String> SYMPTOM_FIELDS = Set.of("id", "subject", "value", "count", "first_seen", "last_seen",
            "seen", "source", "text", "attributes");
    private static final Set<String> ANSWER_FIELDS = Set.of("symptom", "answer", "value", "source");

    private final KnowledgeBase kb;
    private final ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(largeDocuments()).build().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
    // NaN and Infinity are read, so that such a value is one skipped entry rather than a file that fails to parse
    private final ObjectMapper json = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** SnakeYAML stops at 3 MB by default; the reader admits symptom files up to its own limit. */
    private static org.yaml.snakeyaml.LoaderOptions largeDocuments() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(EvidenceReader.MAX_JSON_BYTES);
        return options;
    }

    SymptomFileReader(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** Whether this text looks like a symptom file: a top-level {@code symptoms:} or {@code answers:}. */
    static boolean looksLikeSymptomFile(String head) {
        for (String line : head.split("\n", 50)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.equals("---")) {
                continue;
            }
            return t.matches("^(symptoms|answers)\\s*:.*") || t.matches("^\\{\\s*\"(symptoms|answers)\".*")
                    || (t.equals("{") && head.matches("(?s)\\{\\s*\"(symptoms|answers)\"\\s*:.*"));
        }
        return false;
    }

    /** YAML's and JSON's words for values that are no number. */
    private static final java.util.regex.Pattern NON_FINITE = java.util.regex.Pattern.compile("[-+]?(?:\\.(?i:inf|nan)|Infinity|NaN)");
    /**
     * A plain {@code .nan} or {@code .inf} scalar, which Jackson's YAML parser fails on (and with it the
     * rest of the file): quoted, it is a string the entry check rejects on its own.
     */
    private static final java.util.regex.Pattern YAML_NON_FINITE = java.util.regex.Pattern.compile(
            "(?m)(:[ \\t]+)([-+]?\\.(?:inf|Inf|INF|nan|NaN|NAN))([ \\t]*(?:#.*)?)$");

    void read(String file, String text, SymptomAggregator symptoms, List<Answer> answers, List<String> warnings) {
        boolean isJson = text.stripLeading().startsWith("{");
        if (!isJson && text.contains(".")) {
            text = YAML_NON_FINITE.matcher(text).replaceAll("$1\"$2\"$3");
        }
        ObjectMapper mapper = isJson ? json : yaml;
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new EvidenceException(file + ":" + p.currentLocation().getLineNr()
                        + ": a symptom file is a map with 'symptoms:' and/or 'answers:' lists");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String section = p.currentName();
                int sectionLine = p.currentLocation().getLineNr();
                JsonToken t = p.nextToken();
                if (!section.equals("symptoms") && !section.equals("answers")) {
                    warnings.add(file + ":" + sectionLine + ": unknown section '" + section + "' ignored (expected symptoms or answers)");
                    p.skipChildren();
                    continue;
                }
                if (t == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (t != JsonToken.START_ARRAY) {
                    throw new EvidenceException(file + ":" + sectionLine + ": '" + section + "' must be a list");
                }
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    int line = p.currentLocation().getLineNr();
                    JsonNode entry = mapper.readTree(p);
                    String where = file + ":" + line;
                    if (!entry.isObject()) {
                        warnings.add(where + ": entry is not a map; skipped");
                    } else if (section.equals("symptoms")) {
                        Symptom s = symptom(entry, where, warnings);
                        if (s != null) {
                            symptoms.add(s);
                        }
                    } else {
                        Answer a = answer(entry, where, warnings);
                        if (a != null) {
                            answers.add(a);
                            if (a.reply() == Reply.YES) {
                                symptoms.add(new Symptom(a.symptom(), "", 1, a.value(), a.value(), 0, 0, Map.of(),
                                        List.of(new Citation(where, a.symptom() + ": yes"))));
                            }
                        }
                    }
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new EvidenceException(file + (line > 0 ? ":" + line : "") + ": malformed symptom file: "
                    + EvidenceReader.withoutEchoedToken(Problem.firstLine(e.getOriginalMessage(), "syntax error")));
        } catch (IOException e) {
            throw new EvidenceException(file + ": cannot read: " + e.getMessage());
        }
    }

    private Symptom symptom(JsonNode e, String where, List<String> warnings) {
        unknownFields(e, SYMPTOM_FIELDS, where, warnings);
        String id = e.path("id").asText("");
        if (id.isEmpty()) {
            warnings.add(where + ": symptom entry without id; skipped");
            return null;
        }
        if (kb.symptom(id).isEmpty()) {
            warnings.add(where + ": unknown symptom id '" + id + "'; skipped");
            return null;
        }
        double value = Double.NaN;
        if (e.has("value")) {
            if (NON_FINITE.matcher(e.get("value").asText()).matches()) {
                warnings.add(where + ": value of " + id + " must be a finite number, not " + e.get("value").asText() + "; skipped");
                return null;
            }
            if (!e.get("value").isNumber()) {
                warnings.add(where + ": value of " + id + " must be a number; skipped");
                return null;
            }
            value = e.get("value").asDouble();
            if (!Double.isFinite(value)) {
                warnings.add(where + ": value of " + id + " must be a finite number, not " + e.get("value").asText() + "; skipped");
                return null;
            }
        }
        int count = 1;
        if (e.has("count")) {
            if (!e.get("count").canConvertToInt() || e.get("count").asInt() < 1) {
                warnings.add(where + ": count of " + id + " must be a whole number of at least 1; skipped");
                return null;
            }
            count = e.get("count").asInt();
        }
        long first = time(e, e.has("first_seen") ? "first_seen" : "seen", where, warnings);
        long last = time(e, e.has("last_seen") ? "last_seen" : "seen", where, warnings);
        if (first < 0 || last < 0) {
            return null;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = e.path("attributes").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> a = it.next();
            attributes.put(a.getKey(), a.getValue().asText());
        }
        String source = e.path("source").asText(where);
        String text = Redactor.redact(e.path("text").asText(id + (Double.isNaN(value) ? "" : " = " + value)));
        return new Symptom(id, e.path("subject").asText(""), count, value, value, first, last == 0 ? first : last,
                attributes, List.of(new Citation(source, text)));
    }

    private Answer answer(JsonNode e, String where, List<String> warnings) {
        unknownFields(e, ANSWER_FIELDS, where, warnings);
        String id = e.path("symptom").asText("");
        Map<String, SymptomDef> known = kb.symptoms();
        if (!known.containsKey(id)) {
            warnings.add(where + ": unknown symptom id '" + id + "' in answer; skipped");
            return null;
        }
        String reply = e.path("answer").asText("").trim().toLowerCase();
        Reply r = switch (reply) {
            case "yes", "true", "y" -> Reply.YES;
            case "no", "false", "n" -> Reply.NO;
            case "unknown", "skip", "?" -> Reply.UNKNOWN;
            default -> null;
        };
        double value = e.path("value").isNumber() ? e.get("value").asDouble() : Double.NaN;
        if (r == null && !Double.isNaN(value)) {
            r = Reply.YES;
        }
        if (r == null) {
            warnings.add(where + ": answer to " + id + " must be yes, no or unknown; skipped");
            return null;
        }
        return new Answer(id, r, value, e.path("source").asText(where));
    }

    private static long time(JsonNode e, String field, String where, List<String> warnings) {
        if (!e.has(field)) {
            return 0;
        }
        String text = e.get(field).asText();
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException ex) {
            long parsed = Timestamps.parse(text, 2026);
            if (parsed > 0) {
                return parsed;
            }
            warnings.add(where + ": " + field + " '" + text + "' is not a time (use ISO 8601, e.g. 2026-05-06T09:10:00Z); skipped");
            return -1;
        }
    }

    private static void unknownFields(JsonNode e, Set<String> allowed, String where, List<String> warnings) {
        e.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                warnings.add(where + ": unknown field '" + f + "' ignored");
            }
        });
    }
}
