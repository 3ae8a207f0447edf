package triage.consult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.api.Triage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A knowledge base the size the project is growing to (150 causes, 315 symptoms, shared symptoms within
 * each area, negations, count thresholds), generated: the consultation must stay fast and still find
 * the causes, without a line of it knowing this knowledge base.
 */
class ConsultScaleTest {

    static final int AREAS = 15;
    static final int PER_AREA = 10;

    @Test
    void aLargeKnowledgeBase(@TempDir Path root) throws IOException {
        write(root);
        try (Triage t = Triage.load(root)) {
            RuleIndex index = RuleIndex.of(t.rules().sources());
            Complaints complaints = Complaints.load(t.knowledgeBase());
            assertThat(complaints.all()).hasSize(AREAS);

            List<triage.facts.Symptom> one = List.of(triage.facts.Symptom.of("area1.s1a"));
            for (int i = 0; i < 300; i++) {
                t.diagnose(one, List.of(), List.of());
            }
            long d0 = System.nanoTime();
            for (int i = 0; i < 300; i++) {
                t.diagnose(one, List.of(), List.of());
            }
            System.out.println("large knowledge base: a diagnosis " + (System.nanoTime() - d0) / 300 / 1000 + " us");
            // one round over every symptom of the knowledge base: no complaint, all 150 causes in play
            for (int i = 0; i < 3; i++) {
                new Consultation(t, index, List.of(), List.of(), List.of()).plan();
            }
            Consultation c = new Consultation(t, index, List.of(), List.of(), List.of());
            long t0 = System.nanoTime();
            Consultation.Plan plan = c.plan();
            long roundMs = (System.nanoTime() - t0) / 1_000_000;

            List<Integer> questions = new ArrayList<>();
            int reached = 0;
            long s0 = System.nanoTime();
            List<String> causes = new ArrayList<>(index.supportedCauses());
            Collections.sort(causes);
            for (String cause : causes) {
                Consultation session = new Consultation(t, index, List.of(), List.of(), List.of());
                String area = cause.substring(0, cause.indexOf('.'));
                session.complaint(complaints.byId(area + "-trouble").orElseThrow());
                java.util.Set<String> yes = index.produces(cause);
                java.util.Set<String> no = new java.util.HashSet<>(index.excludes(cause));
                for (String other : causes) {
                    if (!other.equals(cause)) {
                        no.addAll(index.produces(other));
                    }
                }
                no.removeAll(yes);
                Scripted.Run run = runWith(session, complaints, Scripted.answering(yes, no));
                if (run.outcome().top().map(h -> h.id().equals(cause)).orElse(false)) {
                    reached++;
                    questions.add(run.outcome().questions());
                } else if (reached < 30 && causes.indexOf(cause) < 40) {
                    System.out.println("  not reached: " + cause + " " + run.outcome().reason() + " top "
                            + run.outcome().top().map(h -> h.id() + " " + h.confidence()).orElse("none") + " asked " + run.outcome().asked());
                }
            }
            long perSession = (System.nanoTime() - s0) / 1_000_000 / causes.size();
            Collections.sort(questions);
            int median = questions.isEmpty() ? 0 : questions.get((questions.size() - 1) / 2);
            System.out.printf(Locale.ROOT, "large knowledge base: first round over %d symptoms %d ms; %d of %d causes reached, "
                            + "questions median %d, worst %d; %d ms a session%n", plan.options().size(), roundMs, reached,
                    causes.size(), median, questions.isEmpty() ? 0 : questions.get(questions.size() - 1), perSession);
            assertThat(plan.options()).isNotEmpty();
            assertThat(roundMs).isLessThan(1500);
            assertThat(reached).isGreaterThanOrEqualTo((int) (0.8 * causes.size()));
        }
    }

    private static Scripted.Run runWith(Consultation c, Complaints complaints, java.util.function.Function<String, String> answer) {
        java.io.StringWriter buf = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(buf, true);
        int[] seen = {0};
        ConsultRunner.Lines lines = p -> {
            List<String> ls = buf.toString().lines().toList();
            String q = null;
            for (int i = ls.size() - 1; i >= seen[0]; i--) {
                if (ls.get(i).startsWith("? ")) {
                    q = ls.get(i);
                    break;
                }
            }
            seen[0] = ls.size();
            return q == null ? null : answer.apply(q.substring(2).split(" ", 2)[0]);
        };
        try {
            ConsultRunner.Outcome o = new ConsultRunner(c, complaints, lines, out, false).run();
            return new Scripted.Run(buf.toString(), o);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void write(Path root) throws IOException {
        Path kb = root.resolve("knowledge-base");
        Files.createDirectories(kb.resolve("causes"));
        Files.createDirectories(kb.resolve("symptoms"));
        Files.createDirectories(root.resolve("rules"));
        StringBuilder causes = new StringBuilder();
        StringBuilder symptoms = new StringBuilder();
        StringBuilder rules = new StringBuilder("package synthetic;\nimport triage.facts.Symptom;\nimport triage.facts.Answer;\n"
                + "import triage.facts.Support;\nimport triage.facts.Against;\nimport triage.facts.Finding;\n\n");
        StringBuilder complaints = new StringBuilder();
        for (int a = 0; a < AREAS; a++) {
            String area = "area" + a;
            symptom(symptoms, area + ".shared");
            complaints.append("- id: ").append(area).append("-trouble\n  text: Trouble in ").append(area)
                    .append("\n  keywords: [").append(area).append("]\n  causes: [");
            for (int k = 0; k < PER_AREA; k++) {
                String cause = area + ".cause" + k;
                complaints.append(k == 0 ? "" : ", ").append(cause);
                causes.append("- id: ").append(cause).append("\n  title: Cause ").append(k).append(" of ").append(area)
                        .append("\n  area: ").append(area).append("\n  severity: high\n  sources: [\"synthetic\"]\n")
                        .append("  remediation:\n    - action: fix ").append(cause).append('\n');
                String own1 = area + ".s" + k + "a";
                String own2 = area + ".s" + k + "b";
                symptom(symptoms, own1);
                symptom(symptoms, own2);
                String neighbour = area + ".s" + ((k + 1) % PER_AREA) + "a";
                rules.append("rule \"").append(cause).append(" seen\"\nwhen\n    $s : Symptom( id == \"").append(own1).append('"')
                        .append(k % 3 == 0 ? ", count >= 2" : "").append(" )\n    Symptom( id == \"").append(area).append(".shared\" )\n")
                        .append("then\n    insertLogical(Support.of(\"").append(cause).append("\", 0.7, drools));\nend\n\n");
                rules.append("rule \"").append(cause).append(" hinted\"\nwhen\n    Symptom( id == \"").append(own2).append("\" )\n")
                        .append("    not Symptom( id == \"").append(neighbour).append("\" )\n")
                        .append("then\n    insertLogical(Support.of(\"").append(cause).append("\", 0.45, drools));\nend\n\n");
            }
            complaints.append("]\n");
        }
        Files.writeString(kb.resolve("causes/synthetic.yaml"), causes);
        Files.writeString(kb.resolve("symptoms/synthetic.yaml"), symptoms);
        Files.writeString(kb.resolve("complaints.yaml"), complaints);
        Files.writeString(root.resolve("rules/synthetic.drl"), rules);
    }

    private static void symptom(StringBuilder out, String id) {
        out.append("- id: ").append(id).append("\n  description: ").append(id).append("\n  question: Is ").append(id)
                .append(" seen?\n  command: check ").append(id).append('\n');
    }
}
