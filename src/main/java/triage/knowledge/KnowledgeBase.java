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
                            Map<String, ComponentDef> components, List<Problem> problems) {

    public KnowledgeBase {
        causes = Map.copyOf(causes);
        symptoms = Map.copyOf(symptoms);
        patterns = List.copyOf(patterns);
        metrics = List.copyOf(metrics);
        alerts = List.copyOf(alerts);
        components = Map.copyOf(components);
        problems = List.copyOf(problems);
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
