/**
 * Embedding triage in another Java program.
 *
 * <p>{@link triage.api.Triage} is the entry point: {@link triage.api.Triage#load(java.nio.file.Path)}
 * reads {@code knowledge-base/} and compiles {@code rules/} once (seconds); every
 * {@code diagnose(...)} call afterwards reads its evidence and runs a fresh rule session on the shared,
 * immutable rule base (milliseconds). One instance serves any number of threads; nothing in the
 * library is static or global, so several instances over different knowledge bases can live side by side.
 *
 * <pre>{@code
 * try (Triage triage = Triage.load(Path.of("/opt/triage"))) {
 *     Diagnosis d = triage.diagnoseAlertmanager(webhookBody);          // an Alertmanager v4 payload
 *     for (CauseHypothesis c : d.causes()) {                           // most likely first
 *         System.out.println(c.id() + " " + c.confidence());
 *         c.remediation().forEach(s -> System.out.println("  " + s.order() + ". " + s.action()));
 *     }
 *     String json = new JsonRenderer().render(d, false);               // the contract's JSON
 * }
 * }</pre>
 *
 * <p>The results are plain records: {@link triage.diagnosis.Diagnosis} (reported causes, candidates,
 * symptoms, warnings), {@link triage.diagnosis.CauseHypothesis} (a cause with its confidence, the rules
 * and {@link triage.diagnosis.EvidenceItem evidence} behind it, and its ordered
 * {@link triage.plan.RemediationStep remediation}). Evidence text in them has already gone through the
 * redactor: secrets found in logs and payloads are masked.
 *
 * <p>Bad input is an {@link triage.api.InvalidPayloadException} (a one-line message safe to show to the
 * sender), a broken knowledge base or rule file a {@link triage.knowledge.KnowledgeBaseException} at load
 * time. Rules that keep firing past the session's firing or time limit are stopped: the diagnosis then
 * holds what they concluded until then, and a warning naming the rule.
 */
package triage.api;
