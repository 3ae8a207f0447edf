package triage.kbcheck;

import triage.consult.Questions;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.Problem;
import triage.knowledge.SymptomDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The consultation's questions are answered yes or no (or with a value), and yes records the symptom as
 * present. So (issue 16): a question that expects yes or no asks it ("Is/Does/Has ...?", not "What is
 * ...?"), and a symptom that is an absence (silent, missing, stopped...) is asked about as an absence
 * ("Is the publisher silent?", not "Does the monitor receive any message?"). A question whose symptom
 * takes a value in a unit speaks of that unit's quantity ("% idle" is not asked as "% busy").
 */
public final class QuestionWordingCheck {

    /** How a closed question starts. */
    private static final Pattern CLOSED = Pattern.compile(
            "^(?:is|are|does|do|did|has|have|can|was|were|will|could|should|after)\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** A symptom that is an absence, by its id. */
    private static final Pattern ABSENCE_ID = Pattern.compile(
            "(?:silent|missing|(?:^|[.-])no-|(?:^|[.-])not-|absent|stale|stopped|inactive|without|lost|unreachable|starved|dead)");
    /** A question that speaks of an absence. */
    private static final Pattern ABSENCE_WORDS = Pattern.compile(
            "\\b(?:not|no|nothing|none|never|n't|fail(?:s|ed|ing)?|silent|missing|stop(?:s|ped)?|stale|without|absent|"
                    + "inactive|dead|lost|loses|down|empty|zero|old|behind|unreachable|starved|gone|stuck|only|dropped|drop)\\b",
            Pattern.CASE_INSENSITIVE);

    private QuestionWordingCheck() {
    }

    /** A problem at the line of knowledge-base/symptoms/*.yaml that defines the symptom. */
    private static Problem where(KnowledgeBase kb, String id, String message) {
        java.nio.file.Path dir = kb.root() == null ? null
                : kb.root().resolve(triage.knowledge.KnowledgeBaseLoader.FOLDER).resolve("symptoms");
        if (dir != null && java.nio.file.Files.isDirectory(dir)) {
            try (var files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path f : files.sorted().toList()) {
                    List<String> lines = java.nio.file.Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).strip().equals("- id: " + id)) {
                            return new Problem(f.toString(), i + 1, message);
                        }
                    }
                }
            } catch (java.io.IOException e) {
                // fall through: the problem without its line
            }
        }
        return new Problem("symptoms", 0, message);
    }

    public static List<Problem> check(KnowledgeBase kb, Questions questions) {
        List<Problem> out = new ArrayList<>();
        for (SymptomDef s : kb.symptoms().values()) {
            String q = s.question() == null ? "" : s.question().strip();
            if (q.isEmpty()) {
                continue;
            }
            if (questions.observedOnly(s.id())) {
                continue; // never asked
            }
            boolean open = questions.value(s.id()).map(Questions.Value::reading).orElse(false) || questions.asksCount(s.id());
            if (!open && !CLOSED.matcher(q).matches()) {
                out.add(where(kb, s.id(), "symptom " + s.id() + ": the question expects yes or no but"
                        + " does not ask it (\"" + q + "\"): start it with Is/Are/Does/Do/Has..."));
            }
            if (ABSENCE_ID.matcher(s.id()).find() && !ABSENCE_WORDS.matcher(q).find() && !questions.wordedByHand(s.id())) {
                out.add(where(kb, s.id(), "symptom " + s.id() + " is an absence but its question"
                        + " asks for a presence (\"" + q + "\"): a truthful yes would record the opposite; ask so that"
                        + " yes means the symptom is there"));
            }
            if (s.takesValue() && s.unit().toLowerCase(Locale.ROOT).contains("idle")
                    && q.toLowerCase(Locale.ROOT).contains("busy")) {
                out.add(where(kb, s.id(), "symptom " + s.id() + " is measured in " + s.unit()
                        + " but its question speaks of busy"));
            }
        }
        return out;
    }
}
