package triage.api;

import org.junit.jupiter.api.Test;
import triage.diagnosis.CauseHypothesis;
import triage.diagnosis.Diagnosis;
import triage.facts.Symptom;
import triage.output.JsonRenderer;
import triage.testing.TestTriage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriageApiTest {

    private static final String LOG_429 = "2026-05-06 09:10:0%d ERROR binance 429 Too Many Requests {\"code\":-1003,\"msg\":\"Too many requests\"}\n";
    private static final String LOG_503 = "2026-05-06 09:10:0%d ERROR binance 503 Service Unavailable\n";

    private static byte[] sample() throws Exception {
        return Files.readAllBytes(TestTriage.projectRoot().resolve("samples/alertmanager-webhook.json"));
    }

    private static String lines(String format, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(format.formatted(i));
        }
        return sb.toString();
    }

    @Test
    void theSamplePayloadConcludesRateLimiting() throws Exception {
        Diagnosis d = TestTriage.get().diagnoseAlertmanager(sample());
        assertThat(d.causes()).isNotEmpty();
        CauseHypothesis top = d.causes().get(0);
        assertThat(top.id()).isEqualTo("exchange.rate-limited");
        assertThat(top.confidence()).isGreaterThanOrEqualTo(0.5);
        assertThat(top.remediation()).isNotEmpty();
        assertThat(top.evidence()).allSatisfy(e -> assertThat(e.source()).startsWith("alertmanager-webhook.json:"));
    }

    @Test
    void alertGroupTellsWhatItHolds() throws Exception {
        AlertGroup g = AlertGroup.parse(sample());
        assertThat(g.alerts()).isEqualTo(3);
        assertThat(g.firing()).isEqualTo(3);
        assertThat(g.receiver()).isEqualTo("triage");
        assertThat(g.groupKey()).contains("ExchangeRateLimited");
    }

    @Test
    void malformedPayloadsAreOneLineReasons() {
        assertThatThrownBy(() -> AlertGroup.parse("{\"version\": \"4\", \"alerts\": [".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidPayloadException.class).hasMessageStartingWith("invalid JSON at line 1")
                .satisfies(e -> assertThat(((InvalidPayloadException) e).kind()).isEqualTo(InvalidPayloadException.Kind.INVALID_JSON))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> AlertGroup.parse("{\"status\": \"ok\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidPayloadException.class)
                .satisfies(e -> assertThat(((InvalidPayloadException) e).kind()).isEqualTo(InvalidPayloadException.Kind.WRONG_SHAPE));
        assertThatThrownBy(() -> AlertGroup.parse("{\"version\": \"1\", \"orgId\": 1, \"alerts\": [{\"labels\": {}}]}"
                .getBytes(StandardCharsets.UTF_8)))
                .satisfies(e -> assertThat(((InvalidPayloadException) e).kind()).isEqualTo(InvalidPayloadException.Kind.UNSUPPORTED_VERSION));
        assertThatThrownBy(() -> AlertGroup.parse("{\"version\": \"4\", \"groupKey\": \"{}\", \"alerts\": []}"
                .getBytes(StandardCharsets.UTF_8)))
                .satisfies(e -> assertThat(((InvalidPayloadException) e).kind()).isEqualTo(InvalidPayloadException.Kind.NO_EVIDENCE));
    }

    @Test
    void inMemoryFilesAreReadTogetherLikeFilesOnDisk() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a.log", lines(LOG_429, 2).getBytes(StandardCharsets.UTF_8));
        // different lines: files of the same content count once (issue 13), in memory and on disk alike
        files.put("b.log", lines(LOG_429.replace("09:1", "10:1"), 2).getBytes(StandardCharsets.UTF_8));
        Diagnosis inMemory = TestTriage.get().diagnose(files);
        Path dir = Files.createTempDirectory("triage-api");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
        Diagnosis onDisk = TestTriage.get().diagnose(List.of(dir.resolve("a.log"), dir.resolve("b.log")));
        assertThat(inMemory.symptoms()).extracting(Symptom::id, Symptom::count)
                .containsExactlyElementsOf(onDisk.symptoms().stream().map(s -> org.assertj.core.groups.Tuple.tuple(s.id(), s.count())).toList());
        // two 429s in each file: four in all, which concludes rate limiting, as it does on disk
        assertThat(inMemory.causes()).extracting(CauseHypothesis::id).containsExactlyElementsOf(
                onDisk.causes().stream().map(CauseHypothesis::id).toList());
        assertThat(inMemory.causes()).extracting(CauseHypothesis::id).first().isEqualTo("exchange.rate-limited");
    }

    /** One instance, 32 threads, mixed inputs: every answer is the one a lone call gives. */
    @Test
    void oneInstanceServesManyThreads() throws Exception {
        Triage triage = TestTriage.get();
        JsonRenderer json = new JsonRenderer();
        List<Callable<String>> work = new ArrayList<>();
        byte[] sample = sample();
        byte[] rate = lines(LOG_429, 5).getBytes(StandardCharsets.UTF_8);
        byte[] outage = lines(LOG_503, 3).getBytes(StandardCharsets.UTF_8);
        work.add(() -> json.render(triage.diagnoseAlertmanager(sample), false));
        work.add(() -> json.render(triage.diagnose("exchanges.log", rate), false));
        work.add(() -> json.render(triage.diagnose("exchanges.log", outage), false));
        List<String> expected = new ArrayList<>();
        for (Callable<String> c : work) {
            expected.add(c.call());
        }
        assertThat(expected).doesNotHaveDuplicates();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 32 * 10; i++) {
                futures.add(pool.submit(work.get(i % work.size())));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % work.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClosedInstanceRefusesWork() {
        Triage shared = TestTriage.get();
        Triage own = Triage.of(shared.knowledgeBase(), shared.rules());
        assertThat(own.diagnose(List.of(), List.of(), List.of()).causes()).isEmpty();
        own.close();
        own.close(); // idempotent
        assertThatThrownBy(() -> own.diagnose(List.of(), List.of(), List.of())).isInstanceOf(IllegalStateException.class);
        // the shared rule base is untouched
        assertThat(shared.diagnose("x.log", lines(LOG_429, 5).getBytes(StandardCharsets.UTF_8)).causes()).isNotEmpty();
    }
}
