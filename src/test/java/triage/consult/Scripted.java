package triage.consult;

import triage.api.Triage;
import triage.knowledge.SymptomDef;
import triage.testing.TestTriage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Runs consultations in the line protocol, from a script or from a simulated person, for tests. */
final class Scripted {

    static final RuleIndex INDEX = RuleIndex.of(TestTriage.get().rules().sources());
    static final Complaints COMPLAINTS = Complaints.load(TestTriage.get().knowledgeBase());
    static final Questions QUESTIONS = Questions.load(TestTriage.get().knowledgeBase());

    /** A finished session: what it printed and how it ended. */
    record Run(String transcript, ConsultRunner.Outcome outcome) {
        List<String> lines() {
            return transcript.lines().toList();
        }

        List<String> questions() {
            return lines().stream().filter(l -> l.startsWith("? ") && !l.startsWith("? complaint ")).toList();
        }
    }

    static Consultation consultation(String complaintId) {
        Triage t = TestTriage.get();
        Consultation c = new Consultation(t, INDEX, List.of(), List.of(), List.of());
        if (complaintId != null) {
            c.complaint(COMPLAINTS.byId(complaintId).orElseThrow(() -> new AssertionError("no complaint " + complaintId)));
        }
        return c;
    }

    /** Runs with the answers given as lines of text. */
    static Run script(Consultation c, boolean chooseComplaint, String input, Path save) {
        StringWriter buf = new StringWriter();
        PrintWriter out = new PrintWriter(buf, true);
        BufferedReader in = new BufferedReader(new StringReader(input));
        try {
            ConsultRunner.Outcome o = new ConsultRunner(c, COMPLAINTS, p -> in.readLine(), out, false)
                    .chooseComplaint(chooseComplaint).save(save).run();
            return new Run(buf.toString(), o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs with a person who answers each question (by symptom id) as {@code answer} says. */
    static Run person(Consultation c, Function<String, String> answer) {
        StringWriter buf = new StringWriter();
        PrintWriter out = new PrintWriter(buf, true);
        int[] seen = {0};
        ConsultRunner.Lines lines = p -> {
            String text = buf.toString();
            List<String> ls = text.lines().toList();
            String q = null;
            for (int i = ls.size() - 1; i >= seen[0]; i--) {
                if (ls.get(i).startsWith("? ")) {
                    q = ls.get(i);
                    break;
                }
            }
            seen[0] = ls.size();
            if (q == null) {
                return null;
            }
            String id = q.substring(2).split(" ", 2)[0];
            return answer.apply(id);
        };
        try {
            ConsultRunner.Outcome o = new ConsultRunner(c, COMPLAINTS, lines, out, false).run();
            return new Run(buf.toString(), o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            out.flush();
        }
    }

    /**
     * The simulated person of a cause: yes to the symptoms that cause produces (as its supporting
     * rules match them), no to those it needs absent and to the symptoms of other causes' rules,
     * unknown to the rest.
     */
    static Function<String, String> personOf(String cause) {
        Set<String> yes = INDEX.produces(cause);
        Set<String> no = new HashSet<>(INDEX.excludes(cause));
        for (String other : INDEX.supportedCauses()) {
            if (!other.equals(cause)) {
                no.addAll(INDEX.produces(other));
            }
        }
        no.removeAll(yes);
        return id -> {
            if (yes.contains(id)) {
                SymptomDef def = TestTriage.get().knowledgeBase().symptoms().get(id);
                if (def != null && def.takesValue()) {
                    Double v = QUESTIONS.value(id).filter(t -> !t.reading()).map(t -> t.above() != null ? t.above() : t.below())
                            .orElse(INDEX.valueFor(id));
                    double value = v != null ? v : def.min() != null ? Math.max(def.min(), 1) : 1;
                    if (def.max() != null) {
                        value = Math.min(value, def.max());
                    }
                    return Consultation.fmt(value);
                }
                return "yes";
            }
            return no.contains(id) ? "no" : "unknown";
        };
    }

    /** A person who answers from fixed sets, unknown otherwise. */
    static Function<String, String> answering(Set<String> yes, Set<String> no) {
        return id -> yes.contains(id) ? "yes" : no.contains(id) ? "no" : "unknown";
    }

    static List<String> list(String... s) {
        return new ArrayList<>(List.of(s));
    }

    private Scripted() {
    }
}
