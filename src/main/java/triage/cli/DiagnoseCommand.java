package triage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import triage.api.Triage;
import triage.diagnosis.Diagnosis;
import triage.engine.RuleCache;
import triage.evidence.Evidence;
import triage.knowledge.KnowledgeBaseException;
import triage.knowledge.Problem;
import triage.output.Renderer;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code triage diagnose PATH...}: ranked causes, their evidence and remediation. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Diagnose evidence: symptom files, logs, Prometheus metrics, Alertmanager payloads, "
                + "health JSON, command outputs, folders and .tar.gz/.zip bundles.")
final class DiagnoseCommand implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "text", description = "text, json or markdown (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--explain", description = "show the rules and facts that led to each cause")
    boolean explain;

    @Mixin
    ProjectRootOption projectRoot;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "evidence files or folders")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        Renderer renderer;
        try {
            renderer = Renderer.forFormat(format);
        } catch (IllegalArgumentException e) {
            err.println("triage: " + e.getMessage());
            return TriageCommand.EXIT_USAGE;
        }
        for (Path p : paths) {
            if (!Files.exists(p)) {
                err.println("triage: " + triage.evidence.ControlCharacters.escape(p.toString()) + ": no such file or folder");
                return TriageCommand.EXIT_USAGE;
            }
        }
        // the rules load (from the rule cache when unchanged) on another thread while the evidence is read
        try (Triage triage = Triage.start(projectRoot.resolve(), RuleCache.fromEnvironment())) {
            Evidence evidence = triage.read(paths);
            if (evidence.nothingReadable()) {
                if (evidence.warnings().isEmpty()) {
                    err.println("triage: no evidence could be read");
                }
                evidence.warnings().forEach(w -> err.println("triage: " + w));
                return TriageCommand.EXIT_USAGE;
            }
            evidence.warnings().forEach(w -> err.println("triage: warning: " + w));
            Diagnosis diagnosis = triage.diagnose(evidence);
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.print(renderer.render(withoutWarnings(diagnosis, renderer), explain));
            out.flush();
            return TriageCommand.EXIT_OK;
        } catch (KnowledgeBaseException e) {
            for (Problem p : e.problems()) {
                err.println("triage: " + p);
            }
            return TriageCommand.EXIT_USAGE;
        }
    }

    /** Warnings already went to stderr; JSON keeps them as a field, text does not repeat them. */
    private static Diagnosis withoutWarnings(Diagnosis d, Renderer renderer) {
        if (renderer instanceof triage.output.JsonRenderer) {
            return d;
        }
        return new Diagnosis(d.causes(), d.candidates(), d.symptoms(), List.of());
    }
}
