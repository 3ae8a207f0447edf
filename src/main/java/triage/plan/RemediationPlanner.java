package triage.plan;

import triage.knowledge.CauseDef;
import triage.knowledge.Phase;
import triage.knowledge.Risk;
import triage.knowledge.Severity;
import triage.knowledge.StepDef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders a cause's steps safety first.
 * <ol>
 *   <li>Steps that stop the damage (circuit breaker, kill switch, cancel open orders) come first;
 *       for critical causes always, for others too when the guide gives them.</li>
 *   <li>Then the checks that confirm the diagnosis.</li>
 *   <li>Then the repairs, least invasive first (safe, disruptive, destructive), keeping the guide's
 *       order within a risk class; each repair's verification is its own next step.</li>
 *   <li>Last an escalation, from the guide or a default one, for when the plan is exhausted.</li>
 * </ol>
 */
public final class RemediationPlanner {

    public static final String DEFAULT_ESCALATION =
            "If the problem persists after these steps, escalate to the platform on-call engineer with this diagnosis and the evidence it cites";

    public List<RemediationStep> plan(CauseDef cause) {
        List<StepDef> steps = cause.remediation();
        List<StepDef> ordered = new ArrayList<>();
        steps.stream().filter(s -> s.phase() == Phase.STOP_DAMAGE).forEach(ordered::add);
        steps.stream().filter(s -> s.phase() == Phase.DIAGNOSE).forEach(ordered::add);
        steps.stream().filter(s -> s.phase() == Phase.REPAIR)
                .sorted(Comparator.comparing(StepDef::risk)) // stable: guide order within a class
                .forEach(ordered::add);
        List<StepDef> escalations = steps.stream().filter(s -> s.phase() == Phase.ESCALATE).toList();

        List<RemediationStep> plan = new ArrayList<>();
        for (StepDef step : ordered) {
            add(plan, step.phase(), step.action(), step.command(), null, step.risk(), step.needsConfirmation());
            if (step.verify() != null && !step.verify().isBlank()) {
                add(plan, Phase.DIAGNOSE, "Verify: " + step.verify(), null, null, Risk.SAFE, false);
            }
        }
        if (escalations.isEmpty()) {
            String who = cause.severity() == Severity.CRITICAL ? " and the head of trading" : "";
            add(plan, Phase.ESCALATE, DEFAULT_ESCALATION + who, null, null, Risk.SAFE, false);
        } else {
            escalations.forEach(s -> add(plan, Phase.ESCALATE, s.action(), s.command(), s.verify(), s.risk(), s.needsConfirmation()));
        }
        return List.copyOf(plan);
    }

    private static void add(List<RemediationStep> plan, Phase phase, String action, String command, String verify,
                            Risk risk, boolean confirm) {
        plan.add(new RemediationStep(plan.size() + 1, phase, action, command, verify, risk, confirm));
    }
}
