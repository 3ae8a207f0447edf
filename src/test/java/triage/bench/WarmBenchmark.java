package triage.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import triage.api.Triage;
import triage.diagnosis.Diagnosis;
import triage.evidence.Evidence;
import triage.evidence.EvidenceReader;
import triage.evidence.Recognizer;
import triage.facts.Answer;
import triage.facts.Symptom;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.KnowledgeBaseLoader;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Warm path, one thread: a diagnosis of a typical bundle (the symptoms the reader finds in a public
 * case, topped up to {@code symptoms} facts over the ids the rules test) beside the cost of only
 * reading that case's evidence from memory. The rule engine's share is
 * {@code diagnose / (read + diagnose)}. Run by {@code bench/run.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class WarmBenchmark {

    @Param({"400"})
    int rules;

    @Param({"20"})
    int symptoms;

    private Triage triage;
    private EvidenceReader reader;
    private byte[] evidence;
    private List<Symptom> bundle;

    @Setup(Level.Trial)
    public void setUp() {
        KnowledgeBase kb = new KnowledgeBaseLoader().load(BenchFixtures.projectRoot());
        triage = Triage.of(kb, BenchFixtures.rules(rules));
        reader = new EvidenceReader(kb, new Recognizer(kb));
        evidence = BenchFixtures.caseEvidence();
        bundle = new ArrayList<>(reader.read(BenchFixtures.CASE + ".log", evidence).symptoms());
        for (Object o : BenchFixtures.symptoms(symptoms)) {
            if (bundle.size() >= symptoms) {
                break;
            }
            bundle.add((Symptom) o);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        triage.close();
    }

    /** Only reading the evidence: recognising symptoms in the case's bytes. */
    @Benchmark
    public Evidence read() {
        return reader.read(BenchFixtures.CASE + ".log", evidence);
    }

    /** Only the diagnosis of the bundle: session, rules, certainty, hypotheses, remediation plan. */
    @Benchmark
    public Diagnosis diagnose() {
        return triage.diagnose(bundle, List.<Answer>of(), List.of());
    }

    /** Reading and diagnosing, as a service does per request. */
    @Benchmark
    public Diagnosis readAndDiagnose() {
        Evidence e = reader.read(BenchFixtures.CASE + ".log", evidence);
        List<Symptom> s = new ArrayList<>(e.symptoms());
        for (int i = s.size(); i < bundle.size(); i++) {
            s.add(bundle.get(i));
        }
        return triage.diagnose(s, e.answers(), e.warnings());
    }
}
