package triage.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import triage.facts.Answer;
import triage.facts.Symptom;
import triage.knowledge.KnowledgeBaseLoader;
import triage.testing.TestTriage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule file of rules/ compiles into the executable model (what the command line loads, from
 * the cache or the jar), and the executable model concludes exactly what the classic engine does
 * on the same facts: the same supports, evidence against and findings, from the same rules.
 */
class EngineEquivalenceTest {

    private static final Pattern QUOTED_ID = Pattern.compile("\"([a-z0-9-]+\\.[a-z0-9.-]+)\"");
    private static final double[] VALUES = {Double.NaN, 0, 0.5, 3, 40, 250, 2_000, 70_000, 1e7};
    private static final int[] COUNTS = {1, 2, 3, 5, 10, 50, 500};

    private static RuleBase classic;
    private static RuleBase executable;
    private static List<String> ids;

    @BeforeAll
    static void compileBoth() {
        Map<String, String> sources = RuleBase.readSources(TestTriage.projectRoot());
        classic = RuleBase.compile(sources);
        RuleBase.Compiled compiled = RuleBase.compileExecutable(sources, RuleCache.keyOf(sources));
        assertThat(compiled.errors()).as("executable-model errors").isEmpty();
        executable = compiled.rules();
        assertThat(executable.engine()).isEqualTo(RuleBase.Engine.EXECUTABLE_MODEL);
        TreeSet<String> all = new TreeSet<>(new KnowledgeBaseLoader().load(TestTriage.projectRoot()).symptoms().keySet());
        sources.values().forEach(text -> {
            Matcher m = QUOTED_ID.matcher(text);
            while (m.find()) {
                all.add(m.group(1));
            }
        });
        ids = new ArrayList<>(all);
    }

    @Test
    void bothEnginesConcludeTheSameForEverySymptomAlone() {
        try (SessionRunner c = new SessionRunner(classic); SessionRunner x = new SessionRunner(executable)) {
            for (String id : ids) {
                for (int count : COUNTS) {
                    for (double value : VALUES) {
                        List<Object> facts = List.of(symptom(id, count, value));
                        assertThat(conclusions(x.run(facts))).as("%s", facts).isEqualTo(conclusions(c.run(facts)));
                    }
                }
            }
        }
    }

    @Test
    void bothEnginesConcludeTheSameOnRandomBundlesWithAnswers() {
        Random random = new Random(9);
        try (SessionRunner c = new SessionRunner(classic); SessionRunner x = new SessionRunner(executable)) {
            int concluded = 0;
            for (int round = 0; round < 400; round++) {
                List<Object> facts = new ArrayList<>();
                int n = 1 + random.nextInt(25);
                for (int i = 0; i < n; i++) {
                    String id = ids.get(random.nextInt(ids.size()));
                    if (random.nextInt(6) == 0) {
                        facts.add(random.nextBoolean() ? Answer.yes(id, "test") : Answer.no(id, "test"));
                    } else {
                        facts.add(symptom(id, COUNTS[random.nextInt(COUNTS.length)], VALUES[random.nextInt(VALUES.length)]));
                    }
                }
                List<String> expected = conclusions(c.run(facts));
                assertThat(conclusions(x.run(facts))).as("%s", facts).isEqualTo(expected);
                concluded += expected.size();
            }
            assertThat(concluded).as("the bundles must make the rules conclude something").isGreaterThan(100);
        }
    }

    private static Symptom symptom(String id, int count, double value) {
        return new Symptom(id, "binance", count, value, value, 1_000, 61_000, Map.of(), List.of());
    }

    /** What a session concluded, engine-neutral and in a stable order. */
    private static List<String> conclusions(SessionResult r) {
        List<String> out = new ArrayList<>();
        r.supports().forEach(s -> out.add("support " + s.cause() + " " + s.cf() + " by " + s.rule()));
        r.against().forEach(a -> out.add("against " + a.cause() + " " + a.cf() + " by " + a.rule()));
        r.findings().forEach(f -> out.add("finding " + f));
        r.supports().forEach(s -> out.add("trace " + s.cause() + " " + (r.trace(s) == null ? "-" : r.trace(s).rule())));
        out.sort(null);
        out.add("firings " + r.firings());
        return out;
    }
}
