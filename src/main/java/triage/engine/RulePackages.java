package triage.engine;

import triage.knowledge.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * All rule files must declare one package. Drools 10.2 builds packages one after another, and a rule
 * whose network is shared with a later package can silently stop firing (apache/incubator-kie#7115:
 * here, the healed-gap rule of {@code market-data.drl} never fired once {@code database.drl} had a
 * package of its own). One package builds the network in one pass.
 */
final class RulePackages {

    private RulePackages() {
    }

    /** A problem for each file whose package differs from the first file's, at the line that declares it. */
    static List<Problem> check(Map<String, String> drlByPath) {
        List<Problem> problems = new ArrayList<>();
        String expected = null;
        String expectedIn = null;
        for (Map.Entry<String, String> file : drlByPath.entrySet()) {
            Declared declared = declared(file.getValue());
            if (expected == null) {
                expected = declared.name();
                expectedIn = file.getKey();
            } else if (!expected.equals(declared.name())) {
                problems.add(new Problem(file.getKey(), declared.line(), "package " + show(declared.name())
                        + " differs from package " + show(expected) + " of " + expectedIn
                        + ": all rule files must declare one package (Drools 10.2 can silently stop rules firing"
                        + " across packages, apache/incubator-kie#7115)"));
            }
        }
        return problems;
    }

    private record Declared(String name, int line) {
    }

    private static Declared declared(String text) {
        int line = 0;
        for (String l : text.lines().toList()) {
            line++;
            String s = l.strip();
            if (s.startsWith("package ") || s.startsWith("package\t")) {
                return new Declared(s.substring("package".length()).replace(";", "").strip(), line);
            }
        }
        return new Declared("", 1);
    }

    private static String show(String name) {
        return name.isEmpty() ? "(none)" : name;
    }
}
