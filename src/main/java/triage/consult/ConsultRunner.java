package triage.consult;

import triage.diagnosis.CauseHypothesis;
import triage.diagnosis.Diagnosis;
import triage.diagnosis.EvidenceItem;
import triage.facts.Reply;
import triage.knowledge.SymptomDef;
import triage.output.Renderer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a consultation over lines of input and output: the protocol documented in README.md
 * ("Consultation"). Every line it prints starts with a marker:
 * <pre>
 * ? &lt;symptom-id&gt; &lt;question&gt; [&lt;unit&gt; &lt;min&gt;..&lt;max&gt;] (&lt;command&gt;)   a question; one answer line follows
 * ? complaint &lt;prompt&gt;                                           the complaint to start from
 * = &lt;cause-id&gt; &lt;confidence&gt;                                     a leading cause, before each question
 * ! &lt;hint&gt;                                                      the last answer was not accepted; the question follows again
 * # &lt;text&gt;                                                      for people: lists, why, how, notes
 * . end &lt;reason&gt; &lt;questions&gt;                                   the consultation is over; the diagnosis follows
 * </pre>
 * After the {@code . end} line comes the diagnosis as {@code triage diagnose} prints it.
 */
public final class ConsultRunner {

    /** Where answers come from: one line per call, null at end of input. */
    public interface Lines {
        String read(String prompt) throws IOException;
    }

    /** Why the session ended, as printed on the {@code . end} line. */
    public enum Reason {
        ESTABLISHED("established"), NO_MORE_QUESTIONS("no-more-questions"), END_OF_INPUT("end-of-input"),
        QUIT("quit"), QUESTION_LIMIT("question-limit");

        final String word;

        Reason(String word) {
            this.word = word;
        }
    }

    /** What a session did, for the command and for tests. */
    public record Outcome(Reason reason, int questions, Diagnosis diagnosis, List<String> asked) {
        public Optional<CauseHypothesis> top() {
            return diagnosis.causes().isEmpty() ? Optional.empty() : Optional.of(diagnosis.causes().get(0));
        }
    }

    static final int MAX_QUESTIONS = 60;
    static final int LEADERS_SHOWN = 3;
    static final String ANSWERS_HINT = "yes, no, unknown, why, how, back, restart or quit";

    private final Consultation consultation;
    private final Complaints complaints;
    private final Lines in;
    private final PrintWriter out;
    private final boolean terminal;
    private Renderer renderer = Renderer.forFormat("text");
    private boolean explain;
    private Path save;
    private boolean chooseComplaint;
    private String platform;
    private boolean platformAsked;
    private final List<String> asked = new ArrayList<>();

    public ConsultRunner(Consultation consultation, Complaints complaints, Lines in, PrintWriter out, boolean terminal) {
        this.consultation = consultation;
        this.complaints = complaints;
        this.in = in;
        this.out = out;
        this.terminal = terminal;
    }

    public ConsultRunner renderer(Renderer r, boolean explain) {
        this.renderer = r;
        this.explain = explain;
        return this;
    }

    public ConsultRunner save(Path file) {
        this.save = file;
        return this;
    }

    /** Whether to ask for a complaint first (when the session was not given one nor evidence). */
    public ConsultRunner chooseComplaint(boolean choose) {
        this.chooseComplaint = choose;
        return this;
    }

