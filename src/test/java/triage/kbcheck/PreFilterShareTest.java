package triage.kbcheck;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import triage.healthy.RoutineLog;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.KnowledgeBaseLoader;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's target: the project's keyword pre-filter lets through at most 2% of a routine log from the five
 * platforms, generated (seeded) from the healthy corpus's log streams, and of the built-in sample kb check uses.
 * Measured by the reader's own pre-filter ({@link KeywordCheck#passingShare}). Not met yet (46.7% of the generated
 * log, 22.6% of the built-in sample: mostly healthy-state readings that patterns recognise line by line, see
 * docs/performance.md), so it is tagged {@code target} and left out of the default run; run it with
 * {@code mvn test -Dtest=PreFilterShareTest -Dsurefire.excludedGroups=none}.
 */
@Tag("target")
class PreFilterShareTest {

    private final KnowledgeBase kb = new KnowledgeBaseLoader().load(Path.of(""));

    @Test
    void thePreFilterPassesAtMostTwoPercentOfAGeneratedRoutineLog() {
        List<String> routine = RoutineLog.lines(2026, 20_000);
        assertThat(routine).hasSize(20_000);
        double share = KeywordCheck.passingShare(kb, routine);
        assertThat(share).as("share of generated routine lines passing the pre-filter").isLessThanOrEqualTo(0.02);
    }

    @Test
    void thePreFilterPassesAtMostTwoPercentOfTheBuiltInRoutineLines() {
        List<String> routine = KeywordCheck.routineLines();
        assertThat(routine).hasSizeGreaterThan(300);
        double share = KeywordCheck.passingShare(kb, routine);
        assertThat(share).as("share of routine lines passing the pre-filter").isLessThanOrEqualTo(0.02);
    }
}
