package triage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import triage.consult.Complaints;
import triage.engine.RuleBase;
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

        @Override
        public Integer call() {
            List<Problem> problems = check(projectRoot.resolve());
            problems.forEach(p -> System.err.println(p));
            if (problems.isEmpty()) {
                System.out.println("knowledge base and rules OK");
                return TriageCommand.EXIT_OK;
            }
            System.err.println(problems.size() + " problem(s)");
            return TriageCommand.EXIT_PROBLEMS;
        }
    }

    /** Every problem of the knowledge base and the rules of a project. */
    static List<Problem> check(Path root) {
        List<Problem> problems = new ArrayList<>();
        KnowledgeBase kb;
        try {
            kb = new KnowledgeBaseLoader().load(root);
        } catch (KnowledgeBaseException e) {
            return e.problems();
        }
        problems.addAll(kb.problems());
        problems.addAll(Complaints.load(kb).problems());
        try {
            RuleBase rules = RuleBase.load(root); // also fills the rule cache, so the next diagnosis starts fast
            problems.addAll(RuleReferenceCheck.check(rules.sources(), kb));
            problems.addAll(UnrelatedJoinCheck.check(rules.sources(), kb));
        } catch (KnowledgeBaseException e) {
            problems.addAll(e.problems());
        }
        return problems;
    }
}
