package triage.cli;

import triage.testing.TestTriage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code triage kb coverage} on a small fixture project (src/test/resources/coverage-fixture). */
class KbCoverageCommandTest {

    private static final Path FIXTURE = Path.of("src/test/resources/coverage-fixture").toAbsolutePath();

    private record Run(int exit, String out) {
    }

    private static Run coverage(Path project, String... more) {
        StringWriter out = new StringWriter();
        CommandLine cl = TriageCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        List<String> args = new ArrayList<>(List.of("kb", "coverage", "--kb", project.toString(),
                "--catalog", project.resolve("catalog.yaml").toString(), "--guides", project.resolve("seeds").toString()));
        args.addAll(List.of(more));
        int exit = cl.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString());
    }

    @Test
    void theRulesNoTestFiredAreListedAndCounted(@TempDir Path tmp) throws IOException {
        TestTriage.copyTree(FIXTURE, tmp);
        Files.writeString(tmp.resolve("rules/more.drl"), """
                package triage.rules;
                import triage.facts.Symptom;
                import triage.facts.Support;
                rule "Seeing the demo symptom twice concludes the other cause"
                when
                    Symptom( id == "demo.seen", count >= 2 )
                then
                    insertLogical(Support.of("demo.uncovered", 0.6, drools));
                end
                """);
        Path fired = tmp.resolve("fired.txt");
        Files.writeString(fired, "Seeing the demo symptom concludes the covered cause\n");
        String out = coverage(tmp, "--fired", fired.toString()).out();
        String listing = out.substring(out.indexOf("rules no test fires"));
        assertThat(listing)
                .startsWith("rules no test fires (1 of 2")
                .contains("    Seeing the demo symptom twice concludes the other cause")
                .doesNotContain("    Seeing the demo symptom concludes the covered cause");
    }

    @Test
    void withoutRecordedFiringsTheRuleListingIsLeftOut() {
        assertThat(coverage(FIXTURE).out()).doesNotContain("rules no test fires");
    }

    @Test
    void aCatalogedCauseWithoutARuleFailsTheCoverage() {
        Run run = coverage(FIXTURE);
        assertThat(run.exit()).isEqualTo(TriageCommand.EXIT_PROBLEMS);
        assertThat(run.out())
                .contains("no rule (1): demo.uncovered")
                .contains("no remediation (0): -")
                .contains("Seeing the demo symptom concludes the covered cause (demo.drl)");
    }

    @Test
    void sectionsAreDetectedAsTheGuideWritesThemAndMatchedToTheCatalog() {
        String out = coverage(FIXTURE).out();
        assertThat(out)
                .contains("1.1 FIRST SECTION -> demo.covered")
                .contains("Issue: Second Problem -> demo.uncovered")
                .contains("Unreferenced Section -> -")
                .contains("Symptom -> (within \"Issue: Second Problem\")")
                .contains("sections no cause cites (1): guide.txt#Unreferenced Section")
                .contains("sources naming no heading (1): guide.txt#No Such Heading")
                .doesNotContain("Check the demo service")   // a comment inside a code block
                .doesNotContain("Version    Date");          // a table header over a rule
    }

    @Test
    void aRuleForEveryCauseMakesTheCoveragePass(@TempDir Path tmp) throws IOException {
        TestTriage.copyTree(FIXTURE, tmp);
        Files.writeString(tmp.resolve("rules/more.drl"), """
                package triage.rules;
                import triage.facts.Symptom;
                import triage.facts.Support;
                rule "Seeing the demo symptom twice concludes the other cause"
                when
                    Symptom( id == "demo.seen", count >= 2 )
                then
                    insertLogical(Support.of("demo.uncovered", 0.6, drools));
                end
                """);
        Run run = coverage(tmp);
        assertThat(run.out()).contains("no rule (0): -");
        assertThat(run.exit()).isEqualTo(TriageCommand.EXIT_OK);
    }

    @Test
    void examplesAreCountedPerSymptom() {
        assertThat(coverage(FIXTURE).out()).contains("EXAMPLES PER SYMPTOM\n  demo.seen: 2\n");
    }

    @Test
    void variantsAreCountedPerCauseOnlyWhenTheirExpectedYamlNamesTheCause() {
        String out = coverage(FIXTURE).out();
        // hft-journald sits in demo.covered's folder but expects demo.uncovered: not a variant of either
        assertThat(out).contains("  demo.covered: 2 (systems: 003 HFT (Binance); Rust algorithmic trading (Alpaca)"
                        + " | layouts: python-logging; rust-tracing | kinds: log)")
                .contains("  demo.uncovered: 3 (systems: Nautilus | layouts: logback | kinds: log)")
                .contains("  fewer than 3 variants (1): demo.covered");
    }

    /** The project itself: every catalogued cause has a rule, a remediation and a test that concludes it. */
    @Test
    void onTheProjectItselfEveryCatalogedCauseIsConcludedByARuleAndByATest() {
        Path root = triage.testing.TestTriage.projectRoot();
        Path catalog = root.resolve("../shared/contract/causes.yaml").normalize();
        triage.testing.SharedData.require(catalog);
        StringWriter out = new StringWriter();
        CommandLine cl = TriageCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        int exit = cl.execute("kb", "coverage", "--kb", root.toString());
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).containsPattern("causes (\\d+): with rules \\1, with tests \\1, with remediation \\1")
                .contains("no test (0): -");
    }
}
