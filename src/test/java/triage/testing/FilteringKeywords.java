package triage.testing;

import triage.healthy.RoutineLog;
import triage.kbcheck.KeywordCheck;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.PatternDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The knowledge base as it reads once every keyword filters (what {@code kb check} asks of keywords): keywords
 * shorter than three characters or found in more than 2% of the built-in routine lines or of a generated routine
 * log ({@link RoutineLog}) are dropped, and so
 * are the patterns left with none. For measuring and testing the reader's path for the lines the pre-filter
 * rejects before the knowledge base's own keywords are all fixed.
 */
public final class FilteringKeywords {

    private FilteringKeywords() {
    }

    public static KnowledgeBase of(KnowledgeBase kb) {
        List<String> builtIn = lower(KeywordCheck.routineLines());
        List<String> generated = lower(RoutineLog.lines(1, 5000));
        List<PatternDef> kept = new ArrayList<>();
        for (PatternDef p : kb.patterns()) {
            List<String> keywords = p.keywords().stream().filter(k -> k.length() >= 3)
                    .filter(k -> rare(k, builtIn) && rare(k, generated)).toList();
            if (p.keywords().isEmpty() || !keywords.isEmpty()) {
                kept.add(new PatternDef(p.symptom(), p.regex(), keywords, p.min(), p.max(), p.absent(), p.files(),
                        p.examples(), p.counterExamples(), p.exampleFile(), p.jsonPath()));
            }
        }
        return new KnowledgeBase(kb.root(), kb.causes(), kb.symptoms(), kept, kb.metrics(), kb.alerts(), kb.components(),
                kb.problems());
    }

    private static List<String> lower(List<String> lines) {
        return lines.stream().map(l -> l.toLowerCase(Locale.ROOT)).toList();
    }

    private static boolean rare(String keyword, List<String> lines) {
        String k = keyword.toLowerCase(Locale.ROOT);
        return lines.stream().filter(l -> l.contains(k)).count() <= 0.02 * lines.size();
    }
}
