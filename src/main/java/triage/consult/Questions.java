package triage.consult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.KnowledgeBaseLoader;
import triage.knowledge.Problem;
import triage.knowledge.SymptomDef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the consultation needs to ask about symptoms beyond their vocabulary
 * ({@code knowledge-base/questions.yaml}): the threshold a typed value is compared with, the questions
 * that ask for a count, the causes each cause is most easily confused with, and commands per platform.
 */
public final class Questions {

    public static final String FILE = "questions.yaml";

    /** How a value typed for a symptom is read: compared with a threshold, or a reading kept as it is. */
    public record Value(String symptom, Double above, Double below, boolean reading, String unit) {

        /** Whether the value means the symptom is present; empty for a reading. */
        public Optional<Boolean> present(double v) {
            if (reading) {
                return Optional.empty();
            }
            return Optional.of(above != null ? v >= above : v <= below);
        }

        /** The threshold in words: "100 ms or more". */
        public String threshold() {
            return above != null ? Consultation.fmt(above) + " " + unit + " or more"
                    : Consultation.fmt(below) + " " + unit + " or less";
        }

        /** The side of the threshold a value falls on, in words: "below 100 ms". */
        public String side(double v) {
            boolean yes = present(v).orElse(true);
            if (above != null) {
                return (yes ? "at or above " : "below ") + Consultation.fmt(above) + " " + unit;
            }
            return (yes ? "at or below " : "above ") + Consultation.fmt(below) + " " + unit;
        }
    }

    /**
     * A question about a family of symptoms at once ("does the network path show trouble: interface errors,
     * loss at a hop, a saturated link?"): a no rules out every member, a yes points at the causes that
     * produce one of them, and their own questions follow.
     */
    public record Group(SymptomDef question, List<String> members) {
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Value> values;
    private final Set<String> counts;
    private final Set<String> observed = new LinkedHashSet<>();
    private final Set<String> worded = new LinkedHashSet<>();
    private final Map<String, List<String>> siblings;
    private final Map<String, List<String>> necessary;
    private final Map<String, String> platforms;
    private final Map<String, Map<String, String>> commands;
    private final List<Problem> problems;

    private Questions(Map<String, Value> values, Set<String> counts, Map<String, List<String>> siblings,
                      Map<String, List<String>> necessary,
                      Map<String, String> platforms, Map<String, Map<String, String>> commands, List<Problem> problems) {
        this.necessary = Map.copyOf(necessary);
        this.values = Map.copyOf(values);
        this.counts = Set.copyOf(counts);
        this.siblings = Map.copyOf(siblings);
        this.platforms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(platforms));
        this.commands = Map.copyOf(commands);
        this.problems = List.copyOf(problems);
    }

    public static Questions none() {
        return new Questions(Map.of(), Set.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of());
    }

