package triage.knowledge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Reads {@code knowledge-base/} (YAML): {@code causes/*.yaml}, {@code symptoms/*.yaml},
 * {@code recognition/*.yaml} and {@code components/*.yaml} (the dependency map). Every problem is kept with its file and
 * line; a bad entry is skipped, the rest still loads.
 */
public final class KnowledgeBaseLoader {

    public static final String FOLDER = "knowledge-base";

    private final ObjectMapper yaml = newYamlMapper();

    public static ObjectMapper newYamlMapper() {
        YAMLFactory factory = YAMLFactory.builder().build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return new ObjectMapper(factory)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    }

    /** Loads the knowledge base under {@code projectRoot/knowledge-base}. */
    public KnowledgeBase load(Path projectRoot) {
        Path kb = projectRoot.resolve(FOLDER);
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(kb)) {
            problems.add(new Problem(kb.toString(), 0, "no knowledge-base folder here (use --kb DIR or TRIAGE_KB)"));
            throw new KnowledgeBaseException(problems);
        }
        Map<String, CauseDef> causes = new LinkedHashMap<>();
        Map<String, SymptomDef> symptoms = new LinkedHashMap<>();
        List<PatternDef> patterns = new ArrayList<>();
        List<MetricDef> metrics = new ArrayList<>();
        List<AlertDef> alerts = new ArrayList<>();
        Map<String, ComponentDef> components = new LinkedHashMap<>();
        Map<PatternDef, Origin> patternOrigins = new LinkedHashMap<>();
        Map<String, Origin> causeOrigins = new LinkedHashMap<>();
        Map<String, Origin> symptomOrigins = new LinkedHashMap<>();

        for (Path file : yamlFiles(kb.resolve("causes"))) {
            readList(file, CauseDef.class, problems, (cause, line) -> {
                if (cause.id() == null || cause.id().isBlank()) {
                    problems.add(new Problem(file.toString(), line, "cause without id"));
                } else if (causes.putIfAbsent(cause.id(), cause) != null) {
                    problems.add(new Problem(file.toString(), line, "duplicate cause id " + cause.id()));
                } else {
                    causeOrigins.put(cause.id(), new Origin(file.toString(), line));
                    validateCause(cause, file, line, problems);
                }
            });
        }
        for (Path file : yamlFiles(kb.resolve("symptoms"))) {
            readList(file, SymptomDef.class, problems, (symptom, line) -> {
                if (symptom.id() == null || symptom.id().isBlank()) {
                    problems.add(new Problem(file.toString(), line, "symptom without id"));
                } else if (symptoms.putIfAbsent(symptom.id(), symptom) != null) {
                    problems.add(new Problem(file.toString(), line, "duplicate symptom id " + symptom.id()));
                } else {
                    symptomOrigins.put(symptom.id(), new Origin(file.toString(), line));
                }
            });
        }
        RecognitionValidator validator = new RecognitionValidator(problems);
        for (Path file : yamlFiles(kb.resolve("recognition"))) {
            readRecognition(file, problems, validator, patterns, metrics, alerts, patternOrigins);
        }
        for (Path file : yamlFiles(kb.resolve("components"))) {
            readList(file, ComponentDef.class, problems, (component, line) -> {
                if (component.name() == null || component.name().isBlank()) {
                    problems.add(new Problem(file.toString(), line, "component without name"));
                } else if (components.putIfAbsent(component.name(), component) != null) {
                    problems.add(new Problem(file.toString(), line, "duplicate component " + component.name()));
                }
            });
        }
        validator.checkSymptomsKnown(symptoms.keySet());
        checkDerivations(symptoms, symptomOrigins, problems);
        causeOrigins.forEach((id, where) -> {
            for (String other : causes.get(id).explains()) {
                if (!causes.containsKey(other)) {
                    problems.add(new Problem(where.file(), where.line(), "cause " + id + " explains unknown cause " + other));
                }
            }
        });
        return new KnowledgeBase(projectRoot, causes, symptoms, patterns, metrics, alerts, components, problems,
                patternOrigins, causeOrigins);
    }

    /** A derived symptom names a known kind and symptoms that exist. */
    private static void checkDerivations(Map<String, SymptomDef> symptoms, Map<String, Origin> origins, List<Problem> problems) {
        for (SymptomDef s : symptoms.values()) {
            DerivationDef d = s.derived();
            if (d == null) {
                continue;
            }
            Origin o = origins.getOrDefault(s.id(), new Origin("(unknown)", 0));
            String where = o.file();
            if (!DerivationDef.KINDS.contains(d.kind())) {
                problems.add(new Problem(where, o.line(), "derived symptom " + s.id() + " has unknown kind '" + d.kind()
                        + "' (one of " + String.join(", ", DerivationDef.KINDS) + ")"));
            }
            if ("configured".equals(d.kind())) {
                try {
                    java.util.regex.Pattern.compile(d.key() == null ? "" : d.key());
                } catch (java.util.regex.PatternSyntaxException e) {
                    problems.add(new Problem(where, o.line(), "configured symptom " + s.id() + ": bad key expression: " + e.getDescription()));
                }
                if (d.key() == null || d.key().isBlank()) {
                    problems.add(new Problem(where, o.line(), "configured symptom " + s.id() + " names no key"));
                }
            } else if (d.from().isEmpty() && !"time-reversed".equals(d.kind())) {
                problems.add(new Problem(where, o.line(), "derived symptom " + s.id() + " names no symptom it is derived from"));
            }
            java.util.stream.Stream.concat(d.from().stream(), d.source().stream())
                    .filter(id -> !symptoms.containsKey(id))
                    .forEach(id -> problems.add(new Problem(where, o.line(), "derived symptom " + s.id() + " is derived from unknown symptom " + id)));
        }
    }

    private static void validateCause(CauseDef cause, Path file, int line, List<Problem> problems) {
        String where = file.toString();
        if (cause.title() == null || cause.title().isBlank()) {
            problems.add(new Problem(where, line, "cause " + cause.id() + " has no title"));
        }
        if (cause.area() == null || !cause.id().startsWith(cause.area() + ".")) {
            problems.add(new Problem(where, line, "cause " + cause.id() + " must start with its area '" + cause.area() + ".'"));
        }
        if (cause.severity() == null) {
            problems.add(new Problem(where, line, "cause " + cause.id() + " has no severity"));
        }
        if (cause.sources().isEmpty()) {
            problems.add(new Problem(where, line, "cause " + cause.id() + " has no sources"));
        }
        if (cause.remediation().isEmpty()) {
            problems.add(new Problem(where, line, "cause " + cause.id() + " has no remediation"));
        }
        for (StepDef step : cause.remediation()) {
            if (step.action() == null || step.action().isBlank()) {
                problems.add(new Problem(where, line, "cause " + cause.id() + " has a remediation step without action"));
            }
        }
    }

    /** A recognition file is a map of up to three lists: patterns, metrics, alerts. */
    private void readRecognition(Path file, List<Problem> problems, RecognitionValidator validator,
                                 List<PatternDef> patterns, List<MetricDef> metrics, List<AlertDef> alerts,
                                 Map<PatternDef, Origin> patternOrigins) {
        String where = file.toString();
        try (JsonParser parser = yaml.getFactory().createParser(file.toFile())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return;
            }
            if (first != JsonToken.START_OBJECT) {
                problems.add(new Problem(where, parser.currentLocation().getLineNr(),
                        "expected 'patterns:', 'metrics:' or 'alerts:' lists"));
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "patterns" -> readEntries(parser, file, PatternDef.class, problems, (p, line) -> {
                        if (validator.pattern(p, where, line)) {
                            patterns.add(p);
                            patternOrigins.putIfAbsent(p, new Origin(where, line));
                        }
                    });
                    case "metrics" -> readEntries(parser, file, MetricDef.class, problems, (m, line) -> {
                        if (validator.metric(m, where, line)) metrics.add(m);
                    });
                    case "alerts" -> readEntries(parser, file, AlertDef.class, problems, (a, line) -> {
                        if (validator.alert(a, where, line)) alerts.add(a);
                    });
                    default -> {
                        problems.add(new Problem(where, parser.currentLocation().getLineNr(),
                                "unknown section '" + field + "' (expected patterns, metrics or alerts)"));
                        parser.skipChildren();
                    }
                }
            }
        } catch (JsonProcessingException e) {
            problems.add(problem(file, e));
        } catch (IOException e) {
            problems.add(new Problem(where, 0, "cannot read: " + e.getMessage()));
        }
    }

    /** Reads a YAML list entry by entry, so a bad entry is reported with its line and skipped. */
    private <T> void readList(Path file, Class<T> type, List<Problem> problems, BiConsumer<T, Integer> sink) {
        try (JsonParser parser = yaml.getFactory().createParser(file.toFile())) {
            if (parser.nextToken() != null) {
                readEntries(parser, file, type, problems, sink);
            }
        } catch (JsonProcessingException e) {
            problems.add(problem(file, e));
        } catch (IOException e) {
            problems.add(new Problem(file.toString(), 0, "cannot read: " + e.getMessage()));
        }
    }

    /** With the parser on the START_ARRAY of a list, binds each entry, keeping its line. */
    private <T> void readEntries(JsonParser parser, Path file, Class<T> type, List<Problem> problems,
                                 BiConsumer<T, Integer> sink) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            problems.add(new Problem(file.toString(), parser.currentLocation().getLineNr(),
                    "expected a list of entries (each starting with '- ')"));
            parser.skipChildren();
            return;
        }
        JsonToken token;
        while ((token = parser.nextToken()) != null && token != JsonToken.END_ARRAY) {
            int line = parser.currentLocation().getLineNr();
            // read the entry whole first, so a binding error leaves the parser at the next entry
            JsonNode node = yaml.readTree(parser);
            if (!node.isObject()) {
                problems.add(new Problem(file.toString(), line, "expected an entry with fields, found " + node.getNodeType().name().toLowerCase()));
                continue;
            }
            try {
                sink.accept(yaml.treeToValue(node, type), line);
            } catch (JsonProcessingException e) {
                problems.add(new Problem(file.toString(), line, Problem.firstLine(e.getOriginalMessage(), "malformed YAML")));
            }
        }
    }

    static Problem problem(Path file, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        int line = location == null ? 0 : location.getLineNr();
        return new Problem(file.toString(), line, Problem.firstLine(e.getOriginalMessage(), "malformed YAML"));
    }

    static List<Path> yamlFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
