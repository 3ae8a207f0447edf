package triage.consult;

import triage.facts.Answer;
import triage.facts.Reply;
import triage.facts.Symptom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes what a consultation knows as a symptom file (README.md, "Symptom files") that
 * {@code triage diagnose} reads back into the same facts: the evidence's symptoms and answers, the
 * complaint's symptoms and every answer given.
 * <p>
 * A yes is written as an answer (which the reader turns into the answer and one observation of the
 * symptom) and, when it stands for more observations than one, a symptom entry with the rest of the
 * count: the reader folds both into one symptom with the full count, as the consultation had it.
 */
public final class SymptomFileWriter {

    private SymptomFileWriter() {
    }

    public static void write(Consultation c, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(c), StandardCharsets.UTF_8);
    }

    public static String render(Consultation c) {
        List<String> symptoms = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (Symptom s : c.evidenceSymptoms()) {
            StringBuilder b = new StringBuilder("  - id: ").append(s.id()).append('\n');
            if (!s.subject().isEmpty()) {
                b.append("    subject: ").append(quote(s.subject())).append('\n');
            }
            if (s.count() != 1) {
                b.append("    count: ").append(s.count()).append('\n');
            }
            if (s.hasValue()) {
                b.append("    value: ").append(Consultation.fmt(s.value())).append('\n');
            }
            if (s.firstSeen() > 0) {
                b.append("    first_seen: ").append(Instant.ofEpochMilli(s.firstSeen())).append('\n');
            }
            if (s.lastSeen() > 0) {
                b.append("    last_seen: ").append(Instant.ofEpochMilli(s.lastSeen())).append('\n');
            }
            if (!s.attributes().isEmpty()) {
                b.append("    attributes:\n");
                for (Map.Entry<String, String> a : s.attributes().entrySet()) {
                    b.append("      ").append(quote(a.getKey())).append(": ").append(quote(a.getValue())).append('\n');
                }
            }
            if (!s.citations().isEmpty()) {
                b.append("    source: ").append(quote(s.citations().get(0).source())).append('\n');
                b.append("    text: ").append(quote(s.citations().get(0).text())).append('\n');
            }
            symptoms.add(b.toString());
        }
        for (Answer a : c.evidenceAnswers()) {
            if (a.reply() != Reply.YES) { // a yes of the evidence is in its symptom entry already
                answers.add(answer(a.symptom(), a.reply(), a.value(), a.source()));
            }
        }
        List<Consultation.Given> given = new ArrayList<>(c.complaintFacts());
        given.addAll(c.answers());
        // a family's answer is written as the rules read it: its no as a no for each member it denies
        for (Consultation.Given g : c.answersAsGiven(given)) {
            if (g.yes() && g.count() > 1) {
                StringBuilder b = new StringBuilder("  - id: ").append(g.symptom()).append('\n')
                        .append("    count: ").append(g.count() - 1)
                        .append("   # with the yes answer below: ").append(g.count()).append(" observations\n");
                if (!Double.isNaN(g.value())) {
                    b.append("    value: ").append(Consultation.fmt(g.value())).append('\n');
                }
                b.append("    source: consultation\n");
                symptoms.add(b.toString());
            }
            answers.add(answer(g.symptom(), g.reply(), g.value(), Consultation.SOURCE));
        }
        StringBuilder out = new StringBuilder();
        out.append("# Saved by triage consult").append(c.complaint() == null ? "" : " (complaint: " + c.complaint().id() + ")")
                .append(". Diagnose it with: triage diagnose THIS-FILE\n");
        out.append("symptoms:").append(symptoms.isEmpty() ? " []\n" : "\n");
        symptoms.forEach(out::append);
        out.append("answers:").append(answers.isEmpty() ? " []\n" : "\n");
        answers.forEach(out::append);
        return out.toString();
    }

    private static String answer(String symptom, Reply reply, double value, String source) {
        StringBuilder b = new StringBuilder("  - symptom: ").append(symptom).append('\n')
                .append("    answer: ").append(reply.name().toLowerCase(Locale.ROOT)).append('\n');
        if (!Double.isNaN(value)) {
            b.append("    value: ").append(Consultation.fmt(value)).append('\n');
        }
        if (source != null && !source.isEmpty()) {
            b.append("    source: ").append(quote(source)).append('\n');
        }
        return b.toString();
    }

    /** A YAML double-quoted scalar. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\x%02x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