    /** Loads {@code knowledge-base/questions.yaml}; none when the knowledge base has no such file. */
    public static Questions load(KnowledgeBase kb) {
        Path file = kb.root() == null ? null : kb.root().resolve(KnowledgeBaseLoader.FOLDER).resolve(FILE);
        if (file == null || !Files.isRegularFile(file)) {
            return none();
        }
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), kb);
        } catch (IOException e) {
            return new Questions(Map.of(), Set.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                    List.of(new Problem(file.toString(), 0, "cannot read: " + e.getMessage())));
        }
    }

    /** Parses the YAML; what does not fit the knowledge base is a problem naming the file. */
    public static Questions parse(String where, String yamlText, KnowledgeBase kb) {
        ObjectMapper yaml = KnowledgeBaseLoader.newYamlMapper();
        List<Problem> problems = new ArrayList<>();
        Map<String, Value> values = new LinkedHashMap<>();
        Set<String> counts = new LinkedHashSet<>();
        Map<String, List<String>> siblings = new LinkedHashMap<>();
        Map<String, List<String>> necessary = new LinkedHashMap<>();
        Map<String, String> platforms = new LinkedHashMap<>();
        Map<String, Map<String, String>> commands = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = yaml.readTree(yamlText);
        } catch (IOException e) {
            problems.add(new Problem(where, 0, "malformed: " + Problem.firstLine(e.getMessage(), "syntax error")));
            return new Questions(values, counts, siblings, necessary, platforms, commands, problems);
        }
        if (root == null || !root.isObject()) {
            return new Questions(values, counts, siblings, necessary, platforms, commands, problems);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("values").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode n = e.getValue();
            Value v = new Value(e.getKey(), n.has("above") ? n.get("above").asDouble() : null,
                    n.has("below") ? n.get("below").asDouble() : null, n.path("reading").asBoolean(false),
                    n.path("unit").asText(""));
            SymptomDef def = kb.symptoms().get(e.getKey());
            if (def == null) {
                problems.add(new Problem(where, 0, "values: " + e.getKey() + " is not a symptom of the knowledge base"));
                continue;
            }
            if (!def.takesValue() || !def.unit().equals(v.unit())) {
                problems.add(new Problem(where, 0, "values: " + e.getKey() + " in '" + v.unit() + "', but the symptom's unit is '"
                        + (def.takesValue() ? def.unit() : "none") + "'"));
            }
            if (!v.reading() && (v.above() == null) == (v.below() == null)) {
                problems.add(new Problem(where, 0, "values: " + e.getKey() + " needs one of above, below or reading: true"));
                continue;
            }
            values.put(e.getKey(), v);
        }
        for (JsonNode n : root.path("counts")) {
            counts.add(n.asText());
        }
        Set<String> observed = new LinkedHashSet<>();
        root.path("observed").forEach(n -> observed.add(n.asText()));
        Set<String> worded = new LinkedHashSet<>();
        root.path("worded").forEach(n -> worded.add(n.asText()));
        for (String id : concat(counts, observed, worded)) {
            if (!kb.symptoms().containsKey(id)) {
                problems.add(new Problem(where, 0, id + " is not a symptom of the knowledge base"));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("siblings").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> l = new ArrayList<>();
            e.getValue().forEach(s -> l.add(s.asText()));
            siblings.put(e.getKey(), List.copyOf(l));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("necessary").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> l = new ArrayList<>();
            e.getValue().forEach(s -> l.add(s.asText()));
            for (String s : l) {
                if (!kb.symptoms().containsKey(s)) {
                    problems.add(new Problem(where, 0, "necessary: " + s + " (for " + e.getKey() + ") is not a symptom of the knowledge base"));
                }
            }
            necessary.put(e.getKey(), List.copyOf(l));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("platforms").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            platforms.put(e.getKey(), e.getValue().asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("commands").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Map<String, String> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> p = e.getValue().fields(); p.hasNext(); ) {
                Map.Entry<String, JsonNode> c = p.next();
                m.put(c.getKey(), c.getValue().asText());
            }
            commands.put(e.getKey(), Map.copyOf(m));
        }
        for (SymptomDef s : kb.symptoms().values()) {
            if (s.takesValue() && !values.containsKey(s.id()) && !observed.contains(s.id())) {
                problems.add(new Problem(where, 0, "values: " + s.id() + " takes a value in " + s.unit()
                        + " but has no threshold (above, below or reading: true)"));
            }
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("groups").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode n = e.getValue();
            List<String> members = new ArrayList<>();
            n.path("members").forEach(m -> members.add(m.asText()));
            String question = n.path("question").asText("");
            if (kb.symptoms().containsKey(e.getKey())) {
                problems.add(new Problem(where, 0, "groups: " + e.getKey() + " is a symptom's id; a group needs an id of its own"));
                continue;
            }
            if (question.isBlank() || members.size() < 2) {
                problems.add(new Problem(where, 0, "groups: " + e.getKey() + " needs a question and at least two members"));
                continue;
            }
            List<String> unknown = members.stream().filter(m -> !kb.symptoms().containsKey(m)).toList();
            if (!unknown.isEmpty()) {
                problems.add(new Problem(where, 0, "groups: " + e.getKey() + ": " + String.join(", ", unknown)
                        + " not a symptom of the knowledge base"));
                continue;
            }
            groups.put(e.getKey(), new Group(new SymptomDef(e.getKey(), question, question,
                    n.path("command").asText(""), null, null, null), List.copyOf(members)));
        }
        Questions q = new Questions(values, counts, siblings, necessary, platforms, commands, problems);
        q.groups.putAll(groups);
        q.observed.addAll(observed);
        q.worded.addAll(worded);
        return q;
    }

    private static List<String> concat(Set<String> a, Set<String> b, Set<String> c) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        out.addAll(c);
        return out;
    }

    /** The group question of this id, if it is one. */
    public Optional<Group> group(String id) {
        return Optional.ofNullable(groups.get(id));
    }

    public java.util.Collection<Group> groups() {
        return groups.values();
    }

    /** Whether the consultation leaves this symptom to the evidence: a yes or no cannot carry what its rules compare. */
    public boolean observedOnly(String symptom) {
        return observed.contains(symptom);
    }

    /** Whether the question of this absence asks for it in other words, checked by hand. */
    public boolean wordedByHand(String symptom) {
        return worded.contains(symptom);
    }

    public Optional<Value> value(String symptom) {
        return Optional.ofNullable(values.get(symptom));
    }

    /** Whether the yes/no question of this symptom asks how many times. */
    public boolean asksCount(String symptom) {
        return counts.contains(symptom);
    }

    public List<String> siblings(String cause) {
        return siblings.getOrDefault(cause, List.of());
    }

    /** The symptoms named as necessary for a cause: a "no" to one of them rules it out. */
    public List<String> necessary(String cause) {
        return necessary.getOrDefault(cause, List.of());
    }

    public Map<String, String> platforms() {
        return platforms;
    }

    /** The command for this symptom on this platform, when the knowledge base has one. */
    public Optional<String> command(String symptom, String platform) {
        return Optional.ofNullable(commands.getOrDefault(symptom, Map.of()).get(platform));
    }

    /** Whether any question has a command of its own for some platform. */
    public boolean hasPlatformCommands(String symptom) {
        return commands.containsKey(symptom);
    }

    public List<Problem> problems() {
        return problems;
    }
}
