package triage.kbcheck;

import org.junit.jupiter.api.Test;
import triage.consult.Questions;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.KnowledgeBaseLoader;
import triage.knowledge.Problem;
import triage.testing.TestTriage;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wording of the consultation's questions (issue 16, defects 3 and 7): yes records the symptom as
 * present, so an absence is asked as an absence; a yes/no question asks yes or no; a value question speaks
 * of the unit its value is in; the thresholds of questions.yaml are in the symptom's own unit.
 */
class QuestionWordingCheckTest {

    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/question-wording");

    private static List<String> problems() {
        KnowledgeBase kb = new KnowledgeBaseLoader().load(FIXTURE);
        Questions q = Questions.load(kb);
        List<Problem> out = new java.util.ArrayList<>(q.problems());
        out.addAll(QuestionWordingCheck.check(kb, q));
        return out.stream().map(Problem::toString).toList();
    }

    @Test
    void anAbsenceAskedAsAPresenceIsAnError() {
        assertThat(problems()).anyMatch(p -> p.contains("demo.yaml:")
                && p.contains("symptom demo.feed-silent is an absence but its question asks for a presence"));
    }

    @Test
    void anOpenQuestionWhereYesOrNoIsExpectedIsAnError() {
        assertThat(problems()).anyMatch(p -> p.contains("symptom demo.queue-size: the question expects yes or no but does not ask it"));
        assertThat(problems()).noneMatch(p -> p.contains("symptom demo.seen:"));
    }

    @Test
    void aQuestionInBusyForAValueInIdleIsAnErrorAndSoIsAThresholdInAnotherUnit() {
        assertThat(problems()).anyMatch(p -> p.contains("symptom demo.cpu-busy is measured in % idle but its question speaks of busy"));
        assertThat(problems()).anyMatch(p -> p.contains("values: demo.cpu-busy in '%', but the symptom's unit is '% idle'"));
    }

    @Test
    void theProjectsQuestionsPass() {
        KnowledgeBase kb = TestTriage.get().knowledgeBase();
        Questions q = Questions.load(kb);
        assertThat(q.problems()).isEmpty();
        assertThat(QuestionWordingCheck.check(kb, q)).isEmpty();
    }
}
