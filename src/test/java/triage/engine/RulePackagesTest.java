package triage.engine;

import org.junit.jupiter.api.Test;
import triage.knowledge.KnowledgeBaseException;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule files share one package: Drools 10.2 can silently stop rules firing across packages (kie#7115). */
class RulePackagesTest {

    private static String file(String pkg, String rule) {
        return "package " + pkg + ";\n\nimport triage.facts.Symptom;\nimport triage.facts.Support;\n\nrule \"" + rule + "\"\n"
                + "when\n    Symptom( id == \"demo.seen\" )\nthen\n    insertLogical(Support.of(\"demo.fault\", 0.5, drools));\nend\n";
    }

    @Test
    void aRuleFileWithAPackageOfItsOwnIsRefusedAtTheLineThatDeclaresIt() {
        Map<String, String> drl = new LinkedHashMap<>();
        drl.put("rules/a.drl", file("triage.rules", "first"));
        drl.put("rules/b.drl", file("triage.rules.b", "second"));
        assertThat(RulePackages.check(drl)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rules/b.drl");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains("triage.rules.b").contains("triage.rules").contains("rules/a.drl");
        });
        assertThatThrownBy(() -> RuleBase.compile(drl)).isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("rules/b.drl:1");
    }

    @Test
    void filesSharingOnePackageCompileAndEachRuleKeepsItsFile() {
        Map<String, String> drl = new LinkedHashMap<>();
        drl.put("rules/a.drl", file("triage.rules", "first"));
        drl.put("rules/b.drl", file("triage.rules", "second"));
        assertThat(RulePackages.check(drl)).isEmpty();
        RuleBase rules = RuleBase.compile(drl);
        assertThat(rules.fileOf("first")).isEqualTo("rules/a.drl");
        assertThat(rules.fileOf("second")).isEqualTo("rules/b.drl");
    }

    @Test
    void aPackageDeclaredAfterATabCountsAndAFileWithoutOneDiffersFromTheOthers() {
        Map<String, String> drl = new LinkedHashMap<>();
        drl.put("rules/a.drl", file("triage.rules", "first"));
        drl.put("rules/b.drl", "// rules of b\npackage\ttriage.rules;\n");
        drl.put("rules/c.drl", "// no package at all\n");
        assertThat(RulePackages.check(drl)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rules/c.drl");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).startsWith("package (none) differs from package triage.rules of rules/a.drl");
        });
    }
}
