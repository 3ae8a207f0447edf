package triage.testing;

import triage.diagnosis.CauseHypothesis;
import triage.diagnosis.Diagnosis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incident bundles in the format of ../shared/cases (README there): a folder holding
 * {@code expected.yaml} and {@code evidence/}. Used for the public cases and for the cause variants
 * under src/test/resources/variants.
 */
public final class Bundles {

    private Bundles() {
    }

    /** expected.yaml is flat: scalars and one-line or dashed lists. */
    public static Map<String, List<String>> expected(Path file) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String key = null;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (!line.startsWith(" ") && !line.startsWith("-") && line.contains(":")) {
                key = line.substring(0, line.indexOf(':')).strip();
                String value = line.substring(line.indexOf(':') + 1).split(" #")[0].strip();
                List<String> values = new ArrayList<>();
                if (value.startsWith("[") && value.endsWith("]")) {
                    for (String v : value.substring(1, value.length() - 1).split(",")) {
                        if (!v.isBlank()) {
                            values.add(v.strip().replaceAll("^['\"]|['\"]$", ""));
                        }
                    }
                } else if (!value.isEmpty() && !value.equals(">") && !value.equals("|")) {
                    values.add(value.replaceAll("^['\"]|['\"]$", ""));
                }
                out.put(key, values);
            } else if (line.stripLeading().startsWith("- ") && key != null) {
                out.get(key).add(line.stripLeading().substring(2).split(" #")[0].strip());
            }
        }
        return out;
    }

    /**
     * Diagnoses {@code bundle/evidence} and asserts what {@code bundle/expected.yaml} says: no warning
     * while reading, the expected cause (or an acceptable one) first, or no cause for {@code expect: none},
     * and the other faults truly present in the top three.
     */
    public static void assertDiagnosedAsExpected(Path bundle) {
        String name = bundle.getFileName().toString();
        Map<String, List<String>> exp = expected(bundle.resolve("expected.yaml"));
        Diagnosis d = TestTriage.get().diagnose(List.of(bundle.resolve("evidence")));
        List<String> ids = d.causes().stream().map(CauseHypothesis::id).toList();
        assertThat(d.warnings()).as("warnings reading %s", name).isEmpty();
        String want = exp.get("expect").get(0);
        if (want.equals("none")) {
            assertThat(ids).as("a healthy bundle reports no cause").isEmpty();
            return;
        }
        Set<String> good = new HashSet<>(exp.getOrDefault("acceptable", List.of()));
        good.add(want);
        assertThat(ids).as("causes of %s", name).isNotEmpty();
        assertThat(good).as("%s ranks first in %s (got %s)", want, name, ids).contains(ids.get(0));
        List<String> top3 = ids.subList(0, Math.min(3, ids.size()));
        for (String also : exp.getOrDefault("also", List.of())) {
            assertThat(top3).as("second fault %s in the top three of %s", also, name).contains(also);
        }
    }
}
