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
    void theRepositoryPassesWithNoErrorAndNoQualityFinding() {
        KbCommand.Report report = KbCommand.run(Path.of(""));
        assertThat(report.errors()).isEmpty();
        assertThat(report.findings()).isEmpty();
        assertThat(report.examples()).isGreaterThanOrEqualTo(2 * report.patterns());
        Cli.Result r = Cli.run("kb", "check");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("kb check: OK, " + report.patterns() + " patterns with " + report.examples() + " examples");
    }

    @Test
    void aQualityFindingFailsTheCheckUnlessItIsRunLeniently() {
        Path lint = fixture("kb-lint");
        KbCommand.Report report = KbCommand.run(lint);
        assertThat(report.findings()).isNotEmpty();
        int all = report.errors().size() + report.findings().size();
        Cli.Result strict = Cli.run("kb", "check", "--kb", lint.toString());
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.err()).contains(all + " problem(s)").doesNotContain("warning:");
        Cli.Result lenient = Cli.run("kb", "check", "--kb", lint.toString(), "--lenient");
        assertThat(lenient.err()).contains(report.errors().size() + " problem(s)").contains("warning: ");
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

    /** kb-lint holds one recognition entry per mistake; its problems are worked out once for all the tests below. */
    private static List<String> lintProblems;

    private static synchronized List<String> lint() {
        if (lintProblems == null) {
            lintProblems = KbCommand.check(fixture("kb-lint")).stream().map(Problem::toString).toList();
        }
        return lintProblems;
    }

    private static final String LINT = "knowledge-base/recognition/demo.yaml:";

    @Test
    void aProjectWithExamplesOnEveryPatternPassesAndSaysHowManyItChecked() {
        Cli.Result r = Cli.run("kb", "check", "--kb", fixture("minimal").toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("knowledge base and rules OK")
                .contains("kb check: OK, 1 patterns with 2 examples and 1 counter-examples");
    }

    @Test
    void anExampleThePatternDoesNotRecogniseIsAnError() {
        assertThat(lint()).anyMatch(p -> p.contains(LINT + "3: pattern for demo.seen: example 'ERROR demo: demo-fault on feed 3'"
                + " is not recognised: none of its keywords [demo fault] occurs in it"));
        assertThat(lint()).noneMatch(p -> p.contains("'ERROR demo: DEMO FAULT on feed 3' is not recognised"));
    }

    @Test
    void anExampleWhoseValueIsOutOfBoundsIsNotRecognisedInTheFileItsGateAdmits() {
        assertThat(lint()).anyMatch(p -> p.contains(LINT + "24: pattern for demo.seen: example 'df 50%' is not recognised:"
                + " its value is not within min 90.0"));
        assertThat(lint()).noneMatch(p -> p.contains("'df 95%' is not recognised"));
    }

    @Test
    void aCounterExampleThePatternRecognisesIsAnError() {
        assertThat(lint()).anyMatch(p -> p.contains(LINT + "11: pattern for demo.seen: counter-example 'INFO demo fault cleared'"
                + " is recognised as demo.seen"));
        assertThat(lint()).noneMatch(p -> p.contains("counter-example 'df 10%'"));
    }

    @Test
    void aPatternNeedsTwoExamplesAndACounterExample() {
        assertThat(lint()).anyMatch(p -> p.contains(LINT + "19: pattern for demo.seen has 1 example(s); needs at least 2"));
        assertThat(lint()).anyMatch(p -> p.contains(LINT + "19: pattern for demo.seen has no counter-example"));
        assertThat(lint()).noneMatch(p -> p.contains(LINT + "3: pattern for demo.seen has"));
    }

    @Test
    void aGateNoFileNameCanBeWrittenForAsksForExampleFile() {
        assertThat(lint()).anyMatch(p -> p.contains(LINT + "34: pattern for demo.seen: no file name its files: gate")
                && p.contains("give example_file:"));
    }

    @Test
    void anAlternativeNoKeywordReachesIsReportedWithItsText() {
        assertThat(lint()).anyMatch(p -> p.contains(LINT + "43: pattern for demo.seen: alternative 'broke' can match a line"
                + " with none of its keywords [demo fault, demo outage], which the pre-filter never lets through"));
        assertThat(lint()).noneMatch(p -> p.contains("alternative 'outage'") || p.contains("alternative 'fault'"));
    }

    @Test
    void aRegexThatBacktracksCatastrophicallyOnALongLineIsAnError() {
        // three runs of spaces can split a line of spaces in length^3 ways before '|' fails
        assertThat(lint()).anyMatch(p -> p.contains(LINT + "51: pattern for demo.seen: regex backtracks catastrophically"
                + " on a line of ' ' repeated"));
        assertThat(lint()).noneMatch(p -> p.contains(LINT + "43: pattern for demo.seen: regex backtracks"));
    }

    @Test
    void aLeadingDotStarBeforeAnAlternationIsAnError() {
        assertThat(lint()).anyMatch(p -> p.contains(LINT + "59: pattern for demo.seen: regex starts with '.*' before an alternation"));
        assertThat(lint()).noneMatch(p -> p.contains(LINT + "43: pattern for demo.seen: regex starts with"));
    }

    @Test
    void aKeywordShorterThanThreeCharactersIsAnError() {
        assertThat(lint()).anyMatch(p -> p.contains(LINT + "67: pattern for demo.seen: keyword 'e' is shorter than 3 characters"));
        assertThat(lint()).noneMatch(p -> p.contains("keyword 'demo fault' is shorter"));
    }

    @Test
    void aKeywordCommonInRoutineLogsIsAnError() {
        assertThat(lint()).anyMatch(p -> p.matches(".*" + LINT + "67: pattern for demo\\.seen: keyword 'info' occurs, without the pattern matching, in \\d+ of \\d+ routine log lines.*"));
        assertThat(lint()).noneMatch(p -> p.contains("keyword 'demo fault' occurs"));
    }

    @Test
    void aDownCauseWithoutAnUpstreamPathIsAnError() {
        String causes = "knowledge-base/causes/demo.yaml:";
        // demo-feed depends only on demo-clock, where no cause sits
        assertThat(lint()).anyMatch(p -> p.contains(causes + "9: cause demo.feed-down says a component is down,"
                + " unreachable or stopped but has no upstream path"));
        // demo-gateway depends on demo-network, where demo.network-partition sits
        assertThat(lint()).noneMatch(p -> p.contains("cause demo.gateway-unreachable says"));
    }
}