    public Outcome run() throws IOException {
        out.println("# triage consult: answer " + ANSWERS_HINT + " (a number where a value is asked)");
        if (consultation.complaint() != null) {
            out.println("# complaint " + consultation.complaint().id() + ": " + consultation.complaint().text());
        }
        if (platform == null) {
            platform = Platforms.detect(consultation.evidenceSymptoms(), consultation.questions().platforms().keySet()).orElse(null);
        }
        if (chooseComplaint && !askComplaint()) {
            return finish(Reason.END_OF_INPUT);
        }
        Consultation.Option pending = null;
        boolean reprint = false;
        while (true) {
            if (pending == null) {
                Consultation.Plan plan = consultation.plan();
                leaders(plan);
                if (plan.end() != null) {
                    return finish(plan.end() == Consultation.End.ESTABLISHED ? Reason.ESTABLISHED : Reason.NO_MORE_QUESTIONS);
                }
                if (consultation.answers().size() >= MAX_QUESTIONS) {
                    return finish(Reason.QUESTION_LIMIT);
                }
                pending = plan.next().orElseThrow();
                reprint = true;
            }
            SymptomDef q = pending.symptom();
            if (platform == null && !platformAsked && consultation.questions().hasPlatformCommands(q.id())) {
                platformAsked = true;
                if (!askPlatform()) {
                    return finish(Reason.END_OF_INPUT);
                }
            }
            if (reprint) {
                question(q);
            }
            reprint = true;
            String line = in.read(terminal ? "[yes/no/unknown/why/how/back/restart/quit]> " : null);
            if (line == null) {
                return finish(Reason.END_OF_INPUT);
            }
            String word = line.strip().toLowerCase(Locale.ROOT);
            switch (word) {
                case "why" -> why(pending);
                case "how" -> how();
                case "help", "h" -> out.println("# answer " + ANSWERS_HINT + hintFor(q));
                case "back", "undo", "b" -> {
                    Optional<Consultation.Given> undone = consultation.back();
                    if (undone.isPresent()) {
                        asked.remove(asked.size() - 1);
                        SymptomDef def = consultation.symptomDef(undone.get().symptom());
                        out.println("# undone: " + (def == null ? undone.get().symptom() : Answers.recorded(consultation, def, undone.get())));
                        pending = null;
                    } else {
                        out.println("! nothing to undo");
                    }
                }
                case "restart" -> {
                    consultation.restart();
                    asked.clear();
                    out.println("# restarted");
                    if (chooseComplaint && !askComplaint()) {
                        return finish(Reason.END_OF_INPUT);
                    }
                    pending = null;
                }
                case "quit", "q", "exit" -> {
                    return finish(Reason.QUIT);
                }
                default -> {
                    Optional<Consultation.Given> g = parse(q, word);
                    if (g.isPresent()) {
                        consultation.answer(g.get());
                        out.println("# recorded: " + Answers.recorded(consultation, q, g.get()));
                        asked.add(q.id());
                        pending = null;
                    } else {
                        out.println("! " + rejection(q, word));
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- complaint

    private boolean askComplaint() throws IOException {
        List<Complaint> list = complaints.all();
        if (list.isEmpty()) {
            return true;
        }
        out.println("# complaints:");
        for (int i = 0; i < list.size(); i++) {
            out.println("# " + (i + 1) + " " + list.get(i).id() + ": " + list.get(i).text());
        }
        while (true) {
            out.println("? complaint Which complaint? (a number, or describe it; 'none' to start from nothing)");
            String line = in.read(terminal ? "complaint> " : null);
            if (line == null) {
                return false;
            }
            String t = line.strip();
            if (t.equalsIgnoreCase("none") || t.equalsIgnoreCase("unknown") || t.equals("0")) {
                consultation.complaint(null);
                return true;
            }
            if (t.equalsIgnoreCase("quit")) {
                return false;
            }
            if (t.matches("\\d+") || complaints.byId(t.toLowerCase(Locale.ROOT)).isPresent()) {
                Optional<Complaint> c = complaints.match(t);
                if (c.isPresent()) {
                    choose(c.get());
                    return true;
                }
                out.println("! no complaint " + t + ": give its number (1.." + list.size() + "), other words, or none");
                continue;
            }
            // typed text is evidence first: a pasted error line is recognised as the diagnosis would
            TypedText.Reading r = TypedText.read(consultation.triage(), complaints, t);
            if (r.recognised()) {
                consultation.addEvidence(r.symptoms(), r.answers());
                out.println("# recognised in what you typed: " + String.join(", ", r.symptoms().stream().map(s -> s.id()).toList()));
                if (platform == null) {
                    platform = Platforms.detect(consultation.evidenceSymptoms(), consultation.questions().platforms().keySet()).orElse(null);
                }
                return true;
            }
            if (r.complaints().size() == 1) {
                choose(r.complaints().get(0));
                return true;
            }
            if (r.complaints().isEmpty()) {
                out.println("! no single complaint matches '" + t + "': give its number (1.." + list.size() + "), other words, or none");
                continue;
            }
            out.println("# several complaints match '" + t + "':");
            for (Complaint c : r.complaints()) {
                out.println("# " + complaints.number(c) + " " + c.id() + ": " + c.text());
            }
            out.println("! pick one of them by its number, or none");
        }
    }

    private void choose(Complaint c) {
        consultation.complaint(c);
        out.println("# complaint " + c.id() + ": " + c.text());
    }

    /** Asks once which platform this is, for the commands of its guide; false at end of input. */
    private boolean askPlatform() throws IOException {
        List<String> ids = new ArrayList<>(consultation.questions().platforms().keySet());
        StringBuilder sb = new StringBuilder("? platform Which platform is this? (");
        for (int i = 0; i < ids.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(i + 1).append(' ').append(ids.get(i));
        }
        out.println("# platforms: " + String.join("; ", consultation.questions().platforms().entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue()).toList()));
        while (true) {
            out.println(sb.append("; unknown if not sure)"));
            sb.setLength(sb.length() - "; unknown if not sure)".length());
            out.flush();
            String line = in.read(terminal ? "platform> " : null);
            if (line == null) {
                return false;
            }
            String t = line.strip().toLowerCase(Locale.ROOT);
            if (t.matches("\\d+") && Integer.parseInt(t) >= 1 && Integer.parseInt(t) <= ids.size()) {
                platform = ids.get(Integer.parseInt(t) - 1);
            } else if (ids.contains(t)) {
                platform = t;
            } else if (!List.of("unknown", "u", "skip", "none", "other").contains(t)) {
                out.println("! '" + t + "' is not a platform: give its number (1.." + ids.size() + "), its name, or unknown");
                continue;
            }
            out.println("# platform: " + (platform == null ? "unknown (the general commands are shown)" : platform));
            return true;
        }
    }

    // ---------------------------------------------------------------- output

    /** The leading causes the rules conclude, and the suspects the answers so far make likely. */
    private void leaders(Consultation.Plan plan) {
        List<CauseHypothesis> l = consultation.suspects(plan.diagnosis());
        for (int i = 0; i < Math.min(LEADERS_SHOWN, l.size()); i++) {
            out.println(String.format(Locale.ROOT, "= %s %.2f", l.get(i).id(), l.get(i).confidence()));
        }
        List<String> suspects = suspects(plan);
        if (!suspects.isEmpty() && plan.end() == null) {
            out.println("# suspects: " + String.join(", ", suspects));
        }
    }

    private static List<String> suspects(Consultation.Plan plan) {
        return plan.weights().entrySet().stream().filter(e -> !e.getKey().equals(Consultation.OTHER))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(LEADERS_SHOWN)
                .map(Map.Entry::getKey).toList();
    }

    private void question(SymptomDef q) {
        String range = q.takesValue() ? " [" + q.unit() + range(q) + "]" : "";
        String text = q.question() == null || q.question().isBlank() ? q.description() : q.question();
        Optional<String> own = platform == null ? Optional.empty() : consultation.questions().command(q.id(), platform);
        if (own.isPresent()) {
            q = new SymptomDef(q.id(), q.description(), q.question(), own.get(), q.unit(), q.min(), q.max());
        }
        if (terminal) {
            out.println("? " + q.id() + range);
            out.println("  " + text);
            if (q.command() != null && !q.command().isBlank()) {
                out.println("  $ " + q.command());
            }
        } else {
            out.println("? " + q.id() + " " + oneLine(text) + range
                    + (q.command() == null || q.command().isBlank() ? "" : " (" + oneLine(q.command()) + ")"));
        }
        out.flush();
    }

    private String range(SymptomDef q) {
        Double[] bounds = Answers.bounds(consultation, q);
        if (bounds[0] == null && bounds[1] == null) {
            return "";
        }
        return " " + (bounds[0] == null ? "" : Consultation.fmt(bounds[0])) + ".." + (bounds[1] == null ? "" : Consultation.fmt(bounds[1]));
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\n\\s*", " ").strip();
    }

    private Outcome finish(Reason reason) throws IOException {
        Diagnosis d = consultation.diagnosis();
        if (d.causes().isEmpty()) {
            undecided();
        }
        out.println(". end " + reason.word + " " + asked.size());
        out.print(renderer.render(d, explain));
        if (save != null) {
            SymptomFileWriter.write(consultation, save);
            out.println("# saved " + save);
        }
        out.flush();
        return new Outcome(reason, asked.size(), d, List.copyOf(asked));
    }

    /** No cause established: the candidates, the checks that would decide them, and whom to call. */
    private void undecided() {
        Consultation.Plan plan = consultation.plan();
        List<String> candidates = new ArrayList<>();
        consultation.suspects(plan.diagnosis()).forEach(h -> candidates.add(String.format(Locale.ROOT, "%s %.2f", h.id(), h.confidence())));
        for (String s : suspects(plan)) {
            if (candidates.stream().noneMatch(c -> c.startsWith(s + " "))) {
                candidates.add(s);
            }
        }
        out.println("# no cause established; candidates: " + (candidates.isEmpty() ? "none" : String.join(", ", candidates)));
        List<String> checks = new ArrayList<>();
        plan.options().stream().limit(LEADERS_SHOWN).forEach(o -> checks.add(o.symptom().id()
                + (o.symptom().command() == null || o.symptom().command().isBlank() ? "" : " (" + oneLine(o.symptom().command()) + ")")));
        out.println("# checks that would decide: " + (checks.isEmpty() ? "none left to ask" : String.join("; ", checks)));
        out.println("# escalate: " + triage.plan.RemediationPlanner.DEFAULT_ESCALATION);
    }

    /** Why the question is asked: the rule that needs the answer, in words; what each answer would do, as detail. */
    private void why(Consultation.Option o) {
        out.println("# why " + o.symptom().id() + ": " + Explanations.why(consultation, o));
        Map<String, Double> now = Consultation.confidences(consultation.diagnosis());
        describe("yes", now, Consultation.confidences(o.ifYes()), o.weightsNow().keySet(), o.weightsYes().keySet());
        describe("no", now, Consultation.confidences(o.ifNo()), o.weightsNow().keySet(), o.weightsNo().keySet());
        out.flush();
    }

    private void describe(String branch, Map<String, Double> before, Map<String, Double> after,
                          Set<String> possibleBefore, Set<String> possibleAfter) {
        Set<String> ids = new LinkedHashSet<>(before.keySet());
        ids.addAll(after.keySet());
        List<String> parts = new ArrayList<>();
        for (String id : ids) {
            double b = before.getOrDefault(id, 0.0);
            double a = after.getOrDefault(id, 0.0);
            if (Math.abs(a - b) > 1e-9) {
                parts.add(String.format(Locale.ROOT, "%s %.2f -> %.2f", id, b, a));
            }
        }
        List<String> ruledOut = new ArrayList<>();
        for (String id : possibleBefore) {
            if (!id.equals(Consultation.OTHER) && !possibleAfter.contains(id)) {
                ruledOut.add(id);
            }
        }
        String text = (parts.isEmpty() ? "no confidence changes" : String.join(", ", parts))
                + (ruledOut.isEmpty() ? "" : "; rules out " + String.join(", ", ruledOut));
        out.println("#   if " + branch + ": " + text);
    }

    /** How the leading cause was reached: the rules that concluded it and the facts they matched. */
    private void how() {
        List<CauseHypothesis> l = Consultation.leaders(consultation.diagnosis());
        if (l.isEmpty()) {
            out.println("# how: no cause is concluded yet");
            return;
        }
        CauseHypothesis top = l.get(0);
        out.println(String.format(Locale.ROOT, "# how %s %.2f: %s", top.id(), top.confidence(), top.cause().title()));
        top.supportingRules().forEach(r -> out.println(String.format(Locale.ROOT, "#   rule \"%s\" (%s) cf %.2f", r.rule(), r.file(), r.cf())));
        top.againstRules().forEach(r -> out.println(String.format(Locale.ROOT, "#   against: rule \"%s\" (%s) cf %.2f", r.rule(), r.file(), r.cf())));
        for (EvidenceItem e : top.evidence()) {
            out.println("#   fact " + e.symptom() + " from " + e.source() + ": " + e.text());
        }
        for (EvidenceItem e : top.evidenceAgainst()) {
            out.println("#   fact against " + e.symptom() + " from " + e.source() + ": " + e.text());
        }
        out.flush();
    }

    // ---------------------------------------------------------------- answers

    /** The answer a word means for this question, if it is one. */
    Optional<Consultation.Given> parse(SymptomDef q, String word) {
        return Answers.parse(consultation, q, word);
    }

    private String rejection(SymptomDef q, String word) {
        Double n = Answers.number(q, word);
        if (n != null && q.takesValue()) {
            return "out of range: give a value in " + q.unit() + range(q) + ", or " + ANSWERS_HINT;
        }
        if (n != null && consultation.questions().asksCount(q.id())) {
            return "a number here is how many times it was seen (a whole number, 0 for no); or answer " + ANSWERS_HINT;
        }
        if (n != null) {
            return "a number is not an answer to this question: answer yes or no (or unknown, why, how, back, restart, quit)";
        }
        return "'" + word + "' is not an answer: answer " + ANSWERS_HINT + hintFor(q);
    }

    private String hintFor(SymptomDef q) {
        return q.takesValue() ? ", or give the value in " + q.unit() + range(q) : "";
    }
}
