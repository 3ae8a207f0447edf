package triage.cli;

import org.junit.jupiter.api.Test;
import triage.knowledge.Problem;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `triage kb check`: passes on the repository, fails naming file and line on broken rules or YAML. */
class KbCheckCommandTest {

    private static Path fixture(String name) {
        return Path.of("src/test/resources/fixtures", name);
    }

    @Test
    void theRepositoryPasses() {
        assertThat(KbCommand.check(Path.of(""))).isEmpty();
        assertThat(Cli.run("kb", "check").exit()).isEqualTo(0);
    }

    @Test
    void aDrlSyntaxErrorIsReportedWithFileAndLine() {
        List<Problem> problems = KbCommand.check(fixture("broken-drl"));
        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0).file()).isEqualTo("rules/demo.drl");
        assertThat(problems.get(0).line()).isBetween(8, 10);
        Cli.Result r = Cli.run("kb", "check", "--kb", fixture("broken-drl").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("rules/demo.drl:").doesNotContain("\tat ");
    }

    @Test
    void aMalformedYamlEntryIsReportedWithFileAndLine() {
        List<Problem> problems = KbCommand.check(fixture("broken-yaml"));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).endsWith("knowledge-base/causes/demo.yaml");
            assertThat(p.line()).isEqualTo(9);
        });
    }

    @Test
    void duplicateIdsMissingRemediationAndUnknownFieldsAreReportedPerEntry() {
        List<String> problems = KbCommand.check(fixture("bad-entries")).stream().map(Problem::toString).toList();
        assertThat(problems).anyMatch(p -> p.contains("demo.yaml:8: duplicate cause id demo.fault"));
        assertThat(problems).anyMatch(p -> p.contains("demo.yaml:15: cause demo.no-plan has no remediation"));
        assertThat(problems).anyMatch(p -> p.contains("demo.yaml:20:") && p.contains("titel"));
    }

    @Test
    void rulesReferringToUnknownSymptomsOrCausesAreReported() {
        List<String> problems = KbCommand.check(fixture("unknown-refs")).stream().map(Problem::toString).toList();
        assertThat(problems).anyMatch(p -> p.startsWith("rules/demo.drl:15: rule refers to unknown symptom demo.never-defined"));
        assertThat(problems).anyMatch(p -> p.startsWith("rules/demo.drl:17: rule concludes unknown cause demo.no-such-cause"));
        assertThat(problems).anyMatch(p -> p.startsWith("rules/demo.drl:22: compare a symptom's value only after hasValue()"));
    }

    @Test
    void anUnknownCauseIdInAComplaintOrInExplainsIsReportedWithFileAndLine() {
        List<String> problems = KbCommand.check(fixture("bad-ids")).stream().map(Problem::toString).toList();
        assertThat(problems).anyMatch(p -> p.contains("complaints.yaml:2: complaint demo-broken: cause demo.fualt not in the knowledge base"));
        assertThat(problems).anyMatch(p -> p.contains("causes/demo.yaml:9: cause demo.upstream explains unknown cause demo.no-such-downstream"));
        assertThat(problems).noneMatch(p -> p.contains("demo.fault not in") || p.contains("unknown cause demo.fault"));
    }
}
