package triage.cli;

import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import triage.api.Triage;
import triage.evidence.Evidence;
import triage.knowledge.KnowledgeBaseException;
import triage.knowledge.Problem;
import triage.consult.Complaint;
import triage.consult.Complaints;
import triage.consult.ConsultRunner;
import triage.consult.Consultation;
import triage.consult.RuleIndex;
import triage.output.Format;
import triage.output.Renderer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code triage consult}: an interactive question-and-answer session that asks the next most useful
 * question until a cause is established, then prints the diagnosis and its plan. On a terminal it uses
 * JLine (line editing, history, completion of the answers); otherwise it reads one answer per line and
 * prints the protocol of {@link ConsultRunner}.
 */
@Command(name = "consult", mixinStandardHelpOptions = true,
        description = "Interactive consultation: answers questions one at a time until a cause is established. "
                + "Without a terminal, reads one answer per line (see README.md, Consultation).")
public final class ConsultCommand implements Callable<Integer> {

    @Option(names = "--evidence", paramLabel = "PATH", arity = "1..*", description = "evidence already read (files or folders)")
    List<Path> evidence = new ArrayList<>();

    @Option(names = "--complaint", paramLabel = "TEXT", description = "the complaint to start from: its number, id or words")
    String complaint;

    @Option(names = "--save", paramLabel = "FILE", description = "write the answers as a symptom file for triage diagnose")
    Path save;

    @Mixin
    ProjectRootOption projectRoot;

    @Option(names = "--plain", description = "the line protocol even on a terminal")
    boolean plain;

    @Option(names = "--format", defaultValue = "text", converter = FormatOption.class, description = "the final diagnosis as text, json or markdown (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--explain", description = "show the rules and facts that led to each cause in the final diagnosis")
    boolean explain;

    @Spec
    CommandSpec spec;

    /** The answers' input: standard input, unless a test gives another. */
    InputStream stdin = System.in;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Renderer renderer = format.renderer();
        for (Path p : evidence) {
            if (!Files.exists(p)) {
                err.println("triage: " + p + ": no such file or folder");
                return TriageCommand.EXIT_USAGE;
            }
        }
        try (Triage triage = Triage.load(projectRoot.resolve())) {
            Evidence ev = evidence.isEmpty() ? null : triage.read(evidence);
            if (ev != null) {
                if (ev.nothingReadable()) {
                    err.println("triage: " + (ev.warnings().isEmpty() ? "no evidence could be read" : ev.warnings().get(0)));
                    return TriageCommand.EXIT_USAGE;
                }
                ev.warnings().forEach(w -> err.println("triage: warning: " + w));
            }
            Complaints complaints = Complaints.load(triage.knowledgeBase());
            Consultation consultation = new Consultation(triage, RuleIndex.of(triage.rules().sources()),
                    ev == null ? List.of() : ev.symptoms(), ev == null ? List.of() : ev.answers(), List.of());
            if (complaint != null) {
                List<Complaint> matching = complaints.matching(complaint);
                if (matching.size() != 1) {
                    err.println("triage: " + (matching.isEmpty() ? "no single complaint matches '" + complaint + "' (complaints: "
                            : "several complaints match '" + complaint + "', give one of them: ")
                            + String.join(", ", (matching.isEmpty() ? complaints.all() : matching).stream().map(Complaint::id).toList())
                            + (matching.isEmpty() ? ")" : ""));
                    return TriageCommand.EXIT_USAGE;
                }
                consultation.complaint(matching.get(0));
            }
            boolean terminal = !plain && System.console() != null && stdin == System.in;
            boolean choose = complaint == null && ev == null;
            if (terminal) {
                return interactive(consultation, complaints, renderer, choose);
            }
            PrintWriter out = spec.commandLine().getOut();
            BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            new ConsultRunner(consultation, complaints, prompt -> reader.readLine(), out, false)
                    .renderer(renderer, explain).save(save).chooseComplaint(choose).run();
            out.flush();
            return TriageCommand.EXIT_OK;
        } catch (KnowledgeBaseException e) {
            for (Problem p : e.problems()) {
                err.println("triage: " + p);
            }
            return TriageCommand.EXIT_USAGE;
        }
    }

    private int interactive(Consultation consultation, Complaints complaints, Renderer renderer, boolean choose) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            List<String> words = new ArrayList<>(List.of("yes", "no", "unknown", "why", "how", "back", "restart", "quit", "help"));
            complaints.all().forEach(c -> words.add(c.id()));
            Completer completer = new StringsCompleter(words);
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("triage-consult")
                    .completer(completer).build();
            PrintWriter out = terminal.writer();
            ConsultRunner.Lines lines = prompt -> {
                try {
                    return reader.readLine(prompt == null ? "> " : prompt);
                } catch (UserInterruptException e) {
                    return "quit"; // Ctrl-C ends the session as quit does: what is known so far, and the plan
                } catch (EndOfFileException e) {
                    return null;
                }
            };
            new ConsultRunner(consultation, complaints, lines, out, true)
                    .renderer(renderer, explain).save(save).chooseComplaint(choose).run();
            out.flush();
            return TriageCommand.EXIT_OK;
        }
    }
}
