package triage.evidence;

import triage.knowledge.AlertDef;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.MetricDef;
import triage.knowledge.PatternDef;
import triage.knowledge.SymptomDef;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A small knowledge base of recognition entries, independent of the project's, for reader tests. */
final class RecognitionFixture {
    private RecognitionFixture() {
    }

    static PatternDef pattern(String symptom, String regex, String... keywords) {
        return new PatternDef(symptom, regex, List.of(keywords), null, null, null, null);
    }

    static KnowledgeBase kb(List<PatternDef> patterns, List<MetricDef> metrics, List<AlertDef> alerts) {
        Map<String, SymptomDef> symptoms = new java.util.HashMap<>();
        patterns.forEach(p -> symptoms.put(p.symptom(), new SymptomDef(p.symptom(), "", "?", "", null, null, null)));
        metrics.forEach(p -> symptoms.put(p.symptom(), new SymptomDef(p.symptom(), "", "?", "", null, null, null)));
        alerts.forEach(a -> a.symptoms().forEach(s -> symptoms.put(s, new SymptomDef(s, "", "?", "", null, null, null))));
        return new KnowledgeBase(Path.of("."), Map.of(), symptoms, patterns, metrics, alerts, Map.of(), List.of());
    }

    static EvidenceReader reader(List<PatternDef> patterns, List<MetricDef> metrics, List<AlertDef> alerts) {
        KnowledgeBase kb = kb(patterns, metrics, alerts);
        return new EvidenceReader(kb, new Recognizer(kb));
    }

    static EvidenceReader reader(PatternDef... patterns) {
        return reader(List.of(patterns), List.of(), List.of());
    }
}
