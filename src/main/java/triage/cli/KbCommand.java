package triage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import triage.consult.Complaints;
import triage.engine.RuleBase;
import triage.kbcheck.ExampleCheck;
import triage.kbcheck.KeywordReach;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.KnowledgeBaseException;
import triage.knowledge.KnowledgeBaseLoader;
import triage.knowledge.Problem;
import triage.knowledge.RuleReferenceCheck;

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

        @Override
        public Integer call() {
            Report report = run(projectRoot.resolve());
            List<Problem> problems = report.problems();
            problems.forEach(p -> System.err.println(p));
            if (problems.isEmpty()) {
                System.out.println("knowledge base and rules OK");
                System.out.println("kb check: OK, " + report.patterns() + " patterns with " + report.examples()
                        + " examples and " + report.counterExamples() + " counter-examples");
                return TriageCommand.EXIT_OK;
            }
            System.err.println(problems.size() + " problem(s)");
            return TriageCommand.EXIT_PROBLEMS;
        }
    }

    /** The problems found, and how many patterns, examples and counter-examples were checked. */
    record Report(List<Problem> problems, int patterns, int examples, int counterExamples) {
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
            return new Report(e.problems(), 0, 0, 0);
        }
        problems.addAll(kb.problems());
        problems.addAll(Complaints.load(kb).problems());
        try {
            RuleBase rules = RuleBase.load(root); // also fills the rule cache, so the next diagnosis starts fast
            problems.addAll(RuleReferenceCheck.check(rules.sources(), kb));
        } catch (KnowledgeBaseException e) {
            problems.addAll(e.problems());
        }
        ExampleCheck.Result examples = ExampleCheck.check(kb);
        problems.addAll(examples.problems());
        problems.addAll(KeywordReach.check(kb));
        return new Report(problems, examples.patterns(), examples.examples(), examples.counterExamples());
    }
}
