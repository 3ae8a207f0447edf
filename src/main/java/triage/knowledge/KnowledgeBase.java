package triage.knowledge;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded, immutable knowledge base: causes with their remediation, the symptom vocabulary,
 * how symptoms are recognised in evidence, and the component dependency map.
 */
public record KnowledgeBase(Path root, Map<String, CauseDef> causes, Map<String, SymptomDef> symptoms,
                            List<PatternDef> patterns, List<MetricDef> metrics, List<AlertDef> alerts,
                            Map<String, ComponentDef> components, List<Problem> problems,
                            Map<PatternDef, Origin> patternOrigins, Map<String, Origin> causeOrigins) {

    public KnowledgeBase {
        causes = Map.copyOf(causes);
        symptoms = Map.copyOf(symptoms);
        patterns = List.copyOf(patterns);
        metrics = List.copyOf(metrics);
        alerts = List.copyOf(alerts);
        components = Map.copyOf(components);
        problems = List.copyOf(problems);
        patternOrigins = Map.copyOf(patternOrigins);
        causeOrigins = Map.copyOf(causeOrigins);
    }

    /** A knowledge base assembled in code, whose entries were written nowhere. */
    public KnowledgeBase(Path root, Map<String, CauseDef> causes, Map<String, SymptomDef> symptoms,
                         List<PatternDef> patterns, List<MetricDef> metrics, List<AlertDef> alerts,
                         Map<String, ComponentDef> components, List<Problem> problems) {
        this(root, causes, symptoms, patterns, metrics, alerts, components, problems, Map.of(), Map.of());
    }

    /** Where a pattern was written; "(unknown)" for one assembled in code. */
    public Origin origin(PatternDef pattern) {
        return patternOrigins.getOrDefault(pattern, new Origin("(unknown)", 0));
    }

    /** Where a cause was written; "(unknown)" for one assembled in code. */
    public Origin causeOrigin(String causeId) {
        return causeOrigins.getOrDefault(causeId, new Origin("(unknown)", 0));
    }

    public Optional<CauseDef> cause(String id) {
        return Optional.ofNullable(causes.get(id));
    }

    public Optional<SymptomDef> symptom(String id) {
        return Optional.ofNullable(symptoms.get(id));
    }

    public Collection<CauseDef> allCauses() {
        return causes.values();
    }
}
