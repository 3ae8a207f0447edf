package triage.kbcheck;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.KnowledgeBaseLoader;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's target: the project's keyword pre-filter lets through at most 2% of a routine log from the five
 * platforms. Not met yet (the short and common keywords `kb check` lists as warnings let every routine line
 * through), so it is tagged {@code target} and left out of the default run; run it with
 * {@code mvn test -Dtest=PreFilterShareTest -Dsurefire.excludedGroups=none}.
 */
@Tag("target")
class PreFilterShareTest {

    @Test
    void thePreFilterPassesAtMostTwoPercentOfRoutineLines() {
        KnowledgeBase kb = new KnowledgeBaseLoader().load(Path.of(""));
        List<String> routine = KeywordCheck.routineLines();
        assertThat(routine).hasSizeGreaterThan(300);
        double share = KeywordCheck.passingShare(kb, routine);
        assertThat(share).as("share of routine lines passing the pre-filter").isLessThanOrEqualTo(0.02);
    }
}
