package triage.consult;

import org.junit.jupiter.api.Test;
import triage.knowledge.CauseDef;
import triage.testing.TestTriage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consultation measured on every cause of the knowledge base with a {@link SimulatedUser}: an engineer
 * answering from that cause's own evidence bundle (recognised symptoms and values, unknown to a third of
 * the questions), starting from the first complaint that files the cause (or from none). Prints the
 * figures and holds the targets of issue 16: at least 97% of causes reached as the leading cause, median
 * at most 6 questions, worst at most 15, and no session "established" on a wrong cause.
 * Run: {@code mvn -o -q test -Dtest=ConsultEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludedGroups=none}
 * (add {@code -Dconsult.strict=true} for "unknown" on any question, the bundle's own symptoms too).
 */
@org.junit.jupiter.api.Tag("target") // the targets are not met yet (docs/consultation.md): run on demand
class ConsultEvaluationTest {

    static final int CAP = 30;

    @Test
    void everyCauseAnsweredFromItsOwnEvidence() {
        List<String> causes = TestTriage.get().knowledgeBase().allCauses().stream().map(CauseDef::id).sorted().toList();
        List<Integer> questions = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        List<String> wronglyEstablished = new ArrayList<>();
        List<String> noBundle = new ArrayList<>();
        int unknowns = 0;
        int answered = 0;
        for (String cause : causes) {
            Optional<Path> bundle = SimulatedUser.bundleOf(cause);
            if (bundle.isEmpty()) {
                noBundle.add(cause);
                missed.add(cause + " (no evidence bundle)");
                continue;
            }
            SimulatedUser user = new SimulatedUser(cause, bundle.get(), Boolean.getBoolean("consult.strict"));
            String complaint = Scripted.COMPLAINTS.all().stream().filter(c -> c.causes().contains(cause))
                    .map(Complaint::id).findFirst().orElse(null);
            int[] n = {0};
            Scripted.Run run = Scripted.person(Scripted.consultation(complaint),
                    id -> id.equals("platform") ? "unknown" : n[0]++ >= CAP ? "quit" : user.answer(id));
            unknowns += user.unknowns;
            answered += user.answered;
            ConsultRunner.Outcome o = run.outcome();
            String top = o.top().map(h -> h.id()).orElse("none");
            if (o.reason() == ConsultRunner.Reason.ESTABLISHED && !top.equals(cause)) {
                wronglyEstablished.add(cause + " established as " + top + " after " + o.asked());
            }
            if (top.equals(cause)) {
                questions.add(o.questions());
            } else {
                missed.add(cause + " (from " + complaint + ": " + o.reason() + ", top " + top + ", asked " + o.asked()
                        + ", bundle " + bundle.get().getFileName() + " shows " + user.symptoms() + ")");
            }
        }
        Collections.sort(questions);
        double share = (double) questions.size() / causes.size();
        int median = questions.isEmpty() ? 0 : questions.get((questions.size() - 1) / 2);
        int worst = questions.isEmpty() ? 0 : questions.get(questions.size() - 1);
        System.out.printf(Locale.ROOT, "consultation evaluation: %d causes, %d reached as the leading cause (%.1f%%), "
                        + "questions median %d, worst %d; %d established on a wrong cause; %.0f%% of answers unknown%n",
                causes.size(), questions.size(), share * 100, median, worst, wronglyEstablished.size(),
                100.0 * unknowns / Math.max(1, answered));
        missed.forEach(m -> System.out.println("  not reached: " + m));
        wronglyEstablished.forEach(m -> System.out.println("  wrongly established: " + m));
        assertThat(wronglyEstablished).as("sessions established on a wrong cause").isEmpty();
        assertThat(share).as("share of causes reached as the leading cause; missed: " + missed).isGreaterThanOrEqualTo(0.97);
        assertThat(median).as("median questions").isLessThanOrEqualTo(6);
        assertThat(worst).as("most questions").isLessThanOrEqualTo(15);
    }
}
