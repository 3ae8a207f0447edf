package triage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import triage.consult.Complaints;
import triage.engine.RuleBase;
import triage.kbcheck.BacktrackingCheck;
import triage.kbcheck.CascadeCheck;
import triage.kbcheck.QuestionWordingCheck;
import triage.consult.Questions;
import triage.kbcheck.ExampleCheck;
import triage.kbcheck.KeywordCheck;
import triage.kbcheck.KeywordReach;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.KnowledgeBaseException;
import triage.knowledge.KnowledgeBaseLoader;
import triage.knowledge.Problem;
import triage.knowledge.RuleReferenceCheck;
import triage.knowledge.rules.UnrelatedJoinCheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code triage kb check}: compile the rules and validate the knowledge base. */
@Command(name = "kb", mixinStandardHelpOptions = true, description = "Knowledge base tools.",
        subcommands = {KbCommand.Check.class, KbCoverageCommand.class})
final class KbCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Compile rules/ and validate knowledge-base/; exits 1 on any problem, naming file and line.")
    static final class Check implements Callable<Integer> {
        @Mixin
        ProjectRootOption projectRoot;

        @Option(names = "--lenient", description = "list the quality findings (unreachable alternatives, short or "
                + "common keywords, a leading .* before an alternation, down causes without an upstream path) as "
                + "warnings instead of failing on them, while a knowledge base is being worked on")
        boolean lenient;

        @Override
        public Integer call() {
            Report report = run(projectRoot.resolve());
            List<Problem> problems = lenient ? report.errors() : report.problems();
            problems.forEach(p -> System.err.println(p));
            if (lenient) {
                report.findings().forEach(p -> System.err.println("warning: " + p));
            }
            if (problems.isEmpty()) {
                System.out.println("knowledge base and rules OK");
                System.out.println("kb check: OK, " + report.patterns() + " patterns with " + report.examples()
                        + " examples and " + report.counterExamples() + " counter-examples");
                if (lenient && !report.findings().isEmpty()) {
                    System.out.println("kb check: " + report.findings().size()
                            + " quality finding(s) listed as warnings (without --lenient they fail the check)");
                }
                return TriageCommand.EXIT_OK;
            }
            System.err.println(problems.size() + " problem(s)");
            return TriageCommand.EXIT_PROBLEMS;
        }
    }

    /**
     * What a check found: errors (the knowledge base is wrong: unknown ids, unreadable entries, examples not
     * recognised, counter-examples recognised, catastrophic regexes) and quality findings (unreachable
     * alternatives, weak keywords, a leading {@code .*} before an alternation, down causes without an upstream
     * path), and how many patterns, examples and counter-examples were checked.
     */
    record Report(List<Problem> errors, List<Problem> findings, int patterns, int examples, int counterExamples) {
        List<Problem> problems() {
            List<Problem> all = new ArrayList<>(errors);
            all.addAll(findings);
            return all;
        }
    }

    /** Every problem of the knowledge base and the rules of a project. */
    static List<Problem> check(Path root) {
        return run(root).problems();
    }

    static Report run(Path root) {
        List<Problem> problems = new ArrayList<>();
        KnowledgeBase kb;
        try {
            kb = new KnowledgeBaseLoader().load(root);
        } catch (KnowledgeBaseException e) {
            return new Report(e.problems(), List.of(), 0, 0, 0);
        }
        problems.addAll(kb.problems());
        problems.addAll(Complaints.load(kb).problems());
        Questions questions = Questions.load(kb);
        problems.addAll(questions.problems());
        problems.addAll(QuestionWordingCheck.check(kb, questions));
        try {
            RuleBase rules = RuleBase.load(root); // also fills the rule cache, so the next diagnosis starts fast
            problems.addAll(RuleReferenceCheck.check(rules.sources(), kb));
            problems.addAll(UnrelatedJoinCheck.check(rules.sources(), kb));
        } catch (KnowledgeBaseException e) {
            problems.addAll(e.problems());
        }
        ExampleCheck.Result examples = ExampleCheck.check(kb);
        problems.addAll(examples.problems());
        List<Problem> findings = new ArrayList<>(KeywordReach.check(kb));
        for (Problem p : BacktrackingCheck.check(kb)) {
            (p.message().contains("regex starts with") ? findings : problems).add(p);
        }
        findings.addAll(KeywordCheck.check(kb));
        findings.addAll(CascadeCheck.check(kb));
        return new Report(problems, findings, examples.patterns(), examples.examples(), examples.counterExamples());
    }
}
