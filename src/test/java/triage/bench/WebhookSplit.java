package triage.bench;

import triage.api.AlertGroup;
import triage.api.Triage;
import triage.evidence.Evidence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a webhook's CPU goes, warm, one thread, on the real rule base: parsing the payload, recognising its
 * alerts (the reader), and the diagnosis (rule session, hypotheses, plan). Prints µs per request of each.
 * {@code java -cp ... triage.bench.WebhookSplit PROJECT_ROOT PAYLOAD [ITERATIONS]}
 */
public final class WebhookSplit {

    private WebhookSplit() {
    }

    public static void main(String[] args) throws Exception {
        byte[] payload = Files.readAllBytes(Path.of(args[1]));
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        try (Triage triage = Triage.load(Path.of(args[0]))) {
            for (int round = 0; round < 3; round++) { // the last round is the warm one
                long parse = 0;
                long read = 0;
                long diagnose = 0;
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    AlertGroup group = AlertGroup.parse(payload);
                    long t1 = System.nanoTime();
                    Evidence e = triage.read(java.util.Map.of("alertmanager-webhook.json", group.payload()));
                    long t2 = System.nanoTime();
                    triage.diagnose(e);
                    long t3 = System.nanoTime();
                    parse += t1 - t0;
                    read += t2 - t1;
                    diagnose += t3 - t2;
                }
                System.out.printf(Locale.ROOT, "round %d: parse %.1f us, recognition %.1f us, diagnosis %.1f us per request%n",
                        round, parse / 1e3 / n, read / 1e3 / n, diagnose / 1e3 / n);
            }
        }
    }
}
