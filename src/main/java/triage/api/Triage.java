package triage.api;

import triage.diagnosis.Diagnosis;
import triage.diagnosis.HypothesisBuilder;
import triage.engine.RuleBase;
import triage.engine.SessionResult;
import triage.engine.SessionRunner;
import triage.evidence.Evidence;
import triage.evidence.EvidenceReader;
import triage.evidence.Recognizer;
import triage.facts.Answer;
import triage.facts.Symptom;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.KnowledgeBaseException;
import triage.knowledge.KnowledgeBaseLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one entry point for embedding triage: load the knowledge base and rules once, then diagnose
 * evidence as often as needed, from any number of threads. Holds no static state; close it when done.
 *
 * <pre>{@code
 * try (Triage triage = Triage.load(Path.of("/opt/triage"))) {
 *     Diagnosis d = triage.diagnose(List.of(Path.of("incident/")));
 *     d.causes().forEach(c -> System.out.println(c.id() + " " + c.confidence()));
 * }
 * }</pre>
 */
public final class Triage implements AutoCloseable {

    private final KnowledgeBase kb;
    private final RuleBase rules;
    private final EvidenceReader reader;
    private final SessionRunner runner;
    private final HypothesisBuilder hypotheses;

    private Triage(KnowledgeBase kb, RuleBase rules) {
        this.kb = kb;
        this.rules = rules;
        this.reader = new EvidenceReader(kb, new Recognizer(kb));
        this.runner = new SessionRunner(rules);
        this.hypotheses = new HypothesisBuilder(kb, rules);
    }

    /**
     * Loads {@code knowledge-base/} and compiles {@code rules/} under a project root.
     *
     * @throws KnowledgeBaseException with every problem (file and line) when either is broken
     */
    public static Triage load(Path projectRoot) {
        KnowledgeBase kb = new KnowledgeBaseLoader().load(projectRoot);
        if (!kb.problems().isEmpty()) {
            throw new KnowledgeBaseException(kb.problems());
        }
        return new Triage(kb, RuleBase.compile(projectRoot));
    }

    /** For tests and tools that built their parts already. */
    public static Triage of(KnowledgeBase kb, RuleBase rules) {
        return new Triage(kb, rules);
    }

    /** Reads evidence files and folders and diagnoses them. */
    public Diagnosis diagnose(List<Path> paths) {
        return diagnose(reader.read(paths));
    }

    /** Diagnoses one piece of evidence held in memory (a log excerpt, a webhook payload...). */
    public Diagnosis diagnose(String name, byte[] content) {
        return diagnose(reader.read(name, content));
    }

    public Diagnosis diagnose(Evidence evidence) {
        return diagnose(evidence.symptoms(), evidence.answers(), evidence.warnings());
    }

    /** Diagnoses symptom facts and answers directly. */
    public Diagnosis diagnose(List<Symptom> symptoms, List<Answer> answers, List<String> warnings) {
        List<Object> facts = new ArrayList<>(symptoms.size() + answers.size());
        facts.addAll(symptoms);
        facts.addAll(answers);
        SessionResult result = runner.run(facts);
        return hypotheses.build(result, symptoms, warnings);
    }

    public Evidence read(List<Path> paths) {
        return reader.read(paths);
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    public RuleBase rules() {
        return rules;
    }

    @Override
    public void close() {
        runner.close();
    }
}
