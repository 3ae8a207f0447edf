package triage.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks recognition entries as they are read: regular expressions that compile, required fields;
 * and, once the vocabulary is loaded, that every entry names a known symptom.
 */
final class RecognitionValidator {
    private record Reference(String symptom, String file, int line, String what) {
    }

    private final List<Problem> problems;
    private final List<Reference> references = new ArrayList<>();

    RecognitionValidator(List<Problem> problems) {
        this.problems = problems;
    }

    boolean pattern(PatternDef p, String file, int line) {
        references.add(new Reference(p.symptom(), file, line, "pattern"));
        boolean ok = compiles(p.regex(), file, line, "pattern for " + p.symptom());
        if (p.jsonPath() != null) {
            ok &= compiles(p.jsonPath(), file, line, "json_path of pattern for " + p.symptom());
        }
        if (p.files() != null) {
            ok &= compiles(p.files(), file, line, "files of pattern for " + p.symptom());
        }
        return ok;
    }

    boolean metric(MetricDef m, String file, int line) {
        references.add(new Reference(m.symptom(), file, line, "metric " + m.metric()));
        boolean ok = compiles(m.metric(), file, line, "metric for " + m.symptom());
        for (String v : m.labels().values()) {
            ok &= compiles(v, file, line, "label of metric " + m.metric());
        }
        return ok;
    }

    boolean alert(AlertDef a, String file, int line) {
        a.symptoms().forEach(s -> references.add(new Reference(s, file, line, "alert " + a.alert())));
        if (a.symptoms().isEmpty()) {
            problems.add(new Problem(file, line, "alert " + a.alert() + " maps to no symptom"));
        }
        return compiles(a.alert(), file, line, "alert");
    }

    void checkSymptomsKnown(Set<String> symptomIds) {
        for (Reference r : references) {
            if (r.symptom() == null || !symptomIds.contains(r.symptom())) {
                problems.add(new Problem(r.file(), r.line(), r.what() + " refers to unknown symptom " + r.symptom()));
            }
        }
    }

    private boolean compiles(String regex, String file, int line, String what) {
        if (regex == null || regex.isBlank()) {
            problems.add(new Problem(file, line, what + " has no expression"));
            return false;
        }
        try {
            Pattern.compile(regex);
            return true;
        } catch (PatternSyntaxException e) {
            problems.add(new Problem(file, line, what + ": bad regular expression: "
                    + Problem.firstLine(e.getDescription(), "malformed YAML") + " near index " + e.getIndex()));
            return false;
        }
    }
}
