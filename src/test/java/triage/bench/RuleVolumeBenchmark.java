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
import org.openjdk.jmh.annotations.Warmup;
import triage.engine.RuleBase;
import triage.engine.SessionResult;
import triage.engine.SessionRunner;
import triage.facts.Symptom;
import triage.knowledge.KnowledgeBaseLoader;
import triage.knowledge.rules.UnrelatedJoinCheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The project's own rules over many per-subject facts (per-symbol series, per-host metrics): time per
 * session should grow linearly with the facts. {@code bench/run.sh volume}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RuleVolumeBenchmark {

    @Param({"10000", "50000", "100000"})
    int facts;

    private SessionRunner runner;
    private List<Object> bundle;

    @Setup(Level.Trial)
    public void setUp() {
        Path root = Path.of(System.getProperty("triage.root", "."));
        RuleBase rules = RuleBase.load(root);
        runner = new SessionRunner(rules, SessionRunner.DEFAULT_FIRING_LIMIT, 600_000);
        List<String> ids = UnrelatedJoinCheck.symptomsWithSubject(new KnowledgeBaseLoader().load(root))
                .stream().sorted().toList();
        bundle = new ArrayList<>(facts);
        for (int i = 0; i < facts; i++) {
            bundle.add(new Symptom(ids.get(i % ids.size()), "subject-" + (i / ids.size()), 1, 1.0, 1.0, 0, 0, Map.of(), List.of()));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        runner.close();
    }

    @Benchmark
    public SessionResult session() {
        return runner.run(bundle);
    }
}
