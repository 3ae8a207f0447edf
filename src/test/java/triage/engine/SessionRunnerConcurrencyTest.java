package triage.engine;

import org.junit.jupiter.api.Test;
import triage.facts.Symptom;
import triage.testing.TestTriage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** One runner, its pooled sessions and one KieBase serve many threads without mixing their facts. */
class SessionRunnerConcurrencyTest {

    private static final List<String> IDS = List.of("exchange.http-429", "exchange.api-unavailable",
            "exchange.connection-failed", "network.exchange-unreachable", "network.dns-lookup-failed",
            "auth.api-key-rejected", "host.disk-full", "exchange.requests-succeed-after-backoff");

    @Test
    void manyThreadsGetTheResultsOfTheirOwnFacts() throws Exception {
        RuleBase rules = TestTriage.get().rules();
        Random random = new Random(7);
        List<List<Object>> bundles = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            List<Object> facts = new ArrayList<>();
            for (String id : IDS) {
                if (random.nextBoolean()) {
                    facts.add(new Symptom(id, "", 1 + random.nextInt(12), Double.NaN, Double.NaN, 0, 0, null, null));
                }
            }
            bundles.add(facts);
        }
        try (SessionRunner runner = new SessionRunner(rules)) {
            List<String> expected = bundles.stream().map(b -> supports(runner.run(b))).toList();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> wrong = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int seed = t;
                    wrong.add(pool.submit(() -> {
                        int mismatches = 0;
                        for (int i = 0; i < 500; i++) {
                            int b = (i * 31 + seed * 7) % bundles.size();
                            if (!supports(runner.run(bundles.get(b))).equals(expected.get(b))) {
                                mismatches++;
                            }
                        }
                        return mismatches;
                    }));
                }
                for (Future<Integer> w : wrong) {
                    assertThat(w.get()).isZero();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static String supports(SessionResult r) {
        return r.supports().stream().map(s -> s.cause() + s.cf() + s.rule()).sorted().toList() + " "
                + r.against().stream().map(a -> a.cause() + a.cf()).sorted().toList();
    }
}
