import triage.api.AlertGroup;
import triage.api.InvalidPayloadException;
import triage.api.Triage;
import triage.diagnosis.CauseHypothesis;
import triage.diagnosis.Diagnosis;
import triage.plan.RemediationStep;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An alert handler embedding triage: it diagnoses an Alertmanager webhook payload (version 4) and
 * prints the most likely cause with its plan. Run it from the project root, after
 * {@code mvn -q -DskipTests package}:
 *
 * <pre>
 * java -cp target/triage.jar samples/AlertHandlerExample.java samples/alertmanager-webhook.json
 * </pre>
 *
 * A real handler keeps the {@link Triage} for its whole life (loading compiles the rules, seconds) and
 * calls it from as many threads as it likes (a diagnosis takes milliseconds).
 */
public class AlertHandlerExample {

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp target/triage.jar samples/AlertHandlerExample.java PAYLOAD.json");
            System.exit(2);
        }
        byte[] payload = Files.readAllBytes(Path.of(args[0]));
        Path projectRoot = Path.of(System.getenv().getOrDefault("TRIAGE_KB", "."));   // holds rules/ and knowledge-base/

        try (Triage triage = Triage.load(projectRoot)) {
            AlertGroup group;
            try {
                group = AlertGroup.parse(payload);
            } catch (InvalidPayloadException e) {
                System.err.println("not a payload to diagnose: " + e.getMessage());
                System.exit(2);
                return;
            }
            Diagnosis d = triage.diagnose(group);
            System.out.printf("group %s: %d alerts, %d firing%n", group.groupKey(), group.alerts(), group.firing());
            if (d.causes().isEmpty()) {
                System.out.println(d.insufficientEvidence() ? "insufficient evidence; candidates:" : "no known cause recognised");
                d.candidates().forEach(c -> System.out.printf("  %s (%.2f)%n", c.id(), c.confidence()));
                return;
            }
            CauseHypothesis top = d.causes().get(0);
            System.out.printf("most likely: %s (%s), confidence %.2f%n", top.id(), top.cause().title(), top.confidence());
            top.evidence().stream().limit(3).forEach(e -> System.out.println("  evidence " + e.source() + ": " + e.text()));
            for (RemediationStep step : top.remediation()) {
                System.out.printf("  %d. [%s] %s%s%n", step.order(), step.phase().label(), step.action(),
                        step.requiresConfirmation() ? "  (confirm first)" : "");
            }
        }
    }
}
