package triage.consult;

import triage.evidence.Evidence;
import triage.facts.Answer;
import triage.facts.Symptom;
import triage.knowledge.SymptomDef;
import triage.testing.Bundles;
import triage.testing.TestTriage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A support engineer who has one cause's incident in front of them: the symptoms recognition finds in
 * one of that cause's evidence bundles (src/test/resources/variants/&lt;cause&gt;/, or a public case of
 * ../shared/cases expecting it), with their values. Never the rules that choose the questions. Asked about
 * a symptom, they answer from the bundle: its value when it takes one (a value on the "no" side of the
 * threshold when the bundle does not show it), yes when present, no when absent; and "unknown" to about a
 * third of the questions about symptoms the bundle does not show (what is in front of them they can
 * confirm; what is not, they cannot always rule out), chosen by a seeded hash of cause and symptom so that
 * a run can be repeated. {@code unknownAnywhere} lets "unknown" fall on any question, the shown symptoms too.
 */
final class SimulatedUser {

    static final Path VARIANTS = TestTriage.projectRoot().resolve("src/test/resources/variants");
    static final Path CASES = TestTriage.projectRoot().resolve("../shared/cases").normalize();
    static final long SEED = 16;

    /** The bundle a cause's user works from: its first variant, or the first public case expecting it. */
    static Optional<Path> bundleOf(String cause) {
        Path dir = VARIANTS.resolve(cause);
        Optional<Path> variant = firstBundle(dir, p -> true);
        if (variant.isPresent()) {
            return variant;
        }
        return firstBundle(CASES, p -> Bundles.expected(p.resolve("expected.yaml")).getOrDefault("expect", List.of()).contains(cause));
    }

    private static Optional<Path> firstBundle(Path dir, java.util.function.Predicate<Path> keep) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("expected.yaml"))).sorted().filter(keep).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final String cause;
    private final Map<String, Symptom> present = new HashMap<>();
    private final Set<String> absent = new HashSet<>();
    int unknowns;
    int answered;

    /** Whether "unknown" may fall on a symptom the bundle shows too (the strict reading), not only on the others. */
    private final boolean unknownAnywhere;

    SimulatedUser(String cause, Path bundle, boolean unknownAnywhere) {
        this.cause = cause;
        this.unknownAnywhere = unknownAnywhere;
        Evidence ev = TestTriage.get().read(List.of(bundle.resolve("evidence")));
        for (Symptom s : ev.symptoms()) {
            present.merge(s.id(), s, (a, b) -> Double.isNaN(a.maxValue()) || b.maxValue() > a.maxValue() ? b : a);
        }
        for (Answer a : ev.answers()) {
            if (a.isNo() && !present.containsKey(a.symptom())) {
                absent.add(a.symptom());
            }
        }
    }

    Set<String> symptoms() {
        return present.keySet();
    }

    /** The answer to the question about this symptom (or to the platform question). */
    String answer(String symptom) {
        if (symptom.equals("platform")) {
            return "unknown";
        }
        answered++;
        Optional<Questions.Group> group = Scripted.QUESTIONS.group(symptom);
        if (group.isPresent()) {
            // a family of signs: yes when the bundle shows one of them, otherwise as for a sign it does not show
            if (group.get().members().stream().anyMatch(present::containsKey)) {
                return "yes";
            }
            if (new Random(SEED * 31 + (cause + "|" + symptom).hashCode()).nextInt(3) == 0) {
                unknowns++;
                return "unknown";
            }
            return "no";
        }
        boolean shown = present.containsKey(symptom);
        if ((unknownAnywhere || !shown) && new Random(SEED * 31 + (cause + "|" + symptom).hashCode()).nextInt(3) == 0) {
            unknowns++;
            return "unknown";
        }
        SymptomDef def = TestTriage.get().knowledgeBase().symptoms().get(symptom);
        Optional<Questions.Value> threshold = Scripted.QUESTIONS.value(symptom);
        Symptom s = present.get(symptom);
        if (s != null) {
            if (def != null && def.takesValue() && !Double.isNaN(s.maxValue())) {
                double v = threshold.map(t -> t.below() != null ? s.value() : s.maxValue()).orElse(s.maxValue());
                return Consultation.fmt(v);
            }
            return "yes";
        }
        if (def != null && def.takesValue() && threshold.isPresent()) {
            Questions.Value t = threshold.get();
            if (t.reading()) {
                unknowns++; // a reading the bundle does not show: the engineer does not know it
                return "unknown";
            }
            // a value on the "no" side of the threshold, as the engineer reads it off the command
            return Consultation.fmt(t.above() != null ? t.above() / 2 : t.below() == 0 ? 100 : t.below() * 2);
        }
        return "no";
    }

    Function<String, String> asFunction() {
        return this::answer;
    }
}
