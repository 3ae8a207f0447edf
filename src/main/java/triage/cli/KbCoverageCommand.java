package triage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import triage.knowledge.Coverage;
import triage.knowledge.Exercise;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.KnowledgeBaseException;
import triage.knowledge.KnowledgeBaseLoader;
import triage.knowledge.rules.RuleModel;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code triage kb coverage}: for every catalogued cause its rules, tests, guide sections and
 * remediation; for every guide section the causes covering it; totals and gaps. Exits 1 when a
 * catalogued cause has no rule or no remediation in the knowledge base.
 */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "Report which rules, tests, guide sections and remediation cover each catalogued cause; "
                + "exits 1 when a cause has no rule or no remediation.")
final class KbCoverageCommand implements Callable<Integer> {

    @Mixin
    ProjectRootOption projectRoot;

    @Option(names = "--catalog", paramLabel = "FILE",
            description = "cause catalog (default: ../shared/contract/causes.yaml beside the project root)")
    Path catalog;

    @Option(names = "--guides", paramLabel = "DIR",
            description = "folder of the troubleshooting guides (default: ../shared/seeds beside the project root)")
    Path guides;

    @Option(names = "--fired", paramLabel = "FILE",
            description = "rule names the tests fired, one a line (default: target/rule-firings.txt when present, "
                    + "written by the test suite); lists the rules no test fires")
    Path fired;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path root = projectRoot.resolve().toAbsolutePath().normalize();
        Path catalogFile = catalog != null ? catalog : root.resolve("../shared/contract/causes.yaml").normalize();
        Path guideDir = guides != null ? guides : root.resolve("../shared/seeds").normalize();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(catalogFile)) {
            err.println("triage: no cause catalog at " + catalogFile + " (use --catalog FILE)");
            return TriageCommand.EXIT_USAGE;
        }
        List<Coverage.CatalogEntry> entries = readCatalog(catalogFile);
        KnowledgeBase base = null;
        try {
            base = new KnowledgeBaseLoader().load(root);
        } catch (KnowledgeBaseException e) {
            e.problems().forEach(p -> err.println(p));
        }
        Map<String, String> tests = new LinkedHashMap<>();
        Coverage.readTree(root.resolve("src/test/java"), ".java").forEach((file, text) ->
                tests.put(file.substring(file.lastIndexOf('/') + 1, file.length() - ".java".length()), text));
        Map<String, String> guideTexts = new LinkedHashMap<>();
        Coverage.readTree(guideDir, ".txt").forEach((file, text) -> guideTexts.put(Path.of(file).getFileName().toString(), text));
        Map<String, String> drl = Coverage.readTree(root.resolve("rules"), ".drl");
        Coverage.Report report = Coverage.of(entries, base, drl, tests, guideTexts);
        print(report, out);
        printExercise(base, root, entries.stream().map(Coverage.CatalogEntry::id).toList(), out);
        Path firedFile = fired != null ? fired : root.resolve("target/rule-firings.txt");
        if (fired != null && !Files.isRegularFile(firedFile)) {
            err.println("triage: no rule firings at " + firedFile);
            return TriageCommand.EXIT_USAGE;
        }
        if (Files.isRegularFile(firedFile)) {
            RuleModel model = RuleModel.parse(drl);
            Set<String> firedRules = new HashSet<>(Files.readAllLines(firedFile, StandardCharsets.UTF_8));
            List<String> unfired = Coverage.unfiredRules(model, firedRules);
            out.println("  rules no test fires (" + unfired.size() + " of " + model.rules().size() + ", firings from "
                    + firedFile + "):");
            unfired.forEach(rule -> out.println("    " + rule));
        }
        out.flush();
        return report.complete() ? TriageCommand.EXIT_OK : TriageCommand.EXIT_PROBLEMS;
    }

    static List<Coverage.CatalogEntry> readCatalog(Path file) throws IOException {
        JsonNode root = KnowledgeBaseLoader.newYamlMapper().readTree(file.toFile());
        List<Coverage.CatalogEntry> out = new ArrayList<>();
        if (root != null) {
            for (JsonNode n : root) {
                List<String> sources = new ArrayList<>();
                n.path("sources").forEach(s -> sources.add(s.asText()));
                if (n.hasNonNull("id")) {
                    out.add(new Coverage.CatalogEntry(n.get("id").asText(), sources));
                }
            }
        }
        return out;
    }

    private static void print(Coverage.Report r, PrintWriter out) {
        out.println("CAUSES");
        for (Coverage.CauseCoverage c : r.causes()) {
            out.println(c.id());
            out.println("  rules:       " + list(c.rules()));
            out.println("  tests:       " + list(c.tests()));
            out.println("  guide:       " + list(c.sources()));
            out.println("  remediation: " + (c.inKnowledgeBase() ? c.remediationSteps() + " step(s)" : "- (not in knowledge base)"));
        }
        out.println();
        out.println("SECTIONS");
        String guide = null;
        for (Coverage.SectionCoverage s : r.sections()) {
            if (!s.guide().equals(guide)) {
                guide = s.guide();
                out.println(guide);
            }
            String how = !s.causes().isEmpty() ? list(s.causes())
                    : s.within() != null ? "(within \"" + s.within() + "\")"
                    : s.throughSubsections() ? "(through its subsections)" : "-";
            out.println("  " + s.heading().line() + ": " + s.heading().title() + " -> " + how);
        }
        out.println();
        int n = r.causes().size();
        out.println("TOTALS");
        out.println("  causes " + n + ": with rules " + (n - r.withoutRule().size()) + ", with tests " + (n - r.withoutTest().size())
                + ", with remediation " + (n - r.withoutRemediation().size()));
        out.println("  guide sections " + r.sections().size() + ": covered " + (r.sections().size() - r.uncoveredSections().size()));
        out.println();
        out.println("GAPS");
        out.println("  no rule (" + r.withoutRule().size() + "): " + list(r.withoutRule()));
        out.println("  no remediation (" + r.withoutRemediation().size() + "): " + list(r.withoutRemediation()));
        out.println("  no test (" + r.withoutTest().size() + "): " + list(r.withoutTest()));
        out.println("  sections no cause cites (" + r.uncoveredSections().size() + "): " + list(r.uncoveredSections()));
        out.println("  sources naming no heading (" + r.unmatchedSources().size() + "): " + list(r.unmatchedSources()));
    }

    /** Examples per symptom and variants per cause: how much of the knowledge the tests exercise. */
    private static void printExercise(KnowledgeBase base, Path root, List<String> causes, PrintWriter out) {
        out.println();
        out.println("EXAMPLES PER SYMPTOM");
        if (base != null) {
            Exercise.examplesPerSymptom(base).forEach((symptom, n) -> out.println("  " + symptom + ": " + n));
        }
        out.println();
        out.println("VARIANTS PER CAUSE");
        List<Exercise.CauseVariants> variants = Exercise.variants(root, causes);
        for (Exercise.CauseVariants v : variants) {
            out.println("  " + v.cause() + ": " + v.variants() + " (systems: " + list(v.systems()) + " | layouts: "
                    + list(v.layouts()) + " | kinds: " + list(v.kinds()) + ")");
        }
        List<String> few = variants.stream().filter(v -> v.variants() < Exercise.MIN_VARIANTS)
                .map(Exercise.CauseVariants::cause).toList();
        out.println("  fewer than " + Exercise.MIN_VARIANTS + " variants (" + few.size() + "): " + list(few));
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "-" : String.join("; ", items);
    }
}
