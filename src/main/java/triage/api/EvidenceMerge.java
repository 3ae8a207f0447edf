package triage.api;

import triage.evidence.Evidence;
import triage.facts.Answer;
import triage.facts.Citation;
import triage.facts.Symptom;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds the evidence of several in-memory files into one, as reading them together from disk does:
 * one symptom per id and subject (counts added, first and last time, largest value, a few citations),
 * and an absence read in one file dropped when another file shows the symptom.
 */
final class EvidenceMerge {
    private static final int FIRST_CITATIONS = 3;

    private EvidenceMerge() {
    }

    static Evidence merge(List<Evidence> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Map<String, Symptom> symptoms = new LinkedHashMap<>();
        Map<String, List<Citation>> latest = new LinkedHashMap<>();
        for (Evidence e : parts) {
            for (Symptom s : e.symptoms()) {
                String key = s.id() + '\u0000' + s.subject();
                Symptom had = symptoms.get(key);
                symptoms.put(key, had == null ? s : fold(had, s));
                latest.computeIfAbsent(key, k -> new ArrayList<>()).addAll(s.citations());
            }
        }
        List<Symptom> merged = new ArrayList<>(symptoms.size());
        symptoms.forEach((key, s) -> merged.add(new Symptom(s.id(), s.subject(), s.count(), s.value(), s.maxValue(),
                s.firstSeen(), s.lastSeen(), s.attributes(), citations(latest.get(key)))));

        List<Answer> answers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            for (Answer a : parts.get(i).answers()) {
                if (a.isNo() && shownElsewhere(a.symptom(), parts, i)) {
                    continue;
                }
                if (seen.add(a.symptom() + '\u0000' + a.reply())) {
                    answers.add(a);
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        int readable = 0;
        int inputs = 0;
        for (Evidence e : parts) {
            warnings.addAll(e.warnings());
            readable += e.readable();
            inputs += e.inputs();
        }
        return new Evidence(merged, answers, warnings, readable, inputs);
    }

    private static Symptom fold(Symptom a, Symptom b) {
        double value = Double.isNaN(b.value()) ? a.value() : b.value();
        double max = Double.isNaN(a.maxValue()) ? b.maxValue()
                : Double.isNaN(b.maxValue()) ? a.maxValue() : Math.max(a.maxValue(), b.maxValue());
        long first = a.firstSeen() == 0 ? b.firstSeen() : b.firstSeen() == 0 ? a.firstSeen() : Math.min(a.firstSeen(), b.firstSeen());
        return new Symptom(a.id(), a.subject(), a.count() + b.count(), value, max, first, Math.max(a.lastSeen(), b.lastSeen()),
                b.attributes().isEmpty() ? a.attributes() : b.attributes(), List.of());
    }

    /** The first few citations and the latest one, as the reader keeps them for one file. */
    private static List<Citation> citations(List<Citation> all) {
        if (all.size() <= FIRST_CITATIONS + 1) {
            return all;
        }
        List<Citation> out = new ArrayList<>(all.subList(0, FIRST_CITATIONS));
        out.add(all.get(all.size() - 1));
        return out;
    }

    private static boolean shownElsewhere(String symptom, List<Evidence> parts, int except) {
        for (int j = 0; j < parts.size(); j++) {
            if (j != except && parts.get(j).symptoms().stream().anyMatch(s -> s.id().equals(symptom))) {
                return true;
            }
        }
        return false;
    }
}
