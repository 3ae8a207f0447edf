package triage.kbcheck;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.KnowledgeBaseLoader;
import triage.knowledge.Problem;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kb check's keyword rule over the built-in sample with the generated slice of the five platforms' routine logs
 * ({@link KeywordCheck#routineLinesWithGenerated}). Not met yet: a few keywords cannot be made rare with substring
 * keywords (see docs/performance.md), so it is tagged {@code target}; once it passes, kb check should use that sample.
 */
@Tag("target")
class KeywordCheckGeneratedSampleTest {

    @Test
    void noKeywordPassesMoreThanItsShareOfTheGeneratedRoutineLines() {
        KnowledgeBase kb = new KnowledgeBaseLoader().load(Path.of(""));
        List<Problem> problems = KeywordCheck.check(kb, KeywordCheck.routineLinesWithGenerated());
        assertThat(problems).isEmpty();
    }
}
