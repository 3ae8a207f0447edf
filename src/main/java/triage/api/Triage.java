package triage.api;

import triage.diagnosis.Diagnosis;
import triage.diagnosis.HypothesisBuilder;
import triage.engine.RuleBase;
import triage.engine.RuleCache;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
    private final CompletableFuture<RuleBase> rules;
    private final EvidenceReader reader;
    private volatile Engine engine;

    /** The parts that need the compiled rules, made once they are there. */
    private record Engine(RuleBase rules, SessionRunner runner, HypothesisBuilder hypotheses) {
    }

    private Triage(KnowledgeBase kb, CompletableFuture<RuleBase> rules) {
        this.kb = kb;
        this.rules = rules;
        this.reader = new EvidenceReader(kb, new Recognizer(kb));
    }

    /**
     * Loads {@code knowledge-base/} and the compiled {@code rules/} under a project root (from the
     * rule cache when these rules were compiled before, see {@link RuleCache}).
     *
     * @throws KnowledgeBaseException with every problem (file and line) when either is broken
     */
    public static Triage load(Path projectRoot) {
        return load(projectRoot, RuleCache.fromEnvironment());
    }

    public static Triage load(Path projectRoot, RuleCache cache) {
        Triage triage = start(projectRoot, cache);
        triage.rules();
        return triage;
    }

    /**
     * Like {@link #load(Path, RuleCache)}, but returns as soon as the knowledge base is read, while
     * the rules are still loading on another thread: evidence can be read meanwhile. A broken rule
     * base then throws its {@link KnowledgeBaseException} from the first diagnosis.
     */
    public static Triage start(Path projectRoot, RuleCache cache) {
        CompletableFuture<RuleBase> rules = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                rules.complete(RuleBase.load(projectRoot, cache));
            } catch (Throwable e) {
                rules.completeExceptionally(e);
            }
        }, "triage-rule-loader");
        loader.setDaemon(true);
        loader.start();
        KnowledgeBase kb = new KnowledgeBaseLoader().load(projectRoot);
        if (!kb.problems().isEmpty()) {
            throw new KnowledgeBaseException(kb.problems());
        }
        return new Triage(kb, rules);
    }

    /** For tests and tools that built their parts already. */
    public static Triage of(KnowledgeBase kb, RuleBase rules) {
        return new Triage(kb, CompletableFuture.completedFuture(rules));
    }

    private Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    RuleBase r = rules();
                    e = new Engine(r, new SessionRunner(r), new HypothesisBuilder(kb, r));
                    engine = e;
                }
            }
        }
        return e;
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
        Engine e = engine();
        SessionResult result = e.runner().run(facts);
        return e.hypotheses().build(result, symptoms, warnings);
    }

    public Evidence read(List<Path> paths) {
        return reader.read(paths);
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /** The compiled rules; waits for them when they are still loading. */
    public RuleBase rules() {
        try {
            return rules.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        Engine e = engine;
        if (e != null) {
            e.runner().close();
        }
    }
}
