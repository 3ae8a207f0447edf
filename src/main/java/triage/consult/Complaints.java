package triage.consult;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import triage.knowledge.CauseDef;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.KnowledgeBaseLoader;
import triage.knowledge.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The complaints of {@code knowledge-base/complaints.yaml}, resolved against a knowledge base: causes
 * and symptoms it does not hold are dropped (other areas may not be written yet), and reported as
 * notes, not errors.
 */
public final class Complaints {

    public static final String FILE = "complaints.yaml";

    private final List<Complaint> complaints;
    private final List<Problem> problems;

    private Complaints(List<Complaint> complaints, List<Problem> problems) {
        this.complaints = List.copyOf(complaints);
        this.problems = List.copyOf(problems);
    }

    public static Complaints none() {
        return new Complaints(List.of(), List.of());
    }

    /** Loads {@code knowledge-base/complaints.yaml} beside the knowledge base; none when there is no such file. */
    public static Complaints load(KnowledgeBase kb) {
        Path file = kb.root() == null ? null : kb.root().resolve(KnowledgeBaseLoader.FOLDER).resolve(FILE);
        if (file == null || !Files.isRegularFile(file)) {
            file = kb.root() == null ? null : kb.root().resolve(FILE);
        }
        if (file == null || !Files.isRegularFile(file)) {
            return none();
        }
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), kb);
        } catch (IOException e) {
            return new Complaints(List.of(), List.of(new Problem(file.toString(), 0, "cannot read: " + e.getMessage())));
        }
    }

    /** Parses complaints YAML; {@code where} names the file in problems. */
    public static Complaints parse(String where, String yamlText, KnowledgeBase kb) {
        ObjectMapper yaml = KnowledgeBaseLoader.newYamlMapper();
        List<Complaint> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        try (JsonParser p = yaml.getFactory().createParser(yamlText)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                problems.add(new Problem(where, p.currentLocation().getLineNr(), "complaints must be a list"));
                return new Complaints(out, problems);
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                int line = p.currentLocation().getLineNr();
                JsonNode node = yaml.readTree(p);
                Complaint c;
                java.util.Map<String, Integer> steps = new java.util.HashMap<>();
                try {
                    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o && o.get("causes") != null
                            && o.get("causes").isArray()) {
                        // a list inside the list is one step of the guide: its causes share a rank
                        com.fasterxml.jackson.databind.node.ArrayNode flat = o.arrayNode();
                        int step = 0;
                        for (JsonNode e : o.get("causes")) {
                            for (JsonNode id : e.isArray() ? e : List.of(e)) {
                                flat.add(id);
                                steps.putIfAbsent(id.asText(), step);
                            }
                            step++;
                        }
                        o.set("causes", flat);
                    }
                    c = yaml.treeToValue(node, Complaint.class);
                } catch (JsonProcessingException e) {
                    problems.add(new Problem(where, line, "bad complaint: " + Problem.firstLine(e.getOriginalMessage(), "syntax error")));
                    continue;
                }
                if (c.id() == null || c.id().isBlank() || c.text() == null || c.text().isBlank()) {
                    problems.add(new Problem(where, line, "complaint without id or text"));
                    continue;
                }
                if (!ids.add(c.id())) {
                    problems.add(new Problem(where, line, "duplicate complaint id " + c.id()));
                    continue;
                }
                out.add(resolve(c, steps, kb, where, line, problems));
            }
        } catch (IOException e) {
            problems.add(new Problem(where, 0, "malformed complaints: " + Problem.firstLine(e.getMessage(), "syntax error")));
        }
        return new Complaints(out, problems);
    }

    /** Keeps the symptoms and causes the knowledge base holds; adds the causes of the listed areas. */
    private static Complaint resolve(Complaint c, java.util.Map<String, Integer> steps, KnowledgeBase kb, String where,
                                     int line, List<Problem> notes) {
        List<String> symptoms = new ArrayList<>();
        for (String s : c.symptoms()) {
            if (kb.symptoms().containsKey(s)) {
                symptoms.add(s);
            } else {
                notes.add(new Problem(where, line, "complaint " + c.id() + ": symptom " + s + " not in the knowledge base; ignored"));
            }
        }
        Set<String> causes = new LinkedHashSet<>();
        List<Integer> ranks = new ArrayList<>();
        int last = -1;
        for (String id : c.causes()) {
            if (!kb.causes().containsKey(id)) {
                notes.add(new Problem(where, line, "complaint " + c.id() + ": cause " + id + " not in the knowledge base; ignored"));
            } else if (causes.add(id)) {
                int r = steps.getOrDefault(id, c.causes().indexOf(id));
                ranks.add(r);
                last = Math.max(last, r);
            }
        }
        // the other causes of the areas come after the listed ones, as one step
        int areaRank = last + 1;
        for (String area : c.areas()) {
            kb.allCauses().stream().map(CauseDef::id).filter(id -> id.startsWith(area + ".")).sorted()
                    .forEach(id -> {
                        if (causes.add(id)) {
                            ranks.add(areaRank);
                        }
                    });
        }
        List<String> checks = new ArrayList<>();
        for (String s : c.checks()) {
            if (kb.symptoms().containsKey(s)) {
                checks.add(s);
            } else {
                notes.add(new Problem(where, line, "complaint " + c.id() + ": check " + s + " not in the knowledge base; ignored"));
            }
        }
        return new Complaint(c.id(), c.text(), c.keywords(), c.guide(), symptoms, List.copyOf(causes), c.areas(), ranks,
                checks);
    }

    public List<Complaint> all() {
        return complaints;
    }

    public List<Problem> problems() {
        return problems;
    }

    public Optional<Complaint> byId(String id) {
        return complaints.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * The complaint typed text means: a number from the list, an id, or the complaint whose keywords
     * (and words of its text) match best. Empty when nothing matches or two match equally well.
     */
    public Optional<Complaint> match(String typed) {
        String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (t.matches("\\d+")) {
            int n = Integer.parseInt(t);
            return n >= 1 && n <= complaints.size() ? Optional.of(complaints.get(n - 1)) : Optional.empty();
        }
        Optional<Complaint> exact = byId(t);
        if (exact.isPresent()) {
            return exact;
        }
        Complaint best = null;
        double bestScore = 0;
        boolean tie = false;
        for (Complaint c : complaints) {
            double score = score(c, t);
            if (score > bestScore) {
                best = c;
                bestScore = score;
                tie = false;
            } else if (score == bestScore && score > 0) {
                tie = true;
            }
        }
        return tie || best == null ? Optional.empty() : Optional.of(best);
    }

    /**
     * Every complaint typed words match, best first: those scoring at least three quarters of the best score (a
     * number or an id matches one). Several mean the person should pick.
     */
    public List<Complaint> matching(String typed) {
        String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return List.of();
        }
        if (t.matches("\\d+") || byId(t).isPresent()) {
            return match(t).map(List::of).orElse(List.of());
        }
        java.util.Map<Complaint, Double> scores = new java.util.LinkedHashMap<>();
        for (Complaint c : complaints) {
            double s = score(c, t);
            if (s > 0) {
                scores.put(c, s);
            }
        }
        double best = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return scores.entrySet().stream().filter(e -> e.getValue() >= best * 0.75)
                .sorted(java.util.Map.Entry.<Complaint, Double>comparingByValue().reversed())
                .map(java.util.Map.Entry::getKey).toList();
    }

    /** The number of a complaint in the list (from 1). */
    public int number(Complaint c) {
        return complaints.indexOf(c) + 1;
    }

    private static double score(Complaint c, String t) {
        Set<String> words = words(t);
        double score = 0;
        for (String k : c.keywords()) {
            String kw = k.toLowerCase(Locale.ROOT);
            if (kw.contains(" ") ? t.contains(kw) : words.contains(kw) || stemMatch(words, kw)) {
                score += kw.contains(" ") ? 2 : 1;
            }
        }
        for (String w : words(c.text().toLowerCase(Locale.ROOT))) {
            if (w.length() > 3 && words.contains(w)) {
                score += 0.25;
            }
        }
        return score;
    }

    private static boolean stemMatch(Set<String> words, String kw) {
        if (kw.length() < 5) {
            return false;
        }
        String stem = kw.substring(0, kw.length() - 2);
        return words.stream().anyMatch(w -> w.length() >= stem.length() && w.startsWith(stem));
    }

    private static Set<String> words(String t) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : t.split("[^a-z0-9-]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
