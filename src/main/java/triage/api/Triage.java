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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one entry point for embedding triage: load the knowledge base and rules once, then diagnose
 * evidence as often as needed, from any number of threads.
 *
 * <p><b>Thread safety.</b> An instance is immutable after {@link #load(Path)}: the knowledge base and
 * the compiled rule base (one Drools {@code KieBase}) are shared read-only, and every {@code diagnose}
 * call reads its evidence with its own state and runs its own, fresh rule session, disposed before the
 * call returns. Calls never wait for each other. Nothing is static: several instances (over different
 * project roots, say) can live in one JVM.
 *
 * <p><b>Lifecycle.</b> Loading takes the compiled rules from the rule cache (or compiles the DRL, which
 * costs seconds, the first time after an edit); a diagnosis costs milliseconds. Close
 * the instance when done: it stops the watchdog thread that bounds rule sessions in time. Diagnosing
 * after {@link #close()} is an {@link IllegalStateException}.
 *
 * <pre>{@code
 * try (Triage triage = Triage.load(Path.of("/opt/triage"))) {
 *     Diagnosis d = triage.diagnose(List.of(Path.of("incident/")));
 *     d.causes().forEach(c -> System.out.println(c.id() + " " + c.confidence()));
 *
 *     Diagnosis fromAlert = triage.diagnoseAlertmanager(webhookBody);  // Alertmanager v4 payload bytes
 * }
 * }</pre>
 *
 * @see triage.diagnosis.Diagnosis
 * @see triage.output.JsonRenderer for the contract's JSON of a diagnosis
 */
public final class Triage implements AutoCloseable {

    private final KnowledgeBase kb;
    private final CompletableFuture<RuleBase> rules;
    private final EvidenceReader reader;
    private volatile Engine engine;
    private final AtomicBoolean closed = new AtomicBoolean();

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

    /**
     * Reads evidence files and folders (recursively; {@code .tar.gz} and {@code .zip} bundles too) and
     * diagnoses them together. Files that cannot be read are warnings in the result.
     */
    public Diagnosis diagnose(List<Path> paths) {
        return diagnose(reader.read(paths));
    }

    /**
     * Diagnoses one piece of evidence held in memory: a log excerpt, a metrics scrape, an Alertmanager
     * payload, command output... Its kind is recognised from the content.
     *
     * @param name    the name cited as the evidence's source ({@code name:line})
     * @param content the file's bytes (UTF-8 text, or a gzip/zip/tar bundle)
     */
    public Diagnosis diagnose(String name, byte[] content) {
        return diagnose(reader.read(name, content));
    }

    /**
     * Diagnoses several in-memory evidence files together, as one incident (what {@code triage diagnose}
     * does with several files): the same symptom seen in two files counts in both.
     *
     * @param files file name to content, in the order they should be read
     */
    public Diagnosis diagnose(Map<String, byte[]> files) {
        return diagnose(read(files));
    }

    /**
     * Diagnoses an Alertmanager webhook payload (version 4): every alert of the group is evidence, its
     * labels matched against the knowledge base's alert names and its annotations read like log lines.
     *
     * @throws InvalidPayloadException when the bytes are not such a payload (see {@link AlertGroup#parse})
     */
    public Diagnosis diagnoseAlertmanager(byte[] payload) {
        return diagnose(AlertGroup.parse(payload));
    }

    /** Diagnoses an Alertmanager alert group already parsed with {@link AlertGroup#parse(byte[])}. */
    public Diagnosis diagnose(AlertGroup group) {
        return diagnose(reader.read("alertmanager-webhook.json", group.payload()));
    }

    /** Diagnoses evidence read beforehand with {@link #read(List)} or {@link #read(Map)}. */
    public Diagnosis diagnose(Evidence evidence) {
        return diagnose(evidence.symptoms(), evidence.answers(), evidence.warnings());
    }

    /**
     * Diagnoses symptom facts and answers directly, as a consultation or an embedding program knows them.
     *
     * @param warnings carried into the result as they are, with a warning naming the rule when one kept
     *                 firing past the session's limits (what was concluded until then is still reported)
     */
    public Diagnosis diagnose(List<Symptom> symptoms, List<Answer> answers, List<String> warnings) {
        if (closed.get()) {
            throw new IllegalStateException("this Triage instance is closed");
        }
        List<Object> facts = new ArrayList<>(symptoms.size() + answers.size());
        facts.addAll(symptoms);
        facts.addAll(answers);
        Engine e = engine();
        SessionResult result = e.runner().run(facts);
        return e.hypotheses().build(result, symptoms, warnings);
    }

    /** Reads evidence files and folders without diagnosing them (to inspect warnings first, say). */
    public Evidence read(List<Path> paths) {
        return reader.read(paths);
    }

    /** Reads in-memory evidence files together, without diagnosing them. */
    public Evidence read(Map<String, byte[]> files) {
        List<Evidence> parts = new ArrayList<>(files.size());
        files.forEach((name, content) -> parts.add(reader.read(name, content)));
        return parts.isEmpty() ? new Evidence(List.of(), List.of(), List.of(), 0, 0) : EvidenceMerge.merge(parts);
    }

    /** The loaded knowledge base: causes, symptoms, recognition, components. */
    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /** The compiled rules, shared by every diagnosis; waits for them when they are still loading. */
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

    /** Stops the session watchdog. Idempotent; diagnoses already running finish. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Engine e = engine;
            if (e != null) {
                e.runner().close();
            }
        }
    }
}
