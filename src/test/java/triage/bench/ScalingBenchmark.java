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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How one rule session's time grows with the number of symptom facts and with the number of rules
 * (generated rule sets, see {@link RuleSetGenerator}). Run by {@code bench/run.sh} as two sweeps:
 * facts at 400 rules, and rules at 20 facts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ScalingBenchmark {

    @Param({"10", "100", "1000", "10000"})
    int facts;

    @Param({"400"})
    int rules;

    private SessionRunner runner;
    private List<Object> bundle;

    @Setup(Level.Trial)
    public void setUp() {
        RuleBase ruleBase = BenchFixtures.rules(rules);
        // no firing limit to speak of: this measures rules that join facts, it does not stop them
        runner = new SessionRunner(ruleBase, Integer.MAX_VALUE, 600_000);
        // facts over every id the rule set tests, as a bundle about many causes has them
        bundle = BenchFixtures.symptoms(facts, BenchFixtures.ruleIds(ruleBase));
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
