package triage.plan;

import triage.knowledge.Phase;
import triage.knowledge.Risk;

/**
 * One step of a remediation plan, in the order it should be done.
 *
 * @param order                1-based position in the plan
 * @param phase                stop-damage, diagnose, repair or escalate
 * @param action               what to do, in words
 * @param command              the command, where the guide gives one; may be null
 * @param verify               how to check the step worked; may be null
 * @param requiresConfirmation destructive steps, and raising limits or switching live/paper,
 *                             must be confirmed by a person before they are done
 * @param risk                 safe, disruptive or destructive
 */
public record RemediationStep(int order, Phase phase, String action, String command, String verify,
                              Risk risk, boolean requiresConfirmation) {
}
